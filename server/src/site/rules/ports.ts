// Whether a host's firewall lets a packet in, judged as S020 judges VRRP: only a certain drop by a
// firewall lblint understands is reported, once per place, port and address, on the rule or policy
// that drops it (or the zone), with the fix for that kind of firewall.
import type { RelatedLocation, SiteRule } from "../../lint/rule.js";
import type { Located } from "../files.js";
import type { HostFirewall } from "../firewall/host-firewall.js";
import type { Packet } from "../firewall/rules.js";
import type { Host } from "../host.js";
import type { SiteModel } from "../model.js";

export type Report = Parameters<SiteRule["check"]>[0]["report"];

/**
 * The firewall a host runs, when its configuration says what it lets in: zone or direct files for
 * firewalld (firewalld.conf alone may belong to a stopped firewalld), or an iptables or nftables file.
 */
export function configuredFirewall(host: Host): HostFirewall | undefined {
  const kinds = new Set(host.files.map((f) => f.kind));
  if (host.firewall?.kind === "firewalld" && !kinds.has("firewalld-zone") && !kinds.has("firewalld-direct")) return undefined;
  return host.firewall;
}

/** The interface a VIP arrives on: its `dev`, the instance's interface, or the device that has it. */
export function interfaceOf(site: SiteModel, host: Host, address: string): string | undefined {
  for (const member of site.instancesOf(host)) {
    const entry = member.instance.vips.find((e) => e.address?.address === address);
    if (entry) return entry.option("dev")?.value ?? member.instance.interfaceName;
  }
  return host.deviceOf(address);
}

/** Runs a packet through a host's firewall; reports a certain drop once per place and port. */
export function judgePort(
  report: Report,
  seen: Set<string>,
  host: Host,
  firewall: HostFirewall,
  packets: readonly Packet[],
  what: string,
  consequence: string,
  related: RelatedLocation[],
): void {
  if (packets.length === 0) return;
  const verdicts = packets.map((packet) => firewall.accepts(packet));
  // Several packets (a wildcard bind on each interface): only when every one is dropped.
  if (!verdicts.every((v) => v.result === "drop")) return;
  const packet = packets[0]!;
  const where: Located<string> | undefined = verdicts[0]!.by ?? firewall.anchor;
  if (!where) return;
  const key = `${where.uri}#${where.range.start.offset}#${packet.proto}/${packet.dport}#${packet.dst ?? "*"}`;
  if (seen.has(key)) return;
  seen.add(key);
  // A packet without a port is a protocol of its own (IP-in-IP).
  const traffic = packet.dport === undefined ? `IP protocol ${packet.proto}` : `${packet.proto.toUpperCase()} port ${packet.dport}`;
  const ifaces = [...new Set(packets.flatMap((p) => (p.iface ? [p.iface] : [])))];
  const element = packet.dport === undefined ? `<protocol value="${packet.proto}"/>` : `<port protocol="${packet.proto}" port="${packet.dport}"/> (or a service)`;
  const open =
    firewall.kind === "firewalld"
      ? `open it with ${element} in the zone${ifaces.length > 1 ? "s" : ""}${ifaces.length > 0 ? ` of ${ifaces.join(", ")}` : ""}`
      : "accept it before this rule";
  report({
    uri: where.uri,
    range: where.range,
    message: `${host.name}'s ${firewall.kind} drops ${traffic} to ${packet.dst ?? "any address of the host"}, ${what}: ${consequence}; ${open}`,
    related,
  });
}
