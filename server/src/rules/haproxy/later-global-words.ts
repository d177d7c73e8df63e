// HA004 checks of the values of global keywords haproxy 3.0 and 3.2 add, each measured with 3.0.11
// and 3.2.26 (docs/agreement.md, "Later sweeps: gaps left at 3.0 and 3.2"): a keyword is judged
// only from the release that has it (before, HA008 reports the keyword itself). See keyword-words.ts
// for the rest of HA004's word checks.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";
import { compareVersions } from "../../facts/versions.js";
import { parseTime, type HaproxyModel } from "./model.js";
import { leadingInteger } from "./numbers.js";
import { holdsVariable } from "./word-lists.js";

type Check = (args: readonly Word[], version: string, statement: Statement) => Report[];

const refused = (word: Word, message: string): Report[] => [{ range: word.range, message: `${message}; haproxy refuses the line` }];

/** A comma-separated list whose every item is one of `items` (`setcap cap_net_raw,cap_net_admin`). */
function commaList(items: readonly string[], what: string): (word: Word) => Report[] {
  return (word) => {
    const wrong = word.value.split(",").find((item) => !items.includes(item));
    return wrong === undefined ? [] : refused(word, `'${wrong}' is not ${what} (${items.join(", ")}; several are separated by commas)`);
  };
}

/** Each argument read by `each` (a keyword taking any number of them). */
function everyWord(each: (word: Word) => Report[]): Check {
  return (args) => {
    for (const word of args) {
      if (holdsVariable(word)) return [];
      const found = each(word);
      if (found.length > 0) return found;
    }
    return [];
  };
}

/** The first argument read by `each`, and nothing after it ("cannot handle unexpected argument"). */
function oneWord(keyword: string, each: (word: Word) => Report[]): Check {
  return (args) => {
    const [word, extra] = args;
    if (!word || holdsVariable(word)) return [];
    const found = each(word);
    if (found.length > 0) return found;
    return extra && !holdsVariable(extra) ? refused(extra, `'${keyword}' takes one value, and '${extra.value}' is one too many`) : [];
  };
}

/**
 * `http-err-codes` and `http-fail-codes`: words of status codes and ranges (`400-499`, `500,502`),
 * a word starting with `+` or `-` to add or remove them; each code from 100 to 599 and a range's low
 * end not above its high one (measured: "Invalid status codes range '600'", "'+500' at position 8"
 * inside a list: the sign only starts a word).
 */
function statusCodes(word: Word): Report[] {
  const items = word.value.replace(/^[+-]/, "").split(",");
  for (const item of items) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(item);
    const low = range ? Number(range[1]) : NaN;
    const high = range?.[2] !== undefined ? Number(range[2]) : low;
    if (!range || low < 100 || high > 599 || low > high) return refused(word, `'${item}' is not an HTTP status code or range from 100 to 599 (as 400-499, several separated by commas, a word starting with + or - to add or remove them)`);
  }
  return [];
}

/** An integer between `low` and `high` read whole (`stress-level 10x`: "level must be between 0 and 9"). */
function wholeBetween(low: number, high: number, what: string): (word: Word) => Report[] {
  return (word) => {
    const n = /^[+-]?\d+$/.test(word.value) ? Number(word.value) : NaN;
    return n >= low && n <= high ? [] : refused(word, `'${word.value}' is not ${what} from ${low} to ${high}`);
  };
}

/**
 * The QUIC tunings' integers: haproxy reads the leading digits (`10x` is 10, without a word) and
 * refuses a word without any, and 0 ("expects a positive integer"); `high`, where there is one,
 * holds the value ("expects an integer argument between 0 and 100").
 */
function positiveLeading(high?: number): (word: Word) => Report[] {
  return (word) => {
    // A sign is read (measured: `tune.quic.max-frame-loss -1` passes, an unsigned reading), a word without digits is not.
    if (!/^[+-]?\d/.test(word.value)) return refused(word, `'${word.value}' is not a positive integer`);
    const n = leadingInteger(word.value);
    if (n === 0) return refused(word, "0 is not a positive integer here");
    return high !== undefined && (n < 0 || n > high) ? refused(word, `'${word.value}' is not between 1 and ${high}`) : [];
  };
}

/** Sizes 3.2 reads whole as an unsigned 32-bit number with an optional k, m or g (`4294967296` and `5g`: "unexpected '6' after size"). */
function size32(word: Word): Report[] {
  const match = /^(\d+)([kmg]?)$/i.exec(word.value);
  if (!match) return [];
  const bytes = Number(match[1]) * ({ "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[match[2]!.toLowerCase()]!;
  return bytes > 4294967295 ? refused(word, `'${word.value}' is above 4294967295 bytes (4g less one), the largest size haproxy reads here`) : [];
}

/** Not 0 (`tune.bufsize.small 0`: "expects a positive integer argument"; `tune.rcvbuf.backend 0`: "a strictly positive integer"). */
function notZero(word: Word): Report[] {
  return /^0+[kmg]?$/i.test(word.value) ? refused(word, `'${word.value}' is 0, and this size must be above 0`) : [];
}

function both(...checks: ((word: Word) => Report[])[]): (word: Word) => Report[] {
  return (word) => {
    for (const check of checks) {
      const found = check(word);
      if (found.length > 0) return found;
    }
    return [];
  };
}

/** `anonkey N`: 0 to 4294967295 (measured: "value must be within range 0-4294967295 (was '-1')"); other words read as 0. */
function anonkey(word: Word): Report[] {
  const digits = /^[+-]?\d+/.exec(word.value)?.[0];
  if (digits === undefined) return [];
  const n = Number(digits);
  return n < 0 || n > 4294967295 ? refused(word, `'${word.value}' is not an anonymizing key from 0 to 4294967295`) : [];
}

/** `warn-blocked-traffic-after TIME`: 1 to 1000 ms (measured: "timer out of range … (value must be between 1 and 1000 ms)"; `5s` too). */
function blockedTrafficTime(word: Word): Report[] {
  const time = parseTime(word.value);
  if (!time) return [];
  return time.ms >= 1 && time.ms <= 1000 ? [] : refused(word, `'${word.value}' is not a time from 1 to 1000 ms`);
}

/** `ocsp-update.httpproxy ADDRESS[:PORT]`: an IP address (measured: `proxy.example.com:3128` is "Failed to parse destination address"; words are refused). */
function proxyAddress(word: Word): Report[] {
  const host = word.value.startsWith("[") ? word.value.slice(1, word.value.indexOf("]")) : word.value.replace(/:\d*$/, "");
  const ipv4 = /^(?:\d{1,3}\.){3}\d{1,3}$/.test(host) && host.split(".").every((n) => Number(n) <= 255);
  const ipv6 = host.includes(":") && /^[0-9a-fA-F:.]+$/.test(host);
  return ipv4 || ipv6 ? [] : refused(word, `'${word.value}' is not an IP address with an optional port, which haproxy wants for the OCSP updates' HTTP proxy (it resolves no name here)`);
}

/** `tune.renice.runtime|startup N`: -20 to 19 (measured: "only supports values between -20 and 19 inclusive"); empty is taken. */
const renice = wholeBetween(-20, 19, "a nice value");

/**
 * `thread-hard-limit N`: from 1 to the build's thread limit (measured: "'thread-hard-limit' value must
 * be at least 1 (was 257)" from Debian's 3.0.11, whose limit is 256; 3.2.26's is 1024). No 64-bit
 * build runs more than 4096 threads; between the two it is a warning, as for nbthread.
 */
const threadHardLimit: Check = (args, version) => {
  const word = args[0];
  if (!word || holdsVariable(word) || !/^\d+$/.test(word.value)) return [];
  const n = Number(word.value);
  if (n > 4096) return refused(word, `'${word.value}' is above 4096 (64 groups of 64), the most threads any build of haproxy runs`);
  const debian = version === "3.0" ? 256 : 1024;
  return n > debian ? [{ severity: "warning", range: word.range, message: `'${word.value}' is above ${debian}: haproxy ${version === "3.0" ? "3.0" : "3.2"} as Debian builds it runs at most ${debian} threads, and refuses a larger limit` }] : [];
};

/** The OCSP update delays, by keyword: which one it sets. */
const OCSP_DELAYS: Readonly<Record<string, "min" | "max">> = {
  "ocsp-update.mindelay": "min",
  "tune.ssl.ocsp-update.mindelay": "min",
  "ocsp-update.maxdelay": "max",
  "tune.ssl.ocsp-update.maxdelay": "max",
};

/**
 * `[tune.ssl.]ocsp-update.mindelay` and `maxdelay`: seconds, not negative, and each line held to the
 * other delay as it stands when haproxy reads it (300 and 3600 unless a line above sets it): "'ocsp-update.maxdelay'
 * can not be lower than tune.ssl.ocsp-update.mindelay" (measured on 3.0.11 and 3.2.26, for `maxdelay 0`,
 * `maxdelay bogus`, read as 0, and `mindelay 99999999999`; "expects a positive numeric value" for -1).
 */
export function ocspDelayReports(model: HaproxyModel, report: (found: Report & { uri: string }) => void): void {
  if (compareVersions(model.version, "3.0") < 0) return;
  const lines = Object.keys(OCSP_DELAYS).flatMap((keyword) => model.withKeyword(keyword.split(" ")[0]!).filter((placed) => placed.keyword === keyword && placed.section.type === "global"));
  if (lines.length === 0) return;
  lines.sort((a, b) => (a.section.uri === b.section.uri ? a.statement.range.startOffset - b.statement.range.startOffset : a.section.uri < b.section.uri ? -1 : 1));
  const delays = { min: 300, max: 3600 };
  for (const placed of lines) {
    const which = OCSP_DELAYS[placed.keyword]!;
    const word = placed.statement.args[0];
    if (!word || holdsVariable(word)) continue;
    const value = leadingInteger(word.value);
    const uri = placed.section.uri;
    if (value < 0) {
      report({ uri, range: word.range, message: `'${word.value}' is negative; the OCSP update delay is a number of seconds, and haproxy refuses the line` });
      continue;
    }
    if (which === "max" && value < delays.min) report({ uri, range: word.range, message: `'${word.value}' is below the OCSP updates' shortest delay (${delays.min} s${delays.min === 300 ? ", the default" : ""}); haproxy refuses a longest delay below it` });
    else if (which === "min" && value > delays.max) report({ uri, range: word.range, message: `'${word.value}' is above the OCSP updates' longest delay (${delays.max} s${delays.max === 3600 ? ", the default" : ""}); haproxy refuses a shortest delay above it` });
    else delays[which] = value;
  }
}

const CPU_POLICIES = ["none", "first-usable-node", "group-by-ccx", "group-by-2-ccx", "group-by-3-ccx", "group-by-4-ccx", "group-by-cluster", "group-by-2-clusters", "group-by-3-clusters", "group-by-4-clusters", "performance", "efficiency", "resource"];
const CPU_SET_DIRECTIVES = ["reset", "only-cpu", "drop-cpu", "only-node", "drop-node", "only-cluster", "drop-cluster", "only-core", "drop-core", "only-thread", "drop-thread"];

/** `cpu-set DIRECTIVE [SET] …`: `reset` alone, the others with a set after them (measured on 3.2.26: "passed an unknown directive", "missing CPU set"). */
const cpuSet: Check = (args, _version, statement) => {
  if (args.length === 0) return [{ range: statement.keyword.range, message: `'cpu-set' needs a directive (${CPU_SET_DIRECTIVES.join(", ")}); haproxy refuses the line` }];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (holdsVariable(word)) return [];
    if (!CPU_SET_DIRECTIVES.includes(word.value)) return refused(word, `'${word.value}' is not a directive of 'cpu-set' (${CPU_SET_DIRECTIVES.join(", ")})`);
    if (word.value === "reset") continue;
    if (!args[i + 1]) return refused(word, `'cpu-set ${word.value}' needs a set of CPUs, nodes, clusters, cores or threads after it`);
    i++;
  }
  return [];
};

/** `tune.rcvbuf.backend` and its kin: not 0 (3.0.11, which reads the rest with atol()), and from 3.2 a size that fits in 32 bits. */
const socketBuffer: Check = (args, version) => {
  const word = args[0];
  if (!word || holdsVariable(word)) return [];
  // 3.0.11 reads the value with atol() and refuses what is not above 0 (`bogus`, `-1`: "expects a strictly positive integer argument").
  if (compareVersions(version, "3.2") < 0) return leadingInteger(word.value) > 0 ? [] : refused(word, `'${word.value}' is read as ${leadingInteger(word.value)}, and this size must be above 0`);
  const zero = notZero(word);
  return zero.length > 0 ? zero : size32(word);
};

/** The first argument read by `each`; words after it are ignored (haproxy does not look at them). */
function oneWordLenient(each: (word: Word) => Report[]): Check {
  return (args) => {
    const word = args[0];
    return !word || holdsVariable(word) ? [] : each(word);
  };
}

interface LaterCheck {
  readonly since: string;
  readonly check: Check;
}

const at = (since: string, check: Check): LaterCheck => ({ since, check });

/** By keyword: the release that adds it and what to check of its words there. */
const LATER: Readonly<Record<string, LaterCheck>> = {
  anonkey: at("3.0", oneWordLenient(anonkey)),
  "cpu-policy": at("3.2", oneWord("cpu-policy", (word) => (CPU_POLICIES.includes(word.value) ? [] : refused(word, `'${word.value}' is not a CPU policy (${CPU_POLICIES.join(", ")})`)))),
  "cpu-set": at("3.2", cpuSet),
  "dns-accept-family": at("3.2", oneWord("dns-accept-family", (word) => (word.value === "auto" ? [] : commaList(["ipv4", "ipv6"], "an address family")(word)))),
  "http-err-codes": at("3.0", everyWord(statusCodes)),
  "http-fail-codes": at("3.0", everyWord(statusCodes)),
  "ocsp-update.httpproxy": at("3.0", oneWordLenient(proxyAddress)),
  setcap: at("3.0", everyWord(commaList(["cap_net_raw", "cap_net_admin", "cap_net_bind_service", "cap_sys_admin"], "a capability haproxy keeps"))),
  "stress-level": at("3.2", oneWordLenient(wholeBetween(0, 9, "a stress level"))),
  "thread-hard-limit": at("3.0", threadHardLimit),
  "tune.bufsize.small": at("3.2", oneWordLenient(both(notZero, size32))),
  "tune.notsent-lowat.client": at("3.2", oneWordLenient(size32)),
  "tune.notsent-lowat.server": at("3.2", oneWordLenient(size32)),
  "tune.h2.fe.rxbuf": at("3.2", oneWordLenient(size32)),
  "tune.h2.be.rxbuf": at("3.2", oneWordLenient(size32)),
  "tune.quic.frontend.max-data-size": at("3.2", oneWordLenient(both(notZero, size32))),
  // read as a 64-bit size (measured: `99999999999` passes)
  "tune.quic.frontend.max-tx-mem": at("3.2", oneWordLenient(notZero)),
  "tune.rcvbuf.backend": at("3.0", socketBuffer),
  "tune.rcvbuf.frontend": at("3.0", socketBuffer),
  "tune.sndbuf.backend": at("3.0", socketBuffer),
  "tune.sndbuf.frontend": at("3.0", socketBuffer),
  "tune.epoll.mask-events": at("3.0", oneWord("tune.epoll.mask-events", commaList(["err", "hup", "rdhup"], "an event to mask"))),
  "tune.h2.fe.max-concurrent-streams": at("3.0", oneWord("tune.h2.fe.max-concurrent-streams", () => [])),
  "tune.quic.cc.cubic.min-losses": at("3.2", oneWordLenient(positiveLeading())),
  "tune.quic.frontend.glitches-threshold": at("3.0", oneWordLenient(positiveLeading())),
  "tune.quic.max-frame-loss": at("3.0", oneWordLenient(positiveLeading())),
  "tune.quic.reorder-ratio": at("3.0", oneWordLenient(positiveLeading(100))),
  "tune.quic.frontend.stream-data-ratio": at("3.2", oneWordLenient(positiveLeading(100))),
  "tune.renice.runtime": at("3.2", oneWordLenient(renice)),
  "tune.renice.startup": at("3.2", oneWordLenient(renice)),
  // "the number of stick-counters may not be negative (was -1)"
  "tune.stick-counters": at("3.0", oneWordLenient((word) => (leadingInteger(word.value) < 0 ? refused(word, `'${word.value}' is negative: haproxy tracks no fewer than 0 stick counters`) : []))),
  "warn-blocked-traffic-after": at("3.0", oneWordLenient(blockedTrafficTime)),
  // "'tune.quic.frontend.default-max-window-size' : should be between 10k and 4g" (3.2.26; `1k` too)
  "tune.quic.frontend.default-max-window-size": at("3.2", oneWordLenient((word) => {
    const match = /^(\d+)([kmg]?)$/i.exec(word.value);
    if (!match) return [];
    const bytes = Number(match[1]) * ({ "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[match[2]!.toLowerCase()]!;
    return bytes >= 10 * 1024 && bytes <= 4 * 1024 ** 3 ? [] : refused(word, `'${word.value}' is not a window size from 10k to 4g`);
  })),
};

/** The checks by keyword, each run only at targets that have the keyword. */
export const LATER_GLOBAL_CHECKS: Readonly<Record<string, (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => Report[]>> = Object.fromEntries(
  Object.entries(LATER).map(([keyword, { since, check }]) => [keyword, (args: readonly Word[], version: string, statement: Statement, sectionType?: string) => (sectionType === "global" && compareVersions(version, since) >= 0 ? check(args, version, statement) : [])]),
);
