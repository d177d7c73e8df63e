// HA004: an argument haproxy cannot read: a time or size with a unit it does not know (`5sec`), a
// number that is not one, a word outside a closed list (`mode https`, `balance round-robin`,
// `log … local9`), a listening address without a port. haproxy refuses each of them.
import { compareVersions } from "../../facts/versions.js";
import { requiredValueReports } from "./required-values.js";
import { actionWordReports } from "./action-words.js";
import { keywordWordReports, sourceAddressProblem, typelessCriterionReports } from "./keyword-words.js";
import { nameCharacterReports } from "./name-characters.js";
import { checkExpectReports, checkSendReports, cookieModeReports, errorCodeReports } from "./check-expect.js";
import { compressionAlgorithmReports } from "./option-parameters.js";
import { statsRuleReports } from "./stats-rules.js";
import { optionValueProblem } from "./option-values.js";
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyArgsAt } from "../../facts/haproxy.js";
import { checkShape, isIpv4, isIpv6, isPlainIpv4AndPort, KEEPALIVED_VARIABLE, parseShape, PLAIN_IPV4_AND_PORT_WORD } from "../../facts/shapes.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { hasVariable, ignoredInRing, type StatementReading } from "./keywords.js";
import { aclMethodReports, actionOptionReports, hasCheckedOptions, stickRuleReports } from "./action-options.js";
import { stickTableReports } from "./stick-table-options.js";
import { forEachAclCriterion } from "./acl-criteria.js";
import { balanceArgumentReport, CLOSED_LISTS, closedListReport } from "./closed-list.js";
import { haproxyValue } from "../../facts/haproxy-values.js";
import { badHost, logReports, portColon } from "./log-target.js";
import { atolInt32, C_INTEGER, INT32_KEYWORDS, LENIENT_KEYWORDS, LENIENT_SERVER_OPTIONS, LENIENT_STATUS_KEYWORDS, leadingInteger, NEGATIVE_KEYWORDS, NEGATIVE_SERVER_OPTIONS, NOTHING_WHEN_MISSING, OPTION_SHAPES, timeTooLong, toleratedTimeNote, WHOLE_NUMBER_KEYWORDS, ZERO_WHEN_MISSING } from "./numbers.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { takesOptions, type OptionShape } from "./option-words.js";
import { isOptionInAddressPlace, rangeInWord } from "./options.js";

/** How haproxy reads a keyword's or option's number: measured in numbers.ts. */
interface Reading {
  /** With atol(): leading digits, or 0. */
  readonly lenient: boolean;
  /** Negative numbers taken without a word. */
  readonly negative: boolean;
  /** Stored in a 32-bit int after atol(): a server's `rise 4294967296` is 0 (measured). */
  readonly int32?: boolean;
  /** A `$NAME` outside double quotes, which haproxy does not expand: the value is read as written. */
  readonly literal?: boolean;
}


const NEGATIVE = /^-\d+[kmg]?$/i;

/** `uid` / `gid` (numbers.ts): a whole 32-bit number, or haproxy warns and ignores the line. */
function wholeNumberProblem(name: string, value: string): { readonly problem: string; readonly tolerated: boolean; readonly note: string } | undefined {
  // A lone '-' is read as 0 without a word (measured).
  if (value === "-") return { problem: "is not a whole number", tolerated: true, note: "; haproxy reads it as 0 without a word" };
  const whole = /^-?\d+$/.test(value);
  if (whole && BigInt(value) <= 2147483647n && BigInt(value) >= -2147483648n) return undefined;
  // A name (`gid haproxy`) was meant for the keyword that takes one, as haproxy's warning says.
  const named = /^[A-Za-z_][\w.-]*$/.test(value) ? ` (a name goes in '${name === "uid" ? "user" : "group"}')` : "";
  return { problem: whole ? "is too large for a 32-bit number" : "is not a whole number", tolerated: true, note: `; haproxy warns that it is not a number and ignores the line${named}` };
}

/**
 * The problem with a number, a size or a time, or undefined. It is `tolerated` (a warning) when
 * haproxy takes the value without a word: what atol() makes of it passes haproxy's own range check,
 * or it is a negative number haproxy does not check.
 */
/**
 * Keywords whose integer haproxy reads as C does (strtol with base 0): `0x1F` is hexadecimal, `010`
 * octal, and `08` or `1e3` refused ("unexpected character '8' in integer value '08'"; measured).
 */
const C_INTEGER_KEYWORDS: ReadonlySet<string> = new Set(["clitcpka-cnt", "srvtcpka-cnt"]);

function numberProblem(shapeText: string, value: string, name: string, reading: Reading, version: string): { readonly problem: string; readonly tolerated: boolean; readonly note: string } | undefined {
  if (WHOLE_NUMBER_KEYWORDS.has(name)) return wholeNumberProblem(name, value);
  if (C_INTEGER_KEYWORDS.has(name) && !reading.literal) return C_INTEGER.test(value) ? undefined : { problem: "is not an integer (decimal, hexadecimal after 0x, or octal after 0)", tolerated: false, note: "" };
  // Measured: "'mworker-max-reloads' : invalid value -1, must be >= 0", a warning, and the line is ignored.
  if (name === "mworker-max-reloads" && !reading.literal && /^\s*[-+]?\d/.test(value) && atolInt32(value) < 0) {
    return { problem: `is read as ${atolInt32(value)}, below 0`, tolerated: true, note: "; haproxy warns and ignores the line" };
  }
  if (SIZES_FROM_32.has(name) && compareVersions(version, "3.2") >= 0 && /^\s*-/.test(value)) return { problem: "is negative", tolerated: false, note: "" };
  const problem = reading.literal ? parseShape(shapeText).check(value, "haproxy") : checkShape(shapeText, value, "haproxy");
  const kind = parseShape(shapeText).kind;
  if (!problem) {
    const tooLong = kind === "time" ? timeTooLong(name, value) : undefined;
    if (tooLong) return { problem: tooLong, tolerated: false, note: "" };
    const wrapped = reading.int32 && kind === "int" ? atolInt32(value) : undefined;
    if (wrapped === undefined || wrapped === leadingInteger(value)) return undefined;
    const refused = checkShape(shapeText, String(wrapped), "haproxy") !== undefined && !(reading.negative && wrapped < 0);
    return { problem: "is too large for a 32-bit number", tolerated: !refused, note: `; haproxy keeps the low 32 bits and reads ${wrapped}${refused ? ", which it refuses" : " without a word"}` };
  }
  const timeNote = kind === "time" ? toleratedTimeNote(value, version, name) : undefined;
  if (timeNote) return { problem, tolerated: true, note: timeNote };
  if (reading.negative && NEGATIVE.test(value)) return { problem, tolerated: true, note: "; haproxy takes it without a word" };
  // Measured on 3.0.11 and 3.2.26: "'ocsp-update.mode' : expecting <on|off>" is a warning, and the file passes.
  if (WARNED_VALUES.has(name)) return { problem, tolerated: true, note: "; haproxy warns and ignores the line" };
    if (!reading.lenient || (kind !== "int" && kind !== "port")) return { problem, tolerated: false, note: "" };
  const read = reading.int32 ? atolInt32(value) : leadingInteger(value);
  if (kind === "int" && checkShape(shapeText, String(read), "haproxy") && !(reading.negative && read < 0)) return { problem, tolerated: false, note: "" };
  return { problem, tolerated: true, note: `; haproxy reads it as ${read} without a word` };
}

/**
 * Numbers that changed reading after 2.6 (measured on 3.0.11 and 3.2.26): the global `maxconn` is
 * read whole ("cannot parse 'maxconn' value '5k', an integer is expected"; a proxy's still with
 * atol()), and keywords 3.0 adds that read theirs with atol() (`httpclient.retries x` is 0, without a word).
 */
const WARNED_VALUES: ReadonlySet<string> = new Set(["ocsp-update.mode", "ocsp-update.disable"]);
const STRICT_LATER_GLOBALS: ReadonlySet<string> = new Set(["maxconn"]);
const LENIENT_LATER_KEYWORDS: ReadonlySet<string> = new Set([
  "httpclient.retries", "tune.h2.fe.max-total-streams", "tune.max-checks-per-thread", "tune.events.max-events-at-once", "tune.ring.queues",
  "tune.h2.fe.initial-window-size", "tune.h2.be.initial-window-size", "tune.h2.fe.max-concurrent-streams", "tune.h2.be.max-concurrent-streams",
  "tune.h2.fe.glitches-threshold", "tune.h2.be.glitches-threshold", "tune.h2.fe.max-frames-at-once", "tune.h2.be.max-frames-at-once", "tune.h2.fe.max-rst-at-once",
  "tune.max-rules-at-once", "tune.memory.hot-size", "tune.ssl.ocsp-update.mindelay", "tune.ssl.ocsp-update.maxdelay", "ocsp-update.mindelay", "tune.glitches.kill.cpu-usage",
  // measured on 3.0.11 and 3.2.26: `10x`, `1k` and `5s` pass (read as 10, 1 and 5); later-global-words.ts holds them above 0
  "tune.quic.cc.cubic.min-losses", "tune.quic.frontend.glitches-threshold", "tune.quic.max-frame-loss",
  // 3.0.11 reads them with atol(); 3.2 reads sizes (SIZES_FROM_32)
  "tune.rcvbuf.backend", "tune.rcvbuf.frontend", "tune.sndbuf.backend", "tune.sndbuf.frontend",
]);
/**
 * Buffer sizes 3.0 still reads with atol() (`tune.bufsize 16k` is 16 bytes, `10x` 10; measured on
 * 3.0.11) and 3.2 reads as sizes, whole ("unexpected 'x' after size passed to 'tune.pipesize'", and
 * "unexpected '-5'"; measured on 3.2.26): 2.6's shapes at 3.0, and no sign at 3.2.
 */
const SIZES_FROM_32: ReadonlySet<string> = new Set([
  "tune.pipesize", "tune.rcvbuf.client", "tune.rcvbuf.server", "tune.recv_enough", "tune.sndbuf.client", "tune.sndbuf.server", "tune.bufsize",
  // keywords 3.0 adds, read alike (measured: 3.0.11 takes `tune.rcvbuf.backend 10x`, 3.2.26 refuses it)
  "tune.rcvbuf.backend", "tune.rcvbuf.frontend", "tune.sndbuf.backend", "tune.sndbuf.frontend",
]);

/** The algorithms a backend in mode log balances with, and the layer 7 hashes (see `logBalanceReport`). */
const LOG_BALANCES: ReadonlySet<string> = new Set(["roundrobin", "random", "sticky", "log-hash", "uri", "url_param", "hdr"]);

/**
 * Plain balance algorithms about which the branch below has nothing to say, whatever the mode and
 * version: in the closed list, in LOG_BALANCES, neither `random…` nor `log-hash` nor a call.
 */
const QUIET_BALANCES = ["roundrobin", "sticky", "uri", "url_param"].filter((name) => haproxyValue("balance", name));
const QUIET_BALANCE = new RegExp(QUIET_BALANCES.length > 0 ? `(?:${QUIET_BALANCES.join("|")})` : "(?!)", "y");

/**
 * A `balance` that a backend in `mode log` cannot use, and `log-hash` without its converters
 * (measured on 3.0.11 and 3.2.26: "\"balance\" only supports 'roundrobin', 'random', 'sticky' and
 * 'log-hash'", "balance log-hash requires a converter list").
 */
function logBalanceReport(args: readonly Word[], section: SectionModel, model: HaproxyModel): Report | undefined {
  const algorithm = args[0]!;
  if (model.version === "2.6" || hasVariable(algorithm)) return undefined;
  if (algorithm.value === "log-hash" && args.length === 1) return { range: algorithm.range, message: "'balance log-hash' needs the converters that hash the log line (balance log-hash CONVERTERS); haproxy refuses the line" };
  const name = algorithm.value.replace(/\(.*$/s, "");
  // The layer 7 hashes fall back to round robin outside mode http, with a warning (the l7-balance-in-tcp rule's; measured on 3.2.26).
  // Asked before the mode, which most backends' algorithm (`roundrobin`) need not look up.
  if (LOG_BALANCES.has(name)) return undefined;
  const { mode, from } = model.mode(section);
  if (mode !== "log" || from?.statement.guard) return undefined;
  return { range: algorithm.range, message: `a backend in mode log balances with roundrobin, random, sticky or log-hash, not '${name}'; haproxy refuses it` };
}

/** Address families (`PREFIX@address`) of haproxy 2.6, and those later versions add. */
const FAMILIES_2_6 = new Set(["abns", "fd", "ip", "ipv4", "ipv6", "sockpair", "unix", "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "uxdg", "uxst", "quic4", "quic6"]);
/** The release that adds each (measured: 3.0.11 knows `rhttp@`, experimental, and refuses `mptcp@` and `abnsz@`, which 3.2.26 takes). */
const LATER_FAMILIES: ReadonlyMap<string, string> = new Map([["rhttp", "3.0"], ["abnsz", "3.2"], ["mptcp", "3.2"], ["mptcp4", "3.2"], ["mptcp6", "3.2"]]);

function familyReport(word: Word, version: string): Report | undefined {
  const at = word.value.indexOf("@");
  const family = word.value.slice(0, at).replace(/^(?:stream|dgram|quic)\+/, "");
  const since = LATER_FAMILIES.get(family);
  if (FAMILIES_2_6.has(family) || (since !== undefined && compareVersions(version, since) >= 0)) return undefined;
  return {
    range: word.range,
    message: since ? `address family '${family}@' is not in haproxy ${version} (it comes with haproxy ${since})` : `'${family}@' is not an address family haproxy knows`,
  };
}

/** A listening address haproxy will refuse for want of a port (`bind 10.0.0.1`), or of a known family. */
/** Families whose sockets carry datagrams, and those that carry a stream (`ipv4@` and the like are either). */
const DATAGRAM_ONLY = new Set(["udp", "udp4", "udp6", "uxdg"]);
const STREAM_ONLY = new Set(["tcp", "tcp4", "tcp6", "uxst"]);

/**
 * A `bind` on a datagram address or a `dgram-bind` on a stream one: haproxy 2.6.12 refuses both
 * ("dgram-type address not acceptable in 'udp@:514'", "stream-type address not acceptable"), in a
 * frontend, a peers or a log-forward section alike (QUIC has families of its own, `quic4@`).
 */
function socketTypeReport(word: Word, kind: "bind" | "dgram-bind"): Report | undefined {
  const family = /^(?:(stream|dgram)\+)?([a-z0-9]+)@/.exec(word.value);
  if (!family) return undefined;
  const datagram = family[1] === "dgram" || (family[1] === undefined && DATAGRAM_ONLY.has(family[2]!));
  const stream = family[1] === "stream" || (family[1] === undefined && STREAM_ONLY.has(family[2]!));
  if (kind === "bind" && datagram) return { range: word.range, message: `'${word.value}' is a datagram address, and 'bind' listens on a stream; haproxy refuses it (a log-forward section takes UDP with 'dgram-bind')` };
  if (kind === "dgram-bind" && stream) return { range: word.range, message: `'${word.value}' is a stream address, and 'dgram-bind' listens for datagrams; haproxy refuses it (use 'bind' for a stream)` };
  return undefined;
}

function bindAddressReport(word: Word, version: string, kind: "bind" | "dgram-bind" = "bind"): Report | undefined {
  const value = word.value;
  if (hasVariable(word)) return undefined;
  // haproxy expands environment variables in an address even without quotes (`bind :$PORT`): the
  // address is only wrong where the variable is unset, which the file does not tell.
  if (value.includes("$")) {
    const port = value.slice(value.lastIndexOf(":") + 1);
    if (!port.includes("$")) return undefined;
    return { severity: "warning", range: word.range, message: `the port of bind address '${value}' comes from an environment variable; haproxy refuses the address where it is not set` };
  }
  if (/^[a-z0-9+]+@/.test(value)) {
    const family = familyReport(word, version) ?? socketTypeReport(word, kind);
    const inet = /^(?:(?:stream|dgram|quic)\+)?(ip|ipv4|ipv6|tcp|tcp4|tcp6|udp|udp4|udp6|quic4|quic6)@(.*)$/.exec(value);
    if (family || !inet) return family;
    // An IP family's address is read as one without the prefix, held to the family's kind of IP
    // (measured on 2.6.12: `ipv6@::1::2:80`, `tcp4@[::1]:80`, `quic6@10.0.0.1:80` are "invalid address").
    const rest = inet[2]!;
    const colon = portColon(rest);
    const host = (colon < 0 ? rest : rest.slice(0, colon)).replace(/^\[(.*)\]$/, "$1");
    const wanted = /4$/.test(inet[1]!) ? 4 : /6$/.test(inet[1]!) ? 6 : undefined;
    const other = wanted === 4 && isIpv6(host) ? 6 : wanted === 6 && isIpv4(host) ? 4 : undefined;
    if (other) return { range: word.range, message: `'${host}' is an IPv${other} address, and '${inet[1]}@' takes IPv${wanted} ones; haproxy refuses it` };
    return plainBindAddressReport(word, rest, version);
  }
  return plainBindAddressReport(word, value, version);
}

/** The problem with a bind address without a family prefix (`value`, or what follows an IP family's `@`). */
function plainBindAddressReport(word: Word, value: string, version: string): Report | undefined {
  // An '@' after anything but a family (`“abns@name”` in typographic quotes) is read as HOST:PORT (measured: "missing port specification").
  if (value.startsWith("/") || value.includes(",")) return undefined;
  const colon = portColon(value);
  const port = colon < 0 ? "" : value.slice(colon + 1);
  if (colon < 0 || port === "") return { range: word.range, message: `bind address '${value}' has no port; haproxy refuses it (write '${value}:PORT')` };
  const host = badHost(value.slice(0, colon));
  if (host) return { range: word.range, message: `${host} in bind address '${value}'; haproxy refuses it` };
  // haproxy reads each end of a port range with strtol(): leading digits, the rest ignored (measured).
  const parts = /^(\d+)(?:-\+?(\d+))?/.exec(port);
  if (!parts) return { range: word.range, message: `'${port}' is not a port in bind address '${value}'` };
  // After a '-', the end of the range is read as a port too (measured: `80-`, `80-abc`, `80--90` are "invalid port").
  if (port[parts[1]!.length] === "-" && parts[2] === undefined) return { range: word.range, message: `port range '${port}' in bind address '${value}' has no port at its end; haproxy refuses it` };
  const [read, low, high = low] = parts as unknown as [string, string, string | undefined];
  const outside = [low, high].find((end) => Number(end) < 1 || Number(end) > 65535);
  if (outside !== undefined) return { range: word.range, message: `'${outside}' is not a port between 1 and 65535 in bind address '${value}'; haproxy refuses it` };
  if (Number(low) > Number(high)) return { range: word.range, message: `port range '${port}' in bind address '${value}' runs backwards; haproxy refuses it` };
  // 3.0 and 3.2 read the port whole (measured: "invalid character 'x' in port number '18080x'").
  if (!/^\d+(?:-\+?\d+)?$/.test(port)) {
    if (version !== "2.6") return { range: word.range, message: `'${port}' is not a port in bind address '${value}'; haproxy ${version} refuses it (2.6 read it as ${read})` };
    return { severity: "warning", range: word.range, message: `'${port}' is not a port in bind address '${value}'; haproxy reads it as ${read} without a word` };
  }
  return undefined;
}

/** Address families that send datagrams: a server connects over a stream. */
const DATAGRAM_FAMILIES = new Set(["udp", "udp4", "udp6", "uxdg"]);

/**
 * The problem with a server address's family (`udp@…`, `fd@3`), or undefined. haproxy 2.6.12 refuses
 * datagram addresses for every server ("dgram-type address not acceptable") and file descriptors
 * ("file descriptor is not acceptable here"); later versions take datagram servers in a backend in
 * `mode log`, so there only other proxies are judged.
 */
function serverFamilyProblem(address: string, section: SectionModel, model: HaproxyModel): string | undefined {
  const family = /^(?:(stream|dgram)\+)?([a-z0-9]+)@/.exec(address);
  if (!family) return undefined;
  // Measured: 2.6.12 "unsupported stream protocol for datagram family", 3.2.26 "QUIC protocol is unsupported on the backend side" (3.0.11 takes it).
  if (/^quic[46]$/.test(family[2]!) && (model.version === "2.6" || model.version === "3.2")) return `'${address}': a server of haproxy ${model.version} cannot connect over QUIC`;
  const datagram = family[1] === "dgram" || (family[1] !== "stream" && DATAGRAM_FAMILIES.has(family[2]!));
  // Measured on 2.6.12, 3.0.11 and 3.2.26: "a file descriptor is not acceptable here in 'fd@3'".
  if (family[2] === "fd") return `'${address}': a server cannot use a file descriptor`;
  if (!datagram) return undefined;
  if (model.version === "2.6") return `'${address}' is a datagram address, and a server connects over a stream`;
  const proxy = section.type === "backend" || section.type === "listen";
  if (section.type !== "ring" && !(proxy && model.mode(section).mode !== "log")) return undefined;
  return `'${address}' is a datagram address, which only a backend in mode log sends to`;
}

/**
 * A server address whose family haproxy does not know: it is read as part of a host name, which a
 * '@' keeps from ever resolving (measured on 2.6.12, 3.0.11 and 3.2.26: `abcd@1.2.3.4:80`, and
 * `mptcp@…` before 3.2, "could not resolve address"; `-dr` or `init-addr none` make it a warning).
 */
function unknownServerFamily(address: string, version: string): string | undefined {
  const family = /^(?:(?:stream|dgram)\+)?([a-z0-9]+)@/.exec(address)?.[1];
  if (family === undefined || FAMILIES_2_6.has(family)) return undefined;
  const since = LATER_FAMILIES.get(family);
  if (since !== undefined && compareVersions(version, since) >= 0) return undefined;
  return `'${family}@' is not an address family of haproxy ${version}${since ? ` (it comes with haproxy ${since})` : ""}: haproxy reads '${address}' as a host name, which cannot resolve, and refuses to start unless told to go on (init-addr none, -dr)`;
}

/** `server 10.0.0.1:80 web1`: a name written as IPv4:port before an address written as a bare word. */
function swappedNameAndAddress(name: string, address: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+(?::\d+)?$/.test(name) && /^[A-Za-z][\w-]*$/.test(address);
}

/**
 * The problem with a server address's port (`10.0.0.1:70000`, `app:http`), or undefined. A port
 * may be 0 to 65535, or an offset (`+1000`, `-1`). haproxy takes what follows the last ':' for
 * the port, in a bare IPv6 address too (measured: `2001:db8::cafe` is "invalid character 'c' in
 * port number", `2001:db8::1` the host '2001:db8:' with port 1); only brackets keep it whole.
 */
function serverPortProblem(value: string, resolvesAsRead: boolean, version: string): { readonly problem: string; readonly tolerated?: string } | undefined {
  if (value.includes("$") || value.includes("@") || value.startsWith("/") || (value.startsWith("[") && value.endsWith("]"))) return undefined;
  const colon = portColon(value);
  // haproxy reads the port before it resolves the host: one that starts with no digit or sign is refused either way.
  if (colon >= 0 && /^[^\d+-]/.test(value.slice(colon + 1))) return { problem: `'${value.slice(colon + 1)}' is not a port` };
  // Peers and ring sections resolve their addresses as they read them; a proxy's server only at
  // startup, which `haproxy -c -dr` (and `init-addr none`) lets pass, and HA044 warns about. An
  // IPv4 address that is none (`10.0.0.300`) is still worth a word there: no name resolves to it.
  const hostText = colon < 0 ? value : value.slice(0, colon);
  const host = badHost(hostText);
  if (host && resolvesAsRead) return { problem: host };
  if (host && /^[\d.]+$|:/.test(hostText)) return { problem: host, tolerated: "; haproxy takes it for a host name, which does not resolve: it refuses to start unless told to go on (init-addr none, -dr)" };
  if (colon < 0) return undefined;
  const port = value.slice(colon + 1);
  // Read into an int before its range is checked (measured: `:4294967296` is port 0 and passes, `:99999999999` does not).
  if (/^\d+$/.test(port)) return atolInt32(port) < 0 || atolInt32(port) > 65535 ? { problem: `'${port}' is not a port between 0 and 65535` } : undefined;
  if (port === "" || /^[+-]\d+$/.test(port)) return undefined;
  // Any '-' after the first character makes a range (a sweep: `127.0.0.1:1.2.3.4-5` is "port range not permitted here").
  if (port.slice(1).includes("-")) return { problem: `'${port}' is a port range` };
  // haproxy reads a port with strtol(): what follows its digits is ignored (measured: `:80a` is 80).
  const digits = /^[+-]?\d+/.exec(port);
  // 3.0 and 3.2 read it whole (measured: "invalid character 'O' in port number '80O'").
  if (digits && Number(digits[0].replace(/^[+-]/, "")) <= 65535 && version === "2.6") return { problem: `'${port}' is not a port`, tolerated: `; haproxy reads it as ${digits[0]} without a word` };
  return { problem: `'${port}' is not a port` };
}

/**
 * A peers section's peer address without a port, or with port 0 (variables, sockets and families left
 * alone): 3.0 and 3.2 refuse it on any peer (measured: "'server p/a' : invalid port '0'", "missing port
 * specification"); 2.6.12 on the local peer only, which the machine's name picks (found by the
 * thirteenth mutation round).
 */
function peerPortReport(reading: Extract<StatementReading, { kind: "known" }>, keyword: string, uri: string, version: string, report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  const value = reading.value(1)!;
  if (value.includes("$") || value.includes("@") || value.startsWith("/")) return;
  const colon = portColon(value);
  const port = colon < 0 ? "" : value.slice(colon + 1);
  const problem = port === "" ? "has no port" : /^\d+$/.test(port) && atolInt32(port) === 0 ? "has port 0" : undefined;
  if (!problem) return;
  const who = version !== "2.6" ? "refuses it" : keyword === "peer" ? "2.6 refuses it on the machine whose local peer it is, and 3.0 and later on every machine" : "2.6 takes it, and 3.0 and later refuse it";
  report({ uri, ...(version === "2.6" ? { severity: "warning" as const } : {}), range: reading.args[1]!.range, message: `${keyword} address '${value}' ${problem}: haproxy ${who}` });
}

/** Multiplexers of `proto`: haproxy 2.6 (h3 and quic only in QUIC builds), and the later ones with the release that adds each (measured: 3.0.11 knows neither, 3.2.26 `spop`). */
const MUX_2_6 = new Set(["h1", "h2", "fcgi", "none", "h3", "quic"]);
const LATER_MUXES: ReadonlyMap<string, string> = new Map([["spop", "3.2"], ["qmux", "3.4"]]);

/**
 * A bind `id` given twice (the second is "custom id N already used", even when equal) or on a line of
 * several sockets ("'id' can only be used with a single socket"): haproxy 2.6.12 refuses both (a sweep).
 */
function bindIdReports(line: OptionShape, args: readonly Word[]): Report[] {
  if (line.kind !== "bind") return [];
  const ids = line.options.filter((option) => option.spec?.name === "id");
  if (ids.length === 0) return [];
  if (ids.length > 1) return [{ range: args[ids[1]!.at]!.range, message: "'id' is given twice on this line: haproxy sets the first and refuses the second as an id already used" }];
  const address = args[0];
  if (!address || hasVariable(address) || !(address.value.includes(",") || /:\d+-\d+$/.test(address.value))) return [];
  return [{ range: args[ids[0]!.at]!.range, message: `'id' names one socket, and '${address.value}' makes several; haproxy refuses the line` }];
}

/**
 * A server's `agent-addr`: an IPv4 or IPv6 address or a host name, with no port and no brackets
 * (measured on 2.6.12, 3.0.11 and 3.2.26: `10.0.0.1:99`, `10.0.0.1/24` and `10.0.0.300` are "parsing
 * agent-addr failed", `::1` and `[::1]` pass). Host names are resolved, so only what no name can be is judged.
 */
function agentAddressProblem(value: string): string | undefined {
  // It is no socket address: `ipv4@10.0.0.1` fails as well (measured); brackets pass (`[::1]`).
  if (value.includes("@")) return `'${value}' has an address family prefix, which 'agent-addr' does not take`;
  if (value.startsWith("[")) return badHost(value);
  if (/^[\d.]+:\d*$|^[\w.-]+:\d+$/.test(value)) return `'${value}' has a port, which 'agent-addr' does not take (the agent's port is 'agent-port')`;
  if (value.includes(":")) return isIpv6(value) ? undefined : `'${value}' is not an IPv6 address`;
  return value === "*" ? undefined : badHost(value);
}

/**
 * The words of a server's `source` after its address: `usesrc VALUE` and `interface NAME` pairs
 * (measured: "missing interface name", "'usesrc' expects <addr>[:<port>], 'client', 'clientip', or
 * 'hdr_ip(name,#)' as argument", "'usesrc 10.0.0.300' : invalid address").
 */
function sourcePairReports(args: readonly Word[], from: number, to: number): Report[] {
  const reports: Report[] = [];
  for (let i = from; i < to; i += 2) {
    const word = args[i]!;
    const used = i + 1 < to ? args[i + 1] : undefined;
    if (!used) {
      reports.push({ range: word.range, message: word.value === "interface" ? "'interface' after 'source' needs an interface name; haproxy refuses the server" : "'usesrc' needs an address, 'client', 'clientip' or 'hdr_ip(NAME[,OCC])'; haproxy refuses the server" });
      break;
    }
    if (word.value !== "usesrc" || hasVariable(used) || /^(?:client|clientip|hdr_ip\()/.test(used.value)) continue;
    const problem = used.value === "" ? "an empty value is no address" : sourceAddressProblem(used.value);
    if (problem) reports.push({ range: used.range, message: `${problem} in 'usesrc'; haproxy refuses the server` });
  }
  return reports;
}

/**
 * The TLV ID of a server's `set-proxy-v2-tlv-fmt(ID)`: read as C reads an unsigned number (decimal,
 * 0x hexadecimal, 0 octal), all of it, at most 255. Measured on 3.0.11 and 3.2.26: `(256)` and `(-1)`
 * are "the maximum allowed TLV ID is 255", `(1a)`, `(09)` and `(1e2)` "expected a number", `()` "could
 * not convert TLV ID"; `(0xE1)`, `(010)` and `(+5)` pass.
 */
function tlvIdProblem(word: Word): Report | undefined {
  const id = /^set-proxy-v2-tlv-fmt\((.*)\)$/s.exec(word.value)?.[1];
  if (id === undefined || id.includes("$")) return undefined;
  const number = /^\+?(?:0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(id) ? Number.parseInt(id.replace(/^\+/, ""), /^\+?0x/i.test(id) ? 16 : /^\+?0\d/.test(id) ? 8 : 10) : undefined;
  const start = word.value.indexOf("(") + 1;
  const range = rangeInWord(word, start, start + id.length);
  if (/^-\d+$/.test(id) || (number !== undefined && number > 255)) return { range: word.value === id ? word.range : range, message: `'${id}' is not a TLV ID: haproxy takes 0 to 255; it refuses the server` };
  if (number === undefined) return { range: id === "" ? word.range : range, message: `'${id}' is not a TLV ID (a number from 0 to 255: decimal, 0x hexadecimal or 0 octal); haproxy refuses the server` };
  return undefined;
}

function optionReports(line: OptionShape, args: readonly Word[], version: string): Report[] {
  const reports: Report[] = [...bindIdReports(line, args)];
  for (let index = 0; index < line.options.length; index++) {
    const option = line.options[index]!;
    if (line.kind !== "bind" && option.spec?.name === "source" && option.count > 1) reports.push(...sourcePairReports(args, option.at + 2, option.at + 1 + option.count));
    // `usesrc` is read as part of a `source` (the words above); anywhere else haproxy refuses it (measured).
    if (line.kind !== "bind" && option.spec?.name === "usesrc") {
      reports.push({ range: args[option.at]!.range, message: "'usesrc' is only taken right after a 'source ADDRESS' (or its 'interface NAME'); haproxy refuses the server" });
      continue;
    }
    const value = option.count > 0 ? args[option.at + 1] : undefined;
    if (line.kind !== "bind" && option.spec?.name === "set-proxy-v2-tlv-fmt") {
      const problem = tlvIdProblem(args[option.at]!);
      if (problem) reports.push(problem);
    }
    if (!option.spec || !value || hasVariable(value)) continue;
    const name = option.spec.name;
    // An empty value ('' or "") is a missing one: haproxy looks for the value's first character
    // (measured on 2.6.12: server `cookie ''`, `crt ''`, `port ''`, bind `name ''`, `alpn ''`,
    // `maxconn ''` are refused), except where a server reads a missing value as 0 or as nothing
    // (`weight ''`, `init-addr ''` pass). Found by the twelfth mutation round.
    if (value.value === "" && !(line.kind !== "bind" && ZERO_WHEN_MISSING.has(name))) {
      // `resolve-opts ''` passes as well (measured), as a missing one does.
      if (line.kind !== "bind" && NOTHING_WHEN_MISSING.has(name)) continue;
      reports.push({ range: value.range, message: `${line.kind} option '${name}' is given an empty value, which haproxy takes for a missing one; it refuses the line` });
      continue;
    }
    if (name === "proto" || name === "check-proto") {
      const since = LATER_MUXES.get(value.value);
      if (MUX_2_6.has(value.value) || (since !== undefined && compareVersions(version, since) >= 0)) continue;
      reports.push({
        range: value.range,
        message: since ? `multiplexer '${value.value}' is not in haproxy ${version} (it comes with haproxy ${since})` : `'${value.value}' is not a multiplexer haproxy knows (h1, h2, fcgi, …)`,
      });
      continue;
    }
    // haproxy keeps the agent port in 16 bits after atol(): one that comes to 0 (`0x400`, `65536`)
    // leaves an agent-check without a port, which it refuses ("does not have agent port"; measured).
    if (name === "agent-port" && line.kind !== "bind" && leadingInteger(value.value) % 65536 === 0 && line.options.some((other) => other.spec?.name === "agent-check")) {
      reports.push({ range: value.range, message: `'${value.value}' is read as port 0 (haproxy takes the leading digits and keeps 16 bits), so the agent-check has no port; haproxy refuses the server` });
      continue;
    }
    // `socks4 HOST:PORT`: haproxy 2.6.12 wants the port ("missing port specification in 'localhost'", "invalid port '0'").
    if (name === "socks4" && line.kind !== "bind" && !value.value.includes("$")) {
      const port = /:([^:]*)$/.exec(value.value)?.[1];
      const problem = port === undefined || port === "" ? "has no port" : !/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535 ? `has no port between 1 and 65535 ('${port}')` : undefined;
      if (problem) {
        reports.push({ range: value.range, message: `socks4 address '${value.value}' ${problem}; haproxy refuses it (write HOST:PORT)` });
        continue;
      }
    }
    // A server's `addr ADDRESS[:PORT]`, read as `source` is (measured on 2.6.12, 3.0.11 and 3.2.26:
    // `::1` is "invalid address: ':'", `10.0.0.1/24`, `10.0.0.300` invalid, `:99999` "invalid port").
    if ((name === "addr" || name === "agent-addr") && line.kind !== "bind" && !value.value.includes("$")) {
      const problem = name === "addr" ? sourceAddressProblem(value.value) : agentAddressProblem(value.value);
      if (problem) {
        reports.push({ range: value.range, message: `${problem} in server option '${name}'; haproxy refuses the server` });
        continue;
      }
    }
    // A server's `source ADDRESS[:PORT[-PORT]]`, read as the proxy keyword's but with a port range
    // (measured: "invalid port '70000'", "invalid port range '2000-1000'", `0.0.0.0/x` refused).
    if (name === "source" && line.kind !== "bind" && !value.value.includes("$")) {
      // A range whose ends are not all digits: 2.6.12 reads each end's leading digits (`0-x` is 0-0 and
      // passes, `1024-x` is "invalid port range '1024-0'"), 3.0.11 and 3.2.26 read them whole ("invalid
      // character 'x' in port number"). Found by the thirteenth mutation round.
      const loose = /:([^:\]-]*)-([^:\]]*)$/.exec(value.value);
      if (loose && !(/^\d+$/.test(loose[1]!) && /^\d+$/.test(loose[2]!)) && /^\d/.test(loose[1]!)) {
        const [low, high] = [leadingInteger(loose[1]!), leadingInteger(loose[2]!)];
        const written = `${loose[1]}-${loose[2]}`;
        if (version !== "2.6") reports.push({ range: value.range, message: `'${written}' is not a port range: haproxy ${version} reads each port whole (2.6 read their leading digits); it refuses the server` });
        else if (low > high) reports.push({ range: value.range, message: `'${written}' is read as the port range ${low}-${high}, which runs backwards; haproxy refuses the server` });
        else reports.push({ severity: "warning", range: value.range, message: `'${written}' is read as the port range ${low}-${high} (haproxy 2.6 takes each end's leading digits without a word; 3.0 and later refuse it)` });
        continue;
      }
      const range = /:(\d+)-(\d+)$/.exec(value.value);
      const problem = range && Number(range[1]) > Number(range[2]) ? `'${range[1]}-${range[2]}' is a port range that runs backwards` : sourceAddressProblem(range ? value.value.slice(0, range.index) + `:${Math.max(Number(range[1]), Number(range[2]))}` : value.value);
      if (problem) {
        reports.push({ range: value.range, message: `${problem} in server option 'source'; haproxy refuses the server` });
        continue;
      }
    }
    const closed = optionValueProblem(line.kind, name, value.value, version);
    if (closed) {
      reports.push({ range: value.range, message: `'${value.value}' ${closed} for ${line.kind} option '${name}'` });
      continue;
    }
    const shape = OPTION_SHAPES[name];
    const found =
      shape &&
      numberProblem(shape, value.value, name, {
        // A bind's maxconn is read with atol() too (measured): `maxconn abc` is 0.
        lenient: line.kind !== "bind" ? LENIENT_SERVER_OPTIONS.has(name) : name === "maxconn",
        negative: line.kind !== "bind" && NEGATIVE_SERVER_OPTIONS.has(name),
        // A bind's maxconn too: `maxconn 2147483648` is "invalid value -2147483648" (measured).
        int32: line.kind !== "bind" ? LENIENT_SERVER_OPTIONS.has(name) : name === "maxconn",
      }, version);
    if (found) {
      reports.push({
        ...(found.tolerated ? { severity: "warning" as const } : {}),
        range: value.range,
        message: `'${value.value}' ${found.problem} for ${line.kind} option '${name}'${found.note}`,
      });
    }
  }
  return reports;
}

type KeywordEntry = Extract<StatementReading, { kind: "known" }>["match"]["keyword"];

/**
 * Which of the checks below can concern a keyword, worked out once per keyword table entry: most
 * lines of a large file (servers) only have their shapes and options checked.
 */
const CLOSED = 1;
const STICK_RULE = 2;
const ACL = 4;
const STICK_TABLE = 8;
const PEERS_TABLE = 16;
const ACTIONS = 32;
const LOG = 64;
const BIND = 128;
const SERVER = 256;
const NAMESERVER = 512;

function checksOf(keyword: KeywordEntry): number {
  const name = keyword.name;
  return (
    (CLOSED_LISTS[name] ? CLOSED : 0) |
    (name.startsWith("stick ") ? STICK_RULE : 0) |
    (name === "acl" ? ACL : 0) |
    (name === "stick-table" ? STICK_TABLE : 0) |
    (name === "table" ? PEERS_TABLE : 0) |
    (keyword.actions?.startsWith("http-") || name === "redirect" ? ACTIONS : 0) |
    (name === "log" ? LOG : 0) |
    (name === "bind" || name === "dgram-bind" ? BIND : 0) |
    (name === "server" || name === "peer" ? SERVER : 0) |
    (name === "nameserver" ? NAMESERVER : 0)
  );
}

/** What HA004 reads of a keyword at the model's version, worked out once per table entry. */
interface KeywordChecks {
  readonly which: number;
  /** The argument shapes at the version (a number that became a size after 2.6 has later shapes). */
  readonly shapes: readonly string[] | undefined;
  /** The indexes of the shapes that judge a value: a name or an address fits any (`server`, `acl`, `use_backend` have only those). */
  readonly judged: readonly number[];
  /** A `timeout …`, which a ring may ignore (`ignoredInRing`): the other keywords need not look at the section. */
  readonly timeout: boolean;
  /** Whether its lines have options (most statements have none to read). */
  readonly options: boolean;
}

function keywordChecks(keyword: KeywordEntry, version: HaproxyModel["version"]): KeywordChecks {
  const shapes = keyword.args?.shapes ? (version === "3.0" && SIZES_FROM_32.has(keyword.name) ? keyword.args : haproxyArgsAt(keyword.args, version))!.shapes! : undefined;
  const judged: number[] = [];
  if (shapes) for (let index = 0; index < shapes.length; index++) if (!parseShape(shapes[index]!).anyValue) judged.push(index);
  return { which: checksOf(keyword), shapes, judged, timeout: keyword.name.startsWith("timeout "), options: takesOptions(keyword.name) };
}

export const invalidValue: HaproxyRule = {
  meta: {
    id: "HA004",
    alias: "invalid-value",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "an argument haproxy cannot read (a time, size, number, listed word or address)",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    // Option shapes of plain lines found to hold no wrong value.
    const clean = new Set<OptionShape>();
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const checks = new Map<KeywordEntry, KeywordChecks>();
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const placed = placedList[placedAt]!;
      const { section, reading } = placed;
      if (reading.kind !== "known" || reading.match.negated) continue;
      const keyword = reading.match.keyword;
      let facts = checks.get(keyword);
      if (facts === undefined) checks.set(keyword, (facts = keywordChecks(keyword, model.version)));
      if (facts.timeout && ignoredInRing(section, keyword.name)) continue;
      const which = facts.which;
      // The argument words are made only where a line is read word by word or has a problem.
      const count = reading.count;
      const uri = section.uri;
      // Most server lines of a large file: `NAME A.B.C.D:PORT …`, nothing to say about the address
      // (tested in place: no string is made for it).
      const address = which & SERVER && count > 1 && !reading.plainArgMatches(1, PLAIN_IPV4_AND_PORT_WORD) ? reading.value(1)! : undefined;
      if (address === undefined || isPlainIpv4AndPort(address)) {
        // Nothing to check but a peer's port (`127.0.0.1:0`).
        if (which & SERVER && section.type === "peers" && count > 1) peerPortReport(reading, keyword.name, uri, model.version, report);
      } else if (isOptionInAddressPlace(address)) {
        // `server s check`, `peer A v4v6`: an option word where the address should be (measured:
        // "could not resolve address 'check'", in peers "invalid address: 'v4v6'").
        report({ uri, range: reading.args[1]!.range, message: `'${address}' is an option, not an address: this ${keyword.name} line has no address; haproxy refuses it` });
      } else if (address.includes("@") && !address.includes("$") && unknownServerFamily(address, model.version)) {
        report({ uri, range: reading.args[1]!.range, severity: "warning", message: unknownServerFamily(address, model.version)! });
      } else if (address.includes("@") && serverFamilyProblem(address, section, model)) {
        report({ uri, range: reading.args[1]!.range, message: `${serverFamilyProblem(address, section, model)}; haproxy refuses it` });
      } else if (swappedNameAndAddress(reading.value(0)!, address)) {
        // A peers or ring section resolves the address as haproxy reads it (measured: `server
        // 127.0.0.1:20003 B` is "invalid address: 'B'"); a proxy's server only at startup.
        const asRead = section.type === "peers" || section.type === "ring";
        const message = `${keyword.name} name '${reading.value(0)}' looks like an address, and its address '${address}' like a name: were they swapped? (haproxy refuses an address it cannot resolve${asRead ? `, and in a ${section.type} section it resolves it as it reads it` : ""})`;
        report({ uri, ...(asRead ? {} : { severity: "warning" as const }), range: reading.args[1]!.range, message });
      } else {
        const found = serverPortProblem(address, section.type === "peers" || section.type === "ring", model.version);
        if (found) {
          const message = `${found.problem} in ${keyword.name} address '${address}'${found.tolerated ?? "; haproxy refuses it"}`;
          report({ uri, ...(found.tolerated ? { severity: "warning" as const } : {}), range: reading.args[1]!.range, message });
        } else if (section.type === "peers") peerPortReport(reading, keyword.name, uri, model.version, report);
      }
      if (which & NAMESERVER && count > 1 && !hasVariable(reading.args[1]!) && !reading.text(1)!.includes("$")) {
        const address = reading.value(1)!;
        const host = /^[a-z0-9+]+@/.test(address) ? undefined : badHost(address.slice(0, Math.max(portColon(address), 0)) || address);
        // haproxy reads the port's leading digits and ignores what follows them (measured: `:8O` and
        // `:53x` pass), but not a range (`:5-6`, and a sweep's `:1.2.3.4-5`: "port range not permitted
        // here"); none after a ']' (`[::1]53`).
        const written = portColon(address) < 0 ? null : /:(\d+)([^:]*)$/.exec(address);
        const port = written && !written[2]!.includes("-") ? Number(written[1]) : NaN;
        if (written?.[2]!.includes("-")) report({ uri, range: reading.args[1]!.range, message: `nameserver address '${address}' has a port range; haproxy refuses it` });
        // 3.0 and 3.2 read it whole (measured: "invalid character 'x' in port number '53x'").
        else if (written && written[2] !== "" && model.version !== "2.6") report({ uri, range: reading.args[1]!.range, message: `'${written[1]}${written[2]}' is not a port in nameserver address '${address}'; haproxy ${model.version} refuses it (2.6 read its leading digits)` });
        else if (Number.isNaN(port)) report({ uri, range: reading.args[1]!.range, message: `nameserver address '${address}' has no port; haproxy refuses it (write '${/^\[[^\]]*\]/.exec(address)?.[0] ?? address.replace(/:$/, "")}:53')` });
        else if (host) report({ uri, range: reading.args[1]!.range, message: `${host} in nameserver address '${address}'; haproxy refuses it` });
        // Measured on 2.6.12: "invalid port '0'", "invalid port '65536'".
        else if (port < 1 || port > 65535) report({ uri, range: reading.args[1]!.range, message: `'${port}' is not a port between 1 and 65535 in nameserver address '${address}'; haproxy refuses it` });
      }
      if (which === 0 && !keyword.args?.shapes) {
        // Nothing but the options to check.
      } else if (which & CLOSED && count > 0 && keyword.name === "balance" && reading.plainArgMatches(0, QUIET_BALANCE)) {
        // Most backends' `balance roundrobin`: nothing to say, told in place without making the words.
      } else if (which & CLOSED && count > 0) {
        const list = CLOSED_LISTS[keyword.name]!;
        const balance = list === "balance" ? (balanceArgumentReport(reading.args[0]!) ?? logBalanceReport(reading.args, section, model)) : undefined;
        const what = list === "balance" ? "a balance algorithm" : list === "compression" ? "a compression setting" : `a ${keyword.name} value`;
        const bad = balance ?? (list === "balance" && /^(?:random|rdp-cookie\(|hdr\()/.test(reading.value(0)!) ? undefined : closedListReport(list, reading.args[0]!, what));
        if (bad) report({ uri, ...bad });
      } else if (which & STICK_RULE && placed.has("table")) {
        for (const item of stickRuleReports(reading.args)) report({ uri, ...item });
      } else if (which & ACL && count > 2 && (placed.has("-m") || placed.has("-u") || placed.has("-f"))) {
        for (const item of aclMethodReports(reading.args)) report({ uri, ...item });
      } else if (which & STICK_TABLE || (which & PEERS_TABLE && section.type === "peers")) {
        for (const item of stickTableReports(keyword.name, reading.args, model.version)) report({ uri, ...item });
      } else if (which & ACTIONS && hasCheckedOptions(keyword.name, reading.value(0))) {
        for (const item of actionOptionReports(keyword.name, reading.args, model.version, section.type)) report({ uri, ...item });
      } else if (which & LOG) {
        for (const item of logReports(reading.args, model.version)) report({ uri, ...item });
      } else if (which & BIND && count > 0) {
        const bad = bindAddressReport(reading.args[0]!, model.version, keyword.name === "dgram-bind" ? "dgram-bind" : "bind");
        if (bad) report({ uri, ...bad, message: bad.message.replace("bind address", `${keyword.name} address`) });
      } else if (keyword.args?.shapes) {
        const shapes = facts.shapes!;
        // A name or an address (checked below) fits any value: only the other words are read.
        const judged = facts.judged;
        for (let at = 0; at < judged.length && judged[at]! < count; at++) {
          const index = judged[at]!;
          const shapeText = shapes[index]!;
          if (!placed.plain && hasVariable(reading.args[index]!)) continue;
          const value = placed.plain ? reading.text(index)! : reading.value(index)!;
          // haproxy expands `${NAME}` and `$NAME` only inside double quotes (measured: `timeout client ${T}` is "unexpected character '$'").
          const literal = value.includes("$") && KEEPALIVED_VARIABLE.test(value);
          const found = numberProblem(shapeText, value, keyword.name, {
            lenient: ((LENIENT_KEYWORDS.has(keyword.name) && !(section.type === "global" && STRICT_LATER_GLOBALS.has(keyword.name) && model.version !== "2.6")) || LENIENT_STATUS_KEYWORDS.has(keyword.name) || (model.version !== "2.6" && LENIENT_LATER_KEYWORDS.has(keyword.name))),
            negative: NEGATIVE_KEYWORDS.has(keyword.name),
            // Kept in 32 bits after atol() (measured: `id 4294967296` is "custom id has to be > 0",
            // `id 4294967297` is 1, `maxcompcpuusage 4294967296` is 0 and passes).
            int32: keyword.name === "id" || INT32_KEYWORDS.has(keyword.name),
            literal,
          }, model.version);
          if (!found) continue;
          // A buffer too small once read with atol() (`tune.bufsize 16k` at 2.6 and 3.0) is keyword-words.ts's error: one finding.
          if (found.tolerated && keyword.name === "tune.bufsize" && leadingInteger(value) >= 1 && leadingInteger(value) <= 336) continue;
          // So is a socket buffer 3.0 reads as 0 or less (`tune.rcvbuf.backend bogus`: later-global-words.ts).
          if (found.tolerated && /^tune\.(?:rcv|snd)buf\.(?:backend|frontend)$/.test(keyword.name) && leadingInteger(value) <= 0) continue;
          const word = reading.args[index]!;
          const shape = parseShape(shapeText);
          const candidates = shape.values ? suggest(word.value, shape.values) : [];
          report({
            uri,
            ...(found.tolerated ? { severity: "warning" as const } : {}),
            range: word.range,
            message: `'${word.value}' ${found.problem} for '${keyword.name}'${found.note}${literal ? `; haproxy expands a variable only inside double quotes ("${word.value.replace(/^['“”]|['“”]$/g, "")}"), and reads this one as written` : didYouMean(candidates)}`,
            ...replacementFixes(word.range, candidates),
          });
        }
      }
      const options = facts.options ? placed.options : undefined;
      if (options && !clean.has(options)) {
        const reports = optionReports(options, reading.args, model.version);
        if (reports.length === 0 && placed.plain) clean.add(options);
        for (const item of reports) report({ uri, ...item });
      }
      if (count > 0 && keyword.name === "stats socket") {
        const bad = socketAddressReport(reading.args[0]!, model.version);
        if (bad) report({ uri, ...bad });
      }
    }
    // The flags of anonymous ACLs (`{ path -m regx /x }`, `-u`, `-f`), read as an `acl` line's (measured alike).
    forEachAclCriterion(model.mentioning(/[ \t]-[muf](?![^ \t\r\n])/), (words, section, anonymous) => {
      if (anonymous) for (const item of aclMethodReports(words, 1)) report({ uri: section.uri, ...item });
    });
    // An anonymous ACL on a fetch with no default match (`{ req.payload(0,4) 0000 }`), as an `acl` line's.
    forEachAclCriterion(model.statements(), (words, section, anonymous) => {
      if (anonymous) for (const item of typelessCriterionReports(words, model.version)) report({ uri: section.uri, ...item });
    });
    cacheObjectReports(model, report);
    requiredValueReports(model, report);
    checkExpectReports(model, report);
    checkSendReports(model, report);
    errorCodeReports(model, report);
    cookieModeReports(model, report);
    statsRuleReports(model, report);
    compressionAlgorithmReports(model, report);
    actionWordReports(model, report);
    keywordWordReports(model, report);
    nameCharacterReports(model, report);
  },
};

/**
 * A cache whose `max-object-size` (bytes) is more than half its `total-max-size` (megabytes):
 * haproxy 2.6.12 refuses it once the section is read ("\"max-object-size\" is limited to an half of
 * \"total-max-size\" => 2097152"). Both are read as haproxy reads them, with atol(), the object size
 * then kept in 32 unsigned bits.
 */
function cacheObjectReports(model: Parameters<HaproxyRule["check"]>[0]["model"], report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  for (const section of model.sectionsOfType("cache")) {
    const total = model.keywordIn(section, "total-max-size").at(-1);
    const object = model.keywordIn(section, "max-object-size").at(-1);
    if (!total || !object || !total.args[0] || !object.args[0] || `${total.args[0].value}${object.args[0].value}`.includes("$")) continue;
    const limit = (leadingInteger(total.args[0].value) * 1024 * 1024) / 2;
    // kept in 32 unsigned bits (measured: 4294967296 is 0 and passes, -5 is refused)
    const size = ((leadingInteger(object.args[0].value) % 2 ** 32) + 2 ** 32) % 2 ** 32;
    if (limit <= 0 || size <= limit) continue;
    report({
      uri: section.uri,
      range: object.args[0].range,
      message: `'max-object-size' may be at most half of 'total-max-size' (${limit} bytes here)`,
      related: [{ uri: section.uri, range: total.args[0].range, message: "the cache's total-max-size, in megabytes" }],
    });
  }
}

/**
 * A `stats socket` address. haproxy reads it as `bind` reads its address: a UNIX socket only when it
 * starts with '/' or a family (`unix@`), anything else as HOST:PORT (measured with 2.6.12:
 * `stats socket run/admin.sock` is "missing port specification").
 */
function socketAddressReport(word: Word, version: string): Report | undefined {
  const value = word.value;
  // `stats socket $SOCKET`: the variable usually holds the whole path, which haproxy expands.
  if (value.includes("$") && !hasVariable(word)) return undefined;
  // A word that looks like a path (a '/' inside, a .sock name) is a socket path that lost its '/'.
  if (!hasVariable(word) && !/[:@$]/.test(value) && !value.startsWith("/") && (value.includes("/") || value.endsWith(".sock"))) {
    return { range: word.range, message: `stats socket '${value}' is read as an address without a port, as a socket path must start with '/'; haproxy refuses it (write 'unix@${value}' for a path relative to the working directory)` };
  }
  const bad = bindAddressReport(word, version);
  return bad ? { ...bad, message: bad.message.replace("bind address", "stats socket address") } : familyPortReport(word);
}

/**
 * The port of a stats socket on an IP family (`ipv4@127.0.0.1:9999`), which haproxy 2.6.12 reads by its
 * leading digits, from 1 to 65535 (a sweep: "invalid port '0x10'", "invalid port '65536'", "port offset
 * not permitted here", "missing port specification", "invalid character 'x' in port number"; `:9999abc`
 * passes).
 */
function familyPortReport(word: Word): Report | undefined {
  const address = /^(?:ipv4|ipv6|tcp|tcp4|tcp6)@(.*)$/.exec(word.value)?.[1];
  if (address === undefined || address.startsWith("[") || hasVariable(word) || word.value.includes("$")) return undefined;
  const port = address.slice(address.lastIndexOf(":") + 1);
  const digits = /^\d+/.exec(port)?.[0];
  if (address.includes(":") && digits !== undefined && Number(digits) >= 1 && Number(digits) <= 65535) return undefined;
  return { range: word.range, message: `stats socket address '${word.value}' has no port from 1 to 65535 ('${address.includes(":") ? port : ""}'); haproxy refuses it` };
}
