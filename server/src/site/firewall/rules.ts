// The firewall rules of iptables, nftables and firewalld's direct rules in one shape, and how a
// packet goes through a chain. Matching is three-valued: a rule matches, does not, or might (it
// uses a match lblint does not model, or the packet's field is unknown). A verdict is only certain
// when no rule that might have matched stood before it, so a check never reports a packet dropped
// on a guess.
import { inNetwork, parseAddress } from "../../rules/keepalived/ip.js";
import type { Located } from "../files.js";

/** A match value and whether it is negated (`! -s 10.0.0.1`). */
export interface Negatable<T> {
  readonly value: T;
  readonly negated: boolean;
}

/** What a firewall rule matches on; `opaque` lists matches lblint does not model. */
export interface Match {
  readonly proto?: Negatable<string>;
  readonly src?: Negatable<string[]>;
  readonly dst?: Negatable<string[]>;
  readonly inIface?: Negatable<string>;
  /** Destination ports as inclusive ranges. */
  readonly dports?: Negatable<[number, number][]>;
  /** conntrack states (`NEW`, `ESTABLISHED`, …), upper case. */
  readonly states?: readonly string[];
  /** Matches lblint does not model: the rule might match anything. */
  readonly opaque: readonly string[];
}

/** What a firewall rule does with a packet it matches. */
export type Action = "accept" | "drop" | "reject" | "return" | "jump" | "goto" | "continue";

/** One firewall rule in the shape shared by iptables, nftables and firewalld direct rules. */
export interface FirewallRule {
  readonly match: Match;
  readonly action: Action;
  readonly target?: string;
  /** `-j MARK --set-mark N`, `meta mark set N`: the mark the rule sets. */
  readonly setMark?: number;
  /** `-j REDIRECT --to-ports N`, `redirect to :N`: the local port a redirect sends the packet to. */
  readonly toPort?: number;
  readonly where: Located<string>;
}

/** A firewall chain: its rules in order and, for built-in or base chains, its policy. */
export interface Chain {
  readonly name: string;
  /** Built-in chains and base chains end with their policy; user chains fall through. */
  readonly policy?: Located<"accept" | "drop">;
  readonly rules: FirewallRule[];
}

/** A packet to run through a host's firewall. */
export interface Packet {
  readonly family: 4 | 6;
  /** `vrrp`, `ah`, `tcp`, `udp`. */
  readonly proto: string;
  readonly src?: string;
  readonly dst?: string;
  readonly dport?: number;
  readonly iface?: string;
  /** Whether this is the first packet of a flow (conntrack NEW). */
  readonly state?: "NEW";
}

/** What a firewall does with a packet, and the rule or policy that decides. */
export interface Verdict {
  readonly result: "accept" | "drop" | "unknown";
  /** The rule or policy that decided. */
  readonly by?: Located<string>;
}

// IP-in-IP is protocol 4, `ipencap` in /etc/protocols (`ipip` there is 94, another protocol).
const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = { "112": "vrrp", "51": "ah", "6": "tcp", "17": "udp", "50": "esp", "1": "icmp", "4": "ipencap", "ip-encap": "ipencap" };

export function protocolName(text: string): string {
  const lower = text.toLowerCase();
  return PROTOCOL_NUMBERS[lower] ?? (lower === "ipv6-icmp" ? "icmpv6" : lower);
}

type Tri = "yes" | "no" | "maybe";

const and = (a: Tri, b: Tri): Tri => (a === "no" || b === "no" ? "no" : a === "maybe" || b === "maybe" ? "maybe" : "yes");
const negate = (t: Tri, negated: boolean): Tri => (!negated ? t : t === "yes" ? "no" : t === "no" ? "yes" : "maybe");

function addressIn(address: string | undefined, networks: readonly string[]): Tri {
  if (address === undefined) return "maybe";
  const parsed = parseAddress(address);
  if (!parsed) return "maybe";
  for (const network of networks) {
    const net = parseAddress(network);
    if (!net) return "maybe";
    if (net.family !== parsed.family) continue;
    const cidr = net.prefix === undefined ? `${net.address}/${net.family === 4 ? 32 : 128}` : network;
    if (inNetwork(parsed, cidr)) return "yes";
  }
  return "no";
}

export function matches(match: Match, packet: Packet): Tri {
  let result: Tri = match.opaque.length > 0 ? "maybe" : "yes";
  if (match.proto) {
    const protos = match.proto.value.split(",").map(protocolName);
    const hit: Tri = protos.some((proto) => proto === "all" || proto === "0" || proto === packet.proto) ? "yes" : "no";
    result = and(result, negate(hit, match.proto.negated));
  }
  if (match.src) result = and(result, negate(addressIn(packet.src, match.src.value), match.src.negated));
  if (match.dst) result = and(result, negate(addressIn(packet.dst, match.dst.value), match.dst.negated));
  if (match.inIface) {
    const name = match.inIface.value;
    const hit: Tri =
      packet.iface === undefined ? "maybe" : name.endsWith("+") ? (packet.iface.startsWith(name.slice(0, -1)) ? "yes" : "no") : name === packet.iface ? "yes" : "no";
    result = and(result, negate(hit, match.inIface.negated));
  }
  if (match.dports) {
    const hit: Tri = packet.dport === undefined ? "maybe" : match.dports.value.some(([lo, hi]) => packet.dport! >= lo && packet.dport! <= hi) ? "yes" : "no";
    result = and(result, negate(hit, match.dports.negated));
  }
  if (match.states) {
    const hit: Tri = packet.state === undefined ? "maybe" : match.states.includes(packet.state) ? "yes" : "no";
    result = and(result, hit);
  }
  return result;
}

/**
 * Runs a packet through `name`. Undefined when it falls off the end of a user chain (or returns);
 * `unknown` when a rule that might have matched would have decided otherwise.
 */
export function evaluate(chains: ReadonlyMap<string, Chain>, name: string, packet: Packet, depth = 0): Verdict | undefined {
  const chain = chains.get(name);
  if (!chain || depth > 16) return { result: "unknown" };
  // Rules that might have applied: a later verdict is certain only if these could not have
  // decided the other way.
  let mayAccept = false;
  let mayDrop = false;
  const settle = (verdict: Verdict): Verdict => {
    if (verdict.result === "accept" && mayDrop) return { result: "unknown" };
    if (verdict.result === "drop" && mayAccept) return { result: "unknown" };
    return verdict;
  };
  for (const rule of chain.rules) {
    const hit = matches(rule.match, packet);
    if (hit === "no") continue;
    let verdict: Verdict | undefined;
    switch (rule.action) {
      case "accept":
        verdict = { result: "accept", by: rule.where };
        break;
      case "drop":
      case "reject":
        verdict = { result: "drop", by: rule.where };
        break;
      case "return":
        if (hit === "yes") return mayAccept || mayDrop ? { result: "unknown" } : undefined;
        mayAccept = mayDrop = true;
        continue;
      case "jump":
      case "goto": {
        const inner = evaluate(chains, rule.target ?? "", packet, depth + 1);
        if (inner === undefined && rule.action === "jump") continue;
        verdict = inner ?? { result: "unknown" };
        break;
      }
      default:
        continue;
    }
    if (hit === "maybe" || verdict.result === "unknown") {
      if (verdict.result !== "drop") mayAccept = true;
      if (verdict.result !== "accept") mayDrop = true;
      continue;
    }
    return settle(verdict);
  }
  if (!chain.policy) return mayAccept || mayDrop ? { result: "unknown" } : undefined;
  return settle({ result: chain.policy.value, by: chain.policy });
}

/** Every rule that sets a firewall mark, in any chain. */
export function markRules(chains: Iterable<Chain>): FirewallRule[] {
  const found: FirewallRule[] = [];
  for (const chain of chains) for (const rule of chain.rules) if (rule.setMark !== undefined) found.push(rule);
  return found;
}

/** `80`, `1000:2000`, `80,443` (multiport), `1000-2000` (nftables) → ranges; undefined when unreadable. */
export function parsePorts(text: string): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  for (const part of text.split(",")) {
    const m = /^(\d+)(?:[:-](\d+))?$/.exec(part.trim());
    if (!m) return undefined;
    ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
  }
  return ranges;
}
