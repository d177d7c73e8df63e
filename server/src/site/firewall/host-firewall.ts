// The firewall a host runs, whichever it is — firewalld (zones, rich rules, direct rules), an
// iptables-save file or an nftables ruleset — behind one question: does a packet get in, and which
// rule or policy says so. Also: which rules set a firewall mark (for `virtual_server fwmark N`).
import { parseAddress } from "../../rules/keepalived/ip.js";
import type { Located } from "../files.js";
import { FIREWALLD_SERVICES, FIREWALLD_ZONES } from "../firewalld-services.js";
import type { DirectRule, ForwardPort, RichRule, Zone } from "../parsers/firewalld.js";
import type { Tables } from "../parsers/iptables.js";
import type { NftChain } from "../parsers/nftables.js";
import { evaluate, markRules, matches, protocolName, type Chain, type FirewallRule, type Match, type Packet, type Verdict } from "./rules.js";

/** The firewall a host runs, behind one question: does a packet get in, and which rule says so. */
export interface HostFirewall {
  readonly kind: "firewalld" | "iptables" | "nftables";
  accepts(packet: Packet): Verdict;
  /** Rules that set a mark, with the mark. */
  marks(): { mark: number; where: Located<string>; rule?: FirewallRule }[];
  /** Where a rule that lets something in would be added. */
  readonly anchor: Located<string> | undefined;
  /** Local redirects (`-j REDIRECT`, nftables `redirect`, firewalld forward-port without to-addr). */
  redirects(): Redirect[];
  /** Where a rule that sets a mark would be added (direct.xml, the mangle table, a prerouting chain). */
  readonly markAnchor: Located<string> | undefined;
  /** Source NAT (`-j SNAT`/`MASQUERADE`, nftables `snat`/`masquerade`, firewalld `<masquerade/>`). */
  sourceNats(): SourceNat[];
}

/** A source NAT rule: what it matches and, for a firewalld zone, the interfaces it applies to. */
export interface SourceNat {
  readonly match: Match;
  /** Outgoing interfaces it is limited to (a firewalld zone's); undefined: any. */
  readonly interfaces?: readonly string[];
  readonly where: Located<string>;
}

const SOURCE_NAT = new Set(["SNAT", "MASQUERADE"]);
const asSourceNat = (rule: FirewallRule): SourceNat => ({ match: rule.match, where: rule.where });

/** A local redirect: packets it matches are delivered to this host (on `toPort`, else their own port). */
export interface Redirect {
  readonly match: Match;
  readonly toPort: number | undefined;
  readonly where: Located<string>;
}

const asRedirect = (rule: FirewallRule): Redirect => ({ match: rule.match, toPort: rule.toPort, where: rule.where });

export function iptablesFirewall(v4: Tables | undefined, v6: Tables | undefined): HostFirewall {
  return {
    kind: "iptables",
    accepts(packet) {
      const tables = packet.family === 4 ? v4 : v6;
      const filter = tables?.get("filter");
      if (!filter) return { result: tables ? "accept" : "unknown" };
      return evaluate(filter, "INPUT", packet) ?? { result: "accept" };
    },
    marks() {
      return [...(v4?.values() ?? []), ...(v6?.values() ?? [])].flatMap((table) => markRules(table.values()).map((rule) => ({ mark: rule.setMark!, where: rule.where, rule })));
    },
    get anchor() {
      const input = v4?.get("filter")?.get("INPUT");
      return input?.rules[0]?.where ?? input?.policy;
    },
    redirects() {
      return [v4, v6].flatMap((tables) => [...(tables?.get("nat")?.values() ?? [])].flatMap((chain) => chain.rules.filter((rule) => rule.target === "REDIRECT").map(asRedirect)));
    },
    sourceNats() {
      return [v4, v6].flatMap((tables) => [...(tables?.get("nat")?.values() ?? [])].flatMap((chain) => chain.rules.filter((rule) => SOURCE_NAT.has(rule.target ?? "")).map(asSourceNat)));
    },
    get markAnchor() {
      const mangle = v4?.get("mangle")?.get("PREROUTING");
      return mangle?.rules[0]?.where ?? mangle?.policy ?? this.anchor;
    },
  };
}

export function nftablesFirewall(chains: readonly NftChain[]): HostFirewall {
  const byName = new Map<string, Map<string, Chain>>();
  for (const chain of chains) {
    const key = `${chain.family} ${chain.table}`;
    (byName.get(key) ?? byName.set(key, new Map()).get(key)!).set(chain.name, chain);
  }
  const inputs = chains.filter((c) => c.hook === "input" && (c.type ?? "filter") === "filter").sort((a, b) => a.priority - b.priority);
  return {
    kind: "nftables",
    accepts(packet) {
      let last: Verdict = { result: "accept" };
      for (const chain of inputs) {
        if (!(chain.family === "inet" || (chain.family === "ip" && packet.family === 4) || (chain.family === "ip6" && packet.family === 6))) continue;
        const verdict = evaluate(byName.get(`${chain.family} ${chain.table}`)!, chain.name, packet) ?? { result: "accept" };
        if (verdict.result !== "accept") return verdict;
        if (verdict.by) last = verdict;
      }
      return last;
    },
    marks() {
      return markRules(chains).map((rule) => ({ mark: rule.setMark!, where: rule.where, rule }));
    },
    get anchor() {
      return inputs[0]?.rules[0]?.where ?? inputs[0]?.policy;
    },
    redirects() {
      return chains.flatMap((chain) => chain.rules.filter((rule) => rule.target === "REDIRECT").map(asRedirect));
    },
    sourceNats() {
      return chains.flatMap((chain) => chain.rules.filter((rule) => SOURCE_NAT.has(rule.target ?? "")).map(asSourceNat));
    },
    get markAnchor() {
      const prerouting = chains.find((c) => c.hook === "prerouting" && c.type !== "nat");
      return prerouting?.rules[0]?.where ?? prerouting?.policy ?? this.anchor;
    },
  };
}

export interface FirewalldSetup {
  readonly zones: ReadonlyMap<string, Zone>;
  readonly direct: readonly DirectRule[];
  /** The `<direct>` element of direct.xml, when there is one. */
  readonly directRoot?: Located<string> | undefined;
  readonly defaultZone: Located<string> | undefined;
  /** Interface → zone from the network files (ifcfg ZONE=, keyfile zone=). */
  readonly interfaceZones: ReadonlyMap<string, Located<string>>;
}

/** The services a zone element names, as `tcp/80`-style entries. */
function serviceEntries(name: string): string[] {
  return (FIREWALLD_SERVICES[name] ?? "").split(" ").filter(Boolean);
}

function serviceMatches(name: string, packet: Packet): boolean {
  return serviceEntries(name).some((entry) => {
    const [kind, value] = entry.split("/") as [string, string];
    if (kind === "proto") return protocolName(value) === packet.proto;
    if (kind !== packet.proto || packet.dport === undefined) return false;
    const [lo, hi] = value.split("-").map(Number) as [number, number | undefined];
    return packet.dport >= lo && packet.dport <= (hi ?? lo);
  });
}

function addressMatches(network: string, address: string | undefined): boolean | undefined {
  if (address === undefined) return undefined;
  return matches({ src: { value: [network], negated: false }, opaque: [] }, { family: 4, proto: "x", src: address }) === "yes";
}

function richRuleMatches(rule: RichRule, packet: Packet): boolean | undefined {
  if (rule.family && rule.family !== (packet.family === 4 ? "ipv4" : "ipv6")) return false;
  let unsure = false;
  for (const [side, address] of [
    [rule.source, packet.src],
    [rule.destination, packet.dst],
  ] as const) {
    if (!side) continue;
    const hit = addressMatches(side.address, address);
    if (hit === undefined) unsure = true;
    else if (hit === side.invert) return false;
  }
  if (rule.service && !serviceMatches(rule.service, packet)) return false;
  if (rule.protocol && protocolName(rule.protocol) !== packet.proto) return false;
  if (rule.port) {
    if (rule.port.protocol !== packet.proto || packet.dport === undefined) return false;
    if (!rule.port.ports.some(([lo, hi]) => packet.dport! >= lo && packet.dport! <= hi)) return false;
  }
  return unsure ? undefined : true;
}

export function firewalldFirewall(setup: FirewalldSetup): HostFirewall {
  const directChains = new Map<string, Chain>();
  const direct = (family: 4 | 6) => {
    const key = `ipv${family}`;
    if (!directChains.has(key)) {
      directChains.set(key, { name: "INPUT", rules: setup.direct.filter((d) => d.table === "filter" && d.chain === "INPUT" && (d.ipv === key || d.ipv === "eb")).map((d) => d.rule) });
    }
    return new Map([["INPUT", directChains.get(key)!]]);
  };
  const zoneFor = (packet: Packet): { name: string; zone: Zone | undefined } => {
    for (const zone of setup.zones.values()) if (zone.sources.some((source) => addressMatches(source.value, packet.src) === true)) return { name: zone.name, zone };
    if (packet.iface !== undefined) {
      for (const zone of setup.zones.values()) if (zone.interfaces.some((i) => i.value === packet.iface)) return { name: zone.name, zone };
      const named = setup.interfaceZones.get(packet.iface)?.value;
      if (named) return { name: named, zone: setup.zones.get(named) };
    }
    const name = setup.defaultZone?.value ?? "public";
    return { name, zone: setup.zones.get(name) };
  };
  return {
    kind: "firewalld",
    accepts(packet) {
      // Direct rules come before every zone.
      const early = evaluate(direct(packet.family), "INPUT", packet);
      if (early) return early;
      const { name, zone } = zoneFor(packet);
      const builtin = FIREWALLD_ZONES[name];
      const target = zone?.target?.value ?? builtin?.target ?? "default";
      const where = zone?.target ?? zone?.where;
      if (target === "ACCEPT") return { result: "accept", ...(where ? { by: where } : {}) };
      // Rich rules by priority; at one priority, deny before allow (firewalld's order).
      const rules = [...(zone?.rules ?? [])].filter((r) => r.action !== "mark" && r.action !== undefined);
      rules.sort((a, b) => a.priority - b.priority || Number(a.action === "accept") - Number(b.action === "accept"));
      let unsure = false;
      for (const rule of rules) {
        const hit = richRuleMatches(rule, packet);
        if (hit === false) continue;
        if (hit === undefined) {
          unsure = true;
          continue;
        }
        if (rule.action === "accept") return { result: "accept", by: rule.where };
        return unsure ? { result: "unknown" } : { result: "drop", by: rule.where };
      }
      const services = zone ? zone.services : (builtin?.services ?? []).map((s) => ({ value: s, uri: "", range: undefined as never }));
      for (const service of services) if (serviceMatches(service.value, packet)) return { result: "accept", ...(zone ? { by: service } : {}) };
      for (const port of zone?.ports ?? []) {
        if (port.protocol === packet.proto && packet.dport !== undefined && port.ports.some(([lo, hi]) => packet.dport! >= lo && packet.dport! <= hi)) return { result: "accept", by: port.where };
      }
      for (const protocol of zone?.protocols ?? []) if (protocolName(protocol.value) === packet.proto) return { result: "accept", by: protocol };
      if (unsure) return { result: "unknown" };
      return { result: "drop", ...(where ? { by: where } : {}) };
    },
    marks() {
      const found: { mark: number; where: Located<string>; rule?: FirewallRule }[] = [];
      for (const d of setup.direct) if (d.rule.setMark !== undefined) found.push({ mark: d.rule.setMark, where: d.rule.where, rule: d.rule });
      for (const zone of setup.zones.values()) {
        for (const rule of zone.rules) {
          if (rule.mark === undefined) continue;
          // A rich rule's own matches, in the shared shape (a service name is not modelled: might match).
          const match: Match = {
            ...(rule.destination ? { dst: { value: [rule.destination.address], negated: rule.destination.invert } } : {}),
            ...(rule.source ? { src: { value: [rule.source.address], negated: rule.source.invert } } : {}),
            ...(rule.port ? { proto: { value: rule.port.protocol, negated: false }, dports: { value: rule.port.ports, negated: false } } : rule.protocol ? { proto: { value: rule.protocol, negated: false } } : {}),
            opaque: rule.service ? ["service"] : [],
          };
          found.push({ mark: rule.mark, where: rule.where, rule: { match, action: "continue", setMark: rule.mark, where: rule.where } });
        }
      }
      return found;
    },
    get anchor() {
      const name = setup.defaultZone?.value ?? "public";
      return setup.zones.get(name)?.where ?? [...setup.zones.values()][0]?.where;
    },
    redirects() {
      const found: Redirect[] = setup.direct.filter((d) => d.table === "nat" && d.rule.target === "REDIRECT").map((d) => asRedirect(d.rule));
      const forwarded = (forward: ForwardPort, dst: RichRule["destination"]): Redirect => ({
        match: {
          proto: { value: forward.protocol, negated: false },
          dports: { value: forward.ports, negated: false },
          ...(dst ? { dst: { value: [dst.address], negated: dst.invert } } : {}),
          opaque: [],
        },
        toPort: forward.toPort,
        where: forward.where,
      });
      for (const zone of setup.zones.values()) {
        for (const forward of zone.forwardPorts) if (forward.toAddr === undefined) found.push(forwarded(forward, undefined));
        for (const rule of zone.rules) if (rule.forwardPort && rule.forwardPort.toAddr === undefined) found.push({ ...forwarded(rule.forwardPort, rule.destination), where: rule.where });
      }
      return found;
    },
    sourceNats() {
      const found = setup.direct.filter((d) => d.table === "nat" && SOURCE_NAT.has(d.rule.target ?? "")).map((d) => asSourceNat(d.rule));
      const defaultZone = setup.defaultZone?.value ?? "public";
      for (const zone of setup.zones.values()) {
        if (!zone.masquerade) continue;
        // The default zone also takes interfaces no zone names: any interface, as far as lblint knows.
        const interfaces = zone.name === defaultZone ? undefined : [...zone.interfaces.map((i) => i.value), ...[...setup.interfaceZones].filter(([, z]) => z.value === zone.name).map(([i]) => i)];
        found.push({ match: { opaque: [] }, ...(interfaces ? { interfaces } : {}), where: zone.masquerade });
      }
      return found;
    },
    get markAnchor() {
      const mangle = setup.direct.find((d) => d.table === "mangle" && d.chain === "PREROUTING");
      return mangle?.rule.where ?? setup.directRoot ?? this.anchor;
    },
  };
}

/** Whether a mark rule could apply to traffic for `address`:`port`: its destination and port fit or are not restricted. */
export function markCovers(rule: FirewallRule | undefined, address: string, port: number | undefined): boolean {
  if (!rule) return true;
  const parsed = parseAddress(address);
  const packet: Packet = { family: parsed?.family ?? 4, proto: rule.match.proto ? protocolName(rule.match.proto.value.split(",")[0]!) : "tcp", dst: address, ...(port !== undefined ? { dport: port } : {}) };
  return matches({ ...rule.match, opaque: [], src: undefined as never }, packet) !== "no";
}
