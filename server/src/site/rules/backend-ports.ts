// S022 for haproxy's backend servers: a `server NAME ADDR:PORT` whose address belongs to a host of
// the site must get through that host's firewall, on the port haproxy sends traffic to and on the
// port of its health checks (`check port N`); otherwise the server fails its checks and gets no
// traffic. The packet comes from haproxy's host (its address on the server's network), so that
// zones and rich rules bound to a source are judged too.
import { inNetwork, parseAddress } from "../../rules/keepalived/ip.js";
import { parseAddressList, rangeInWord, serverAddressWord, serverOptions } from "../../rules/haproxy/options.js";
import type { RelatedLocation } from "../../lint/rule.js";
import type { HostFirewall } from "../firewall/host-firewall.js";
import type { Packet } from "../firewall/rules.js";
import type { Host } from "../host.js";
import { networkOf, type SiteModel } from "../model.js";
import { configuredFirewall, judgePort, type Report } from "./ports.js";

/** haproxy's address on the network of `target`, as the source of what it sends there. */
function sourceFor(host: Host, target: string): string | undefined {
  const parsed = parseAddress(target);
  if (!parsed) return undefined;
  return host.network.addresses.find((a) => a.device !== "lo" && a.address.family === parsed.family && inNetwork(parsed, networkOf(a.address)))?.address.address;
}

/** One port of one backend host, with every haproxy server line that sends there. */
interface Target {
  readonly owner: Host;
  readonly firewall: HostFirewall;
  readonly check: boolean;
  readonly senders: { name: string; packet: Packet; related: RelatedLocation }[];
}

export function checkBackendPorts(site: SiteModel, report: Report, seen: Set<string>): void {
  const targets = new Map<string, Target>();
  for (const host of site.hosts) {
    const model = host.haproxy?.model;
    if (!model) continue;
    for (const section of model.sectionsOfType("backend", "listen")) {
      for (const statement of section.statements) {
        if (statement.keyword.value !== "server") continue;
        const word = serverAddressWord(statement);
        const socket = word ? parseAddressList(word)[0] : undefined;
        if (!word || !socket || socket.kind !== "inet" || socket.hostname || socket.wildcard || socket.loopback) continue;
        const address = parseAddress(socket.host);
        if (!address) continue;
        const owners = site.owners(address.address).filter((h) => h !== host);
        const owner = owners.length === 1 ? owners[0]! : undefined;
        const firewall = owner ? configuredFirewall(owner) : undefined;
        if (!owner || !firewall) continue;
        const options = serverOptions(statement);
        const checkPort = options.some((o) => o.name === "check") ? Number(options.find((o) => o.name === "port")?.value?.value) : NaN;
        const ports = [...new Set([socket.portFrom, Number.isInteger(checkPort) ? checkPort : undefined].filter((p): p is number => p !== undefined && p > 0))];
        const iface = owner.deviceOf(address.address);
        const src = sourceFor(host, address.address);
        const name = `${section.name ?? section.type}/${statement.args[0]?.value ?? "?"}`;
        const related = { uri: section.uri, range: rangeInWord(word, socket.start, socket.end), message: `${host.name}'s haproxy: server ${name}` };
        for (const port of ports) {
          const key = `${owner.name} ${address.address} ${port}`;
          const packet: Packet = { family: address.family, proto: "tcp", dst: address.address, dport: port, state: "NEW", ...(iface ? { iface } : {}), ...(src ? { src } : {}) };
          const target = targets.get(key) ?? targets.set(key, { owner, firewall, check: port !== socket.portFrom, senders: [] }).get(key)!;
          target.senders.push({ name: `${host.name}'s haproxy ${target.check ? "checks" : "sends"} server ${name}`, packet, related });
        }
      }
    }
  }
  for (const { owner, firewall, senders: all } of targets.values()) {
    // One finding for the senders whose packets are certainly dropped (a rule may let some sources in).
    const senders = all.filter((s) => firewall.accepts(s.packet).result === "drop");
    if (senders.length === 0) continue;
    const names = senders.map((s) => s.name);
    const what = `where ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`}`;
    judgePort(report, seen, owner, firewall, senders.map((s) => s.packet), what, "the server fails its health checks and gets no traffic from haproxy", senders.slice(0, 3).map((s) => s.related));
  }
}
