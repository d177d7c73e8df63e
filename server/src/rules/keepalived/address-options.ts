// KA053: the values of a virtual_ipaddress / static_ipaddress entry's options that keepalived 2.2.7
// cannot use (measured with keepalived -t): a scope that is not a name or 0-255 ("Invalid scope …
// - ignoring"), a broadcast that is not an IPv4 address or +/- ("invalid broadcast … skipping
// VIP"), +/- on a prefix longer than /30 ("too long for broadcast"), a broadcast on an IPv6
// address (the VIP is skipped), a preferred_lft that is not a count or `forever`, a label longer
// than an interface name ("removing address"), a device whose name holds a '/', a peer that is not a plain address of the entry's
// family, and a device or peer given twice; the numbers of a route's or rule's options (`metric`,
// `mtu [lock]`, `hoplimit`, `preference`…) and a unicast peer's TTLs as keepalived reads them.
import { keepalivedEntries, readValueLine } from "../../facts/keepalived-entries.js";
import type { KeepalivedRule, Report } from "../../lint/rule.js";
import { parseAddress } from "./ip.js";
import { valueBlocks } from "./keywords.js";
import type { PlacedStatement } from "./model.js";

const ADDRESS_BLOCKS = new Set(["vrrp_instance>virtual_ipaddress", "vrrp_instance>virtual_ipaddress_excluded", "static_ipaddress"]);
/** The scope names of iproute2's rt_scopes, which keepalived reads. */
const SCOPES = new Set(["global", "site", "link", "host", "nowhere"]);
/** IFNAMSIZ - 1: the longest label the kernel takes. */
const LABEL_LENGTH = 15;
const UINT_MAX = 4294967295;

function scopeProblem(value: string): string | undefined {
  if (SCOPES.has(value)) return undefined;
  const number = /^(0x[0-9a-f]+|\d+)$/i.test(value) ? Number(value) : NaN;
  return number >= 0 && number <= 255 ? undefined : `'${value}' is not a scope (global, site, link, host, nowhere or 0-255); keepalived ignores the scope`;
}

/** What is wrong with one option's value, for an entry of this address family and prefix length. */
function optionProblem(name: string, value: string, entry: { family: 4 | 6; prefix: number }): string | undefined {
  switch (name) {
    case "scope":
      // measured on 2.2.7: an IPv6 address takes a scope of 0 (`global`, `0`, `0x0`) without a word,
      // reports any other it can read ("Cannot specify scope for IPv6 addresses") and one it cannot as invalid
      if (entry.family === 6) return scopeProblem(value) ?? (value === "global" || Number(value) === 0 ? undefined : "keepalived takes no scope for an IPv6 address and ignores it");
      return scopeProblem(value);
    case "brd":
    case "broadcast": {
      if (entry.family === 6) return "an IPv6 address has no broadcast; keepalived skips this address";
      if (value === "+" || value === "-") return entry.prefix > 30 ? `a /${entry.prefix} address has no broadcast to compute; keepalived reports it and sets none` : undefined;
      // read with inet_pton(): a part with a leading 0 (`172.025.255.255`) is refused too (measured)
      return parseAddress(value)?.family === 4 && !value.includes("/") && !/(?:^|\.)0\d/.test(value) ? undefined : `'${value}' is not an IPv4 address, + or -; keepalived skips this address`;
    }
    case "preferred_lft":
      return value === "forever" || (/^\+?\d+$/.test(value) && Number(value) <= UINT_MAX) ? undefined : `'${value}' is not a lifetime (seconds up to ${UINT_MAX}, or forever); keepalived ignores it`;
    case "label":
      if (entry.family === 6) return "keepalived takes no label for an IPv6 address and ignores it";
      return value.length > LABEL_LENGTH ? `the label is longer than ${LABEL_LENGTH} characters; keepalived removes this address` : undefined;
    case "dev":
      // measured on 2.2.7: `dev a/b` is "interface a/b for ip address … doesn't exist", and -t exits 5
      return value.includes("/") ? `'${value}' holds a '/', which no interface name may have; keepalived reports the interface missing` : undefined;
    case "peer": {
      const peer = value.includes("/") ? undefined : parseAddress(value);
      if (!peer) return `'${value}' is not an IP address (without a prefix); keepalived ignores the peer`;
      return peer.family !== entry.family ? `the peer is IPv${peer.family} but the address IPv${entry.family}; keepalived ignores the peer` : undefined;
    }
    default:
      return undefined;
  }
}

function checkLine({ statement, uri, blockId }: PlacedStatement, report: (report: Report) => void): void {
  // An entry alone on its line (most are) has no options.
  if (statement.wordCount < 2) return;
  const values: string[] = [];
  for (let i = 0; i < statement.wordCount; i++) {
    if (statement.wordText(i)!.includes("$")) return;
    values.push(statement.wordValue(i)!);
  }
  const reading = readValueLine(blockId, values);
  const entry = reading?.entries[0];
  if (!entry || entry.options.length === 0) return;
  // keepalived skips an entry whose address it cannot read before looking at its options (KA008 reports it).
  const address = parseAddress(values[0]!);
  if (!address) return;
  const family = address.family;
  const prefix = address.prefix !== undefined && address.prefix <= (family === 6 ? 128 : 32) ? address.prefix : family === 6 ? 128 : 32;
  const seen = new Set<string>();
  let peer = false;
  let broadcast = false;
  for (const option of entry.options) {
    const name = values[option.name]!;
    const valueIndex = option.values[0];
    if (valueIndex === undefined) continue;
    const value = values[valueIndex]!;
    const words = statement.words;
    if ((name === "dev" || name === "peer") && seen.has(name)) {
      report({ uri, range: words[option.name]!.range, message: `a second '${name}' for one address; keepalived ${name === "dev" ? "skips this address" : "ignores it"}` });
      continue;
    }
    seen.add(name);
    const problem = optionProblem(name, value, { family, prefix });
    if (problem) {
      report({ uri, range: words[valueIndex]!.range, message: problem });
      continue;
    }
    if (name === "peer") {
      peer = true;
      if (address.hasPrefix && prefix !== (family === 6 ? 128 : 32)) report({ uri, range: words[0]!.range, message: "an address with a peer takes no prefix length; keepalived ignores the prefix" });
    }
    if (name === "brd" || name === "broadcast") broadcast = true;
    if (peer && broadcast) {
      report({ uri, range: words[option.name]!.range, message: "an address with a peer takes no broadcast; keepalived ignores the broadcast" });
      broadcast = false;
    }
  }
}

const ROUTE_BLOCKS = new Set(["static_routes", "vrrp_instance>virtual_routes"]);
/** Route options whose value is one address (keepalived: "invalid route via address …"). */
const ROUTE_ADDRESS_OPTIONS = new Set(["src", "via", "gw", "or"]);
/**
 * Route and rule options whose value keepalived 2.2.7 reads as an unsigned number, whole, with an
 * optional '+' ("invalid number '5abc'", "negative number '-5'", "outside range [0, 255]"; then
 * "Invalid metric 5abc specified for route"), and the range it holds each to (a sweep of value forms).
 */
const UINT_MAX_TEXT = String(UINT_MAX);
const NUMBER_OPTIONS: Readonly<Record<string, readonly [number, number]>> = {
  ...Object.fromEntries(["metric", "window", "mtu", "advmss", "reordering", "cwnd", "initcwnd", "initrwnd", "ssthresh"].map((name) => [name, [0, UINT_MAX] as const])),
  rtt: [0, 960000],
  rttvar: [0, 480000],
  rto_min: [0, 120000],
  hoplimit: [0, 255],
  quickack: [0, 1],
  fastopen_no_cookie: [0, 1],
  weight: [1, 256],
};
const RULE_NUMBER_OPTIONS: Readonly<Record<string, readonly [number, number]>> = { preference: [0, UINT_MAX], priority: [0, UINT_MAX] };
/** Route options that may take `lock` before their number (`mtu lock 1500`; measured). */
const LOCKABLE = new Set(["mtu", "advmss", "rtt", "rttvar", "reordering", "cwnd", "rto_min", "ssthresh"]);

/** Route types that come before the destination (`blackhole 10.0.0.0/8`), as in `ip route`. */
export const ROUTE_TYPES: ReadonlySet<string> = new Set(["unicast", "local", "broadcast", "multicast", "throw", "unreachable", "prohibit", "blackhole", "nat", "anycast"]);

/**
 * Where a route's destination stands among its words: the first word that is no option (read in
 * `ip route` order, each option with its values), the word after `to`, or the word after a route
 * type; -1 when there is none before a `nexthop`. Measured on 2.2.7 and 2.3.3: `dev eth0`, `src A via
 * B`, `metric 5 table 10` and `nexthop via A dev eth0` are "Route must have a destination"; the word
 * after `unreachable` or `prohibit` is read as the destination ("VRRP parsed invalid IP to").
 */
export function routeDestination(values: readonly string[], blockId: string): number {
  const options = keepalivedEntries(blockId)?.options ?? {};
  for (let i = 0; i < values.length; i++) {
    const name = values[i]!;
    if (name === "nexthop") return -1;
    if (ROUTE_TYPES.has(name) || name === "to") return i + 1;
    if (!Object.hasOwn(options, name)) return i;
    i += options[name]! + (LOCKABLE.has(name) && values[i + 1] === "lock" ? 1 : 0);
  }
  return -1;
}

/** What keepalived's reading of an unsigned number finds wrong with `value`, or undefined. */
function unsignedProblem(value: string, [min, max]: readonly [number, number]): string | undefined {
  if (!/^\+?\d+$/.test(value)) return /^-\d+$/.test(value) ? "is negative" : "is not a whole number";
  const digits = value.replace(/^\+?0*(?=\d)/, "");
  const number = digits.length > UINT_MAX_TEXT.length ? Infinity : Number(digits);
  return number < min || number > max ? `is outside ${min}..${max}` : undefined;
}

/**
 * A route's `src`, `via` (or `gw`, `or`) that is not a plain IP address, or not of the family of
 * the route's other addresses: keepalived 2.2.7 skips the route ("invalid route via address",
 * "Cannot mix IPv4 and IPv6 addresses for route").
 */
function checkRoute(placed: PlacedStatement, report: (report: Report) => void): void {
  if (missingParameter(placed, report)) return;
  const { statement, uri, blockId } = placed;
  const values: string[] = [];
  for (let i = 0; i < statement.wordCount; i++) {
    if (statement.wordText(i)!.includes("$")) return;
    values.push(statement.wordValue(i)!);
  }
  // Routes are read in any order (`ip route` syntax): an option word is followed by its value.
  if (!readValueLine(blockId, values)) return;
  const families = new Set<number>();
  for (const value of values) {
    const address = parseAddress(value);
    if (address && (value.includes(".") || value.includes(":"))) families.add(address.family);
  }
  const options = keepalivedEntries(blockId)?.options ?? {};
  const destination = routeDestination(values, blockId!);
  if (destination < 0) {
    report({ uri, range: statement.words[0]!.range, message: "this route has no destination (an address or 'default', first or after 'to'); keepalived reports it and skips the route" });
    return;
  }
  const type = values[destination - 1];
  if (type !== undefined && ROUTE_TYPES.has(type)) {
    const after = values[destination];
    if (after === undefined) {
      report({ uri, range: statement.words[destination - 1]!.range, message: `'${type}' needs the route's destination after it; keepalived reports the line and skips the route` });
      return;
    }
    if (after !== "default" && !parseAddress(after)) {
      report({ uri, range: statement.words[destination]!.range, message: `keepalived reads the word after '${type}' as the route's destination, and '${after}' is no address; it skips the route` });
      return;
    }
  }
  for (let i = 0; i < values.length; i++) {
    const name = values[i]!;
    if (!Object.hasOwn(options, name)) {
      // Not an option: keepalived reads it as the route's destination.
      if (name === "default" || parseAddress(name)) continue;
      report({ uri, range: statement.words[i]!.range, message: `'${name}' is neither a route option nor an address; keepalived reads it as the destination and skips this route` });
      return;
    }
    if (!ROUTE_ADDRESS_OPTIONS.has(name)) {
      const locked = LOCKABLE.has(name) && values[i + 1] === "lock" ? 1 : 0;
      const at = i + 1 + locked;
      const limits = NUMBER_OPTIONS[name];
      // A route's scope is a name keepalived knows, in lower case, or a number (measured: "Scope Link not found or invalid for route").
      const scope = name === "scope" && at < values.length ? scopeProblem(values[at]!) : undefined;
      const problem = scope ? undefined : limits && at < values.length ? unsignedProblem(values[at]!, limits) : undefined;
      if (scope) {
        report({ uri, range: statement.words[at]!.range, message: `${scope.replace(/; keepalived ignores the scope$/, "")}; keepalived reports it and skips this route` });
        return;
      }
      if (problem) {
        report({ uri, range: statement.words[at]!.range, message: `'${values[at]}' ${problem} for the route's '${name}'; keepalived reports it and skips this route` });
        return;
      }
      i += options[name]! + locked;
      continue;
    }
    if (i + 1 >= values.length) return;
    const value = values[++i]!;
    const address = value.includes("/") ? undefined : parseAddress(value);
    const range = statement.words[i]!.range;
    if (!address) report({ uri, range, message: `'${value}' is not an IP address (without a prefix) for '${name}'; keepalived skips this route` });
    else if (families.size > 1) report({ uri, range, message: `'${value}' is IPv${address.family} but the route's other addresses are not; keepalived cannot mix the families and skips this route` });
  }
}

const RULE_BLOCKS = new Set(["static_rules", "vrrp_instance>virtual_rules"]);

/**
 * A route's or rule's option written last, without its value (`10.9.0.0/24 dev eth0 table`, `from
 * 10.9.0.0/24 goto`, `mtu lock`): keepalived 2.2.7 and 2.3.3 say "Configuration line starting `…` is
 * missing a parameter after keyword `table`" and read no further, in static and virtual blocks alike
 * (found by the fourteenth mutation round). True when it reported.
 */
function missingParameter({ statement, uri, blockId }: PlacedStatement, report: (report: Report) => void): boolean {
  const options = keepalivedEntries(blockId)?.options;
  if (!options) return false;
  for (let i = 0; i < statement.wordCount; i++) {
    if (statement.wordText(i)!.includes("$")) return false;
    const name = statement.wordValue(i)!;
    if (!Object.hasOwn(options, name) || options[name]! === 0) continue;
    const locked = LOCKABLE.has(name) && statement.wordValue(i + 1) === "lock" ? 1 : 0;
    if (i + options[name]! + locked < statement.wordCount) {
      i += options[name]! + locked;
      continue;
    }
    const last = locked ? i + 1 : i;
    report({ uri, range: statement.words[last]!.range, message: `'${statement.wordValue(last)}' needs a value after it: keepalived reports the line as missing a parameter and reads no further` });
    return true;
  }
  return false;
}

/**
 * The first word of a `virtual_rules` entry that is not a rule option where an option stands:
 * measured on 2.2.7, "Unknown rule option pref" (`pref`, `prio`, `tunnel_id`, an address without
 * `from`), and the rule is dropped. (`keepalived -t` says nothing of `static_rules`, which are left alone.)
 */
function checkRuleOptions({ statement, uri, blockId }: PlacedStatement, report: (report: Report) => void): void {
  if (blockId !== "vrrp_instance>virtual_rules") return;
  const options = keepalivedEntries(blockId)?.options;
  if (!options) return;
  for (let i = 0; i < statement.wordCount; ) {
    if (statement.wordText(i)!.includes("$")) return;
    const word = statement.wordValue(i)!;
    const count = Object.hasOwn(options, word) ? options[word]! : undefined;
    if (count === undefined) {
      report({ uri, range: statement.words[i]!.range, message: `'${word}' is not a rule option; keepalived reports it and skips this rule` });
      return;
    }
    i += 1 + count;
  }
}

/** What a rule does: its action words (`type X` names one of the last five too). */
const RULE_ACTIONS = new Set(["table", "lookup", "goto", "blackhole", "unreachable", "prohibit", "nop", "l3mdev"]);
/** Route types `ip rule` does not take as an action ("Invalid rule action nat"). */
const NOT_RULE_ACTIONS = new Set(["nat", "unicast", "throw", "local", "xresolve", "broadcast", "multicast", "anycast"]);
const FWMARK = /^(0x[0-9a-f]+|\d+)(\/(0x[0-9a-f]+|\d+))?$/i;

/**
 * A `virtual_rules` or `static_rules` entry keepalived drops, measured on 2.2.7 and 2.3.3 (fourteenth mutation round):
 * one with no action ("No action specified for rule - ignoring": no `table`/`lookup`, `goto`,
 * `blackhole`, `unreachable`, `prohibit`, `nop`, `l3mdev`), a route type that is no rule action
 * ("Invalid rule action nat"), an `fwmark` that is not `MARK[/MASK]` ("Invalid rule fwmark x
 * specified"), a `goto` to a preference not after its own ("Invalid rule - preference 11 >= goto target 5").
 * True when it reported.
 */
function checkRuleAction({ statement, uri, blockId }: PlacedStatement, report: (report: Report) => void): boolean {
  // `static_rules` alike: 2.2.7 and 2.3.3 give the same messages there.
  if (!RULE_BLOCKS.has(blockId!)) return false;
  const options = keepalivedEntries(blockId)?.options;
  if (!options) return false;
  let action = false;
  let preference: number | undefined;
  let target: { value: number; at: number } | undefined;
  for (let i = 0; i < statement.wordCount; i++) {
    if (statement.wordText(i)!.includes("$")) return false;
    const word = statement.wordValue(i)!;
    const count = Object.hasOwn(options, word) ? options[word]! : 0;
    const value = count > 0 ? statement.wordValue(i + 1) : undefined;
    const typed = word === "type" ? value : undefined;
    const acting = typed ?? word;
    if (NOT_RULE_ACTIONS.has(acting)) {
      report({ uri, range: statement.words[typed ? i + 1 : i]!.range, message: `'${acting}' is no rule action (table, goto, blackhole, unreachable, prohibit, nop); keepalived reports it and skips this rule` });
      return true;
    }
    if (RULE_ACTIONS.has(acting)) action = true;
    if (word === "fwmark" && value !== undefined && !FWMARK.test(value)) {
      report({ uri, range: statement.words[i + 1]!.range, message: `'${value}' is not a mark (a number, or MARK/MASK) for the rule's 'fwmark'; keepalived reports it and skips this rule` });
      return true;
    }
    if ((word === "preference" || word === "priority" || word === "order") && value !== undefined && /^\d+$/.test(value)) preference = Number(value);
    if (word === "goto" && value !== undefined && /^\d+$/.test(value)) target = { value: Number(value), at: i + 1 };
    i += count;
  }
  if (!action && statement.wordCount > 0) {
    report({ uri, range: statement.words[0]!.range, message: "this rule has no action (table, goto, blackhole, unreachable, prohibit, nop); keepalived reports it and skips the rule" });
    return true;
  }
  if (target && preference !== undefined && preference >= target.value) {
    report({ uri, range: statement.words[target.at]!.range, message: `a rule can only go to a later preference, and ${target.value} is not after its own ${preference}; keepalived reports it and skips this rule` });
    return true;
  }
  return false;
}

/** A rule's `preference` / `priority` that keepalived cannot read as an unsigned number ("Invalid rule preference priority specified"). */
function checkRule(placed: PlacedStatement, report: (report: Report) => void): void {
  if (missingParameter(placed, report)) return;
  checkRuleOptions(placed, report);
  if (checkRuleAction(placed, report)) return;
  const { statement, uri } = placed;
  for (let i = 0; i + 1 < statement.wordCount; i++) {
    const limits = RULE_NUMBER_OPTIONS[statement.wordValue(i)!];
    if (!limits || statement.wordText(i + 1)!.includes("$")) continue;
    const value = statement.wordValue(i + 1)!;
    // A rule's number may be hexadecimal too (measured: `preference 0x5` passes).
    const problem = /^0x[0-9a-f]+$/i.test(value) ? (Number(value) > UINT_MAX ? `is outside 0..${UINT_MAX}` : undefined) : unsignedProblem(value, limits);
    if (problem) report({ uri, range: statement.words[i + 1]!.range, message: `'${value}' ${problem} for the rule's '${statement.wordValue(i)}'; keepalived reports it and skips this rule` });
  }
}

/** A unicast peer's `min_ttl` / `max_ttl`: an unsigned number up to 255 (measured: "number '256' outside range [0, 255]"). */
function checkPeer({ statement, uri }: PlacedStatement, report: (report: Report) => void): void {
  const ttl: Partial<Record<"min_ttl" | "max_ttl", { value: number; at: number }>> = {};
  for (let i = 1; i + 1 < statement.wordCount; i++) {
    const name = statement.wordValue(i)!;
    if ((name !== "min_ttl" && name !== "max_ttl") || statement.wordText(i + 1)!.includes("$")) continue;
    const value = statement.wordValue(i + 1)!;
    const problem = unsignedProblem(value, [0, 255]);
    if (problem) report({ uri, range: statement.words[i + 1]!.range, message: `'${value}' ${problem} for the peer's '${name}'; keepalived reports it` });
    else ttl[name] = { value: Number(value), at: i + 1 };
  }
  // measured on 2.2.7: `min_ttl 10 max_ttl 5` is "(VI_1) min_ttl 10 > max_ttl 5 - all packets will be discarded"
  const { min_ttl: min, max_ttl: max } = ttl;
  if (min && max && min.value > max.value) {
    report({ uri, range: statement.words[max.at]!.range, message: `max_ttl ${max.value} is below min_ttl ${min.value}: keepalived reports it, and discards every packet from this peer` });
  }
}

export const addressOptions: KeepalivedRule = {
  meta: {
    id: "KA053",
    alias: "address-options",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a virtual or static address or route has an option value keepalived cannot use (scope, broadcast, lifetime, label, peer, route addresses)",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const block of valueBlocks(model)) {
      if (ADDRESS_BLOCKS.has(block.id!)) for (const placed of block.statements) checkLine(placed, report);
      else if (ROUTE_BLOCKS.has(block.id!)) for (const placed of block.statements) checkRoute(placed, report);
      else if (RULE_BLOCKS.has(block.id!)) for (const placed of block.statements) checkRule(placed, report);
      else if (block.id === "vrrp_instance>unicast_peer") for (const placed of block.statements) checkPeer(placed, report);
    }
  },
};
