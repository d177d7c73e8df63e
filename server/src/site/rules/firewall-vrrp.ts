// S020: every router's firewall must let VRRP in — IP protocol 112 (and AH when the instance uses
// auth_type AH) — from the multicast group 224.0.0.18 (or the instance's mcast_dst_ip), or from each
// unicast peer. The host's firewall is evaluated as it runs (firewalld zones, rich and direct rules,
// iptables, nftables); only a certain drop is reported, on the rule or policy that drops, with the
// instance as related information. Hosts without firewall files are not judged.
import type { SiteRule } from "../../lint/rule.js";
import type { Packet } from "../firewall/rules.js";
import type { SiteInstance } from "../model.js";
import { label, related } from "./common.js";

function packets(site: { owners(address: string): { name: string }[] }, member: SiteInstance, peers: readonly SiteInstance[]): { packet: Packet; from: string }[] {
  const family = member.instance.family?.family ?? 4;
  const iface = member.instance.interfaceName;
  const auth = member.instance.blocks("authentication")[0];
  const ah = auth !== undefined && member.instance.model.childStatements(auth.block).some((s) => s.statement.keyword.value === "auth_type" && s.statement.args[0]?.value === "AH");
  const protos = ah ? ["vrrp", "ah"] : ["vrrp"];
  const out: { packet: Packet; from: string }[] = [];
  const base = { family, ...(iface !== undefined ? { iface } : {}), state: "NEW" as const };
  if (member.instance.unicast) {
    for (const entry of member.instance.unicastPeers) {
      if (!entry.address) continue;
      const name = site.owners(entry.address.address)[0]?.name ?? entry.address.address;
      for (const proto of protos) out.push({ packet: { ...base, proto, src: entry.address.address, ...(member.source ? { dst: member.source } : {}) }, from: `${name} (${entry.address.address})` });
    }
  } else {
    const group = member.instance.setting("mcast_dst_ip")?.value?.value ?? (family === 4 ? "224.0.0.18" : "ff02::12");
    for (const peer of peers) {
      for (const proto of protos) out.push({ packet: { ...base, proto, dst: group, ...(peer.source ? { src: peer.source } : {}) }, from: `${peer.host.name} (multicast to ${group})` });
    }
  }
  return out;
}

export const firewallDropsVrrp: SiteRule = {
  meta: {
    id: "S020",
    alias: "firewall-drops-vrrp",
    product: "site",
    severity: "error",
    category: "correctness",
    description: "a router's firewall drops the VRRP adverts of its peers",
    fixable: false,
    native: "silent",
  },
  check({ model: site, report }) {
    for (const cluster of site.clusters) {
      for (const member of cluster.members) {
        const firewall = member.host.firewall;
        if (!firewall) continue;
        const peers = cluster.members.filter((m) => m.host !== member.host);
        if (peers.length === 0) continue;
        const reported = new Set<string>();
        for (const { packet, from } of packets(site, member, peers)) {
          const verdict = firewall.accepts(packet);
          if (verdict.result !== "drop") continue;
          const where = verdict.by ?? firewall.anchor;
          if (!where || reported.has(`${packet.proto}@${where.uri}:${where.range.start.offset}`)) continue;
          reported.add(`${packet.proto}@${where.uri}:${where.range.start.offset}`);
          const what = packet.proto === "ah" ? "AH (IP protocol 51), which auth_type AH needs," : "VRRP (IP protocol 112)";
          report({
            uri: where.uri,
            range: where.range,
            message: `${member.host.name}'s ${firewall.kind} drops ${what} from ${from}: ${label(member)} never hears its peer and becomes MASTER too; accept it ${
              firewall.kind === "firewalld" ? "with <protocol value=\"vrrp\"/> or a rich rule" : "before this rule"
            }`,
            related: [related(site, member, member.instance.interfaceName ? member.instance.setting("interface")?.value : undefined, `${label(member)} on ${member.instance.interfaceName ?? "?"}`)],
          });
        }
      }
    }
  },
};
