// What the site report shows of the routers' side, with the line each judgement rests on: a NAT
// router's forwarding sysctl (S030), the firewall rule that lets a service's port in or drops it
// (S022), the rules that set a service's firewall mark (S021), the rule that lets each peer's VRRP
// adverts in (S020), and for each haproxy bind on a VIP what lets it bind while the VIP is elsewhere
// (X001). The rules report the faults; this names the evidence for what is fine too.
import { parseAddress } from "../rules/keepalived/ip.js";
import { haproxyBinds } from "./binds.js";
import type { Packet, Verdict } from "./firewall/rules.js";
import type { Host } from "./host.js";
import { cite, described, endpoints, ok, unknown, type Judgement, type LvsService } from "./lvs.js";
import type { SiteInstance, SiteModel } from "./model.js";
import type { Cluster } from "./peers.js";
import { configuredFirewall, interfaceOf } from "./rules/ports.js";

/** A judgement with the rule that reports it when it is a fault. */
export interface RuleCheck {
  readonly name: string;
  readonly rule: string;
  readonly judgement: Judgement;
}

const fault = (detail: string): Judgement => ({ status: "fault", detail });

/** `firewalld accepts … by 'http' (lb1/etc/firewalld/zones/public.xml:5)`. */
function verdictJudgement(site: SiteModel, host: Host, verdict: Verdict, what: string): Judgement {
  const firewall = host.firewall!;
  // A drop by no rule in particular is the zone's or chain's default, which S020/S022 report at its anchor.
  const by = verdict.by ? ` by '${verdict.by.value}' (${cite(verdict.by, site)})` : "";
  if (verdict.result === "accept") return ok(`${host.name}'s ${firewall.kind} accepts ${what}${by || " (nothing drops it)"}`);
  if (verdict.result === "drop") return fault(`${host.name}'s ${firewall.kind} drops ${what}${by || (firewall.anchor ? ` (${cite(firewall.anchor, site)})` : "")}`);
  return unknown(`whether ${host.name}'s ${firewall.kind} accepts ${what} is not certain (a rule lblint cannot judge comes first)`);
}

/** The checks of one router for one of its virtual servers. */
export function routerChecks(site: SiteModel, service: LvsService): RuleCheck[] {
  const host = service.host;
  const checks: RuleCheck[] = [];
  if (service.method === "NAT" || service.realServers.some((rs) => rs.method === "NAT")) {
    const key = service.family === 6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward";
    const value = host.sysctlValue(key);
    // As S030 judges: a host known only by its keepalived file is not judged; one with other files
    // but no sysctl file has the kernel's default.
    const judgement = !described(host)
      ? unknown(`${host.name} has no sysctl files: ${key} cannot be told`)
      : value.value === 1 && value.where
        ? ok(`${key} = 1 (${cite(value.where.value, site)})`)
        : fault(
            value.where
              ? `${key} = ${value.text} (${cite(value.where.value, site)})`
              : host.hasSysctlFiles
                ? `no sysctl file sets ${key} (the kernel default is 0)`
                : `${host.name} has no sysctl file (the kernel default is 0)`,
          );
    checks.push({ name: "forwarding", rule: "S030", judgement });
  }
  if (service.kind === "fwmark" || service.group?.members.some((m) => m.fwmark !== undefined)) {
    const marks = [service.fwmark, ...(service.group?.members.map((m) => m.fwmark) ?? [])].filter((m): m is number => m !== undefined);
    const rules = host.firewalls.flatMap((f) => f.marks()).filter((m) => marks.includes(m.mark));
    const judgement =
      host.firewalls.length === 0
        ? unknown(`${host.name} has no firewall files: what sets mark ${marks.join(", ")} cannot be told`)
        : rules.length > 0
          ? ok(`mark ${marks.join(", ")} is set by ${rules.map((m) => `'${m.where.value}' (${cite(m.where, site)})`).join(", ")}`)
          : fault(`nothing in ${host.name}'s firewall configuration sets mark ${marks.join(", ")}`);
    checks.push({ name: "mark", rule: "S021", judgement });
  }
  const firewall = configuredFirewall(host);
  for (const { vip, ports } of endpoints(service)) {
    for (const [port] of (ports ?? []).filter(([lo, hi]) => lo === hi)) {
      const what = `${service.protocol.toUpperCase()} port ${port} to ${vip}`;
      if (!firewall) {
        checks.push({ name: "firewall", rule: "S022", judgement: unknown(`${host.name} has no firewall files: ${what} is not judged`) });
        continue;
      }
      const iface = interfaceOf(site, host, vip);
      const packet: Packet = { family: parseAddress(vip)?.family ?? 4, proto: service.protocol, dst: vip, dport: port, state: "NEW", ...(iface ? { iface } : {}) };
      checks.push({ name: "firewall", rule: "S022", judgement: verdictJudgement(site, host, firewall.accepts(packet), what) });
    }
  }
  return checks;
}

/** Whether each member's firewall lets its peers' adverts in (S020), with the rule that decides. */
export function vrrpFirewallChecks(site: SiteModel, cluster: Cluster): { member: SiteInstance; judgement: Judgement }[] {
  return cluster.members.map((member) => {
    const firewall = member.host.firewall;
    if (!firewall) return { member, judgement: unknown(`${member.host.name} has no firewall files`) };
    const peer = cluster.members.find((m) => m.host !== member.host);
    const family = member.instance.family?.family ?? 4;
    const unicast = member.instance.unicast ? member.instance.unicastPeers.find((e) => e.address)?.address?.address : undefined;
    const packet: Packet = {
      family,
      proto: "vrrp",
      state: "NEW",
      ...(member.instance.interfaceName ? { iface: member.instance.interfaceName } : {}),
      ...(unicast ? { src: unicast, ...(member.source ? { dst: member.source } : {}) } : { dst: member.instance.setting("mcast_dst_ip")?.value?.value ?? (family === 4 ? "224.0.0.18" : "ff02::12"), ...(peer?.source ? { src: peer.source } : {}) }),
    };
    return { member, judgement: verdictJudgement(site, member.host, firewall.accepts(packet), `VRRP from ${unicast ?? packet.src ?? "its peers"}`) };
  });
}

/** For each haproxy bind on a VIP of its host: what lets it bind while the VIP is elsewhere (X001). */
export function bindChecks(site: SiteModel, host: Host): { bind: string; judgement: Judgement }[] {
  const vips = new Map<string, SiteInstance>();
  for (const member of site.instancesOf(host)) for (const vip of member.vips) if (!vips.has(vip)) vips.set(vip, member);
  const rows: { bind: string; judgement: Judgement }[] = [];
  for (const bind of haproxyBinds(host)) {
    const member = bind.address === undefined ? undefined : vips.get(bind.address);
    if (!member) continue;
    const label = `${bind.address}:${bind.port ?? "?"} (${cite(bind.where, site)})`;
    const key = bind.family === 4 ? "net.ipv4.ip_nonlocal_bind" : "net.ipv6.ip_nonlocal_bind";
    const setting = host.sysctlValue(key);
    const judgement = bind.nonlocal
      ? ok("the bind has transparent or freebind")
      : member.instance.priority === 255
        ? ok(`${member.instance.name ?? "the instance"} has priority 255: ${host.name} always holds the VIP`)
        : setting.value === 1 && setting.where
          ? ok(`${key} = 1 (${cite(setting.where.value, site)})`)
          : !described(host)
            ? unknown(`${host.name} has no system files: ${key} cannot be told`)
            : fault(setting.where ? `${key} = ${setting.text} (${cite(setting.where.value, site)})` : `no sysctl file sets ${key}, and the bind has neither transparent nor freebind`);
    rows.push({ bind: label, judgement });
  }
  return rows;
}
