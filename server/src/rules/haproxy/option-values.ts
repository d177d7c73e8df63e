// The closed lists and numbers of bind and server options that haproxy 2.6.12 checks, measured by
// giving every option a wrong value (test/rules/HA004-options-oracle.test.ts asks haproxy again):
// "'observe' expects one of 'none', 'layer4', 'layer7' but got 'abc'", "'abc' : unknown ssl/tls
// version", "'id' : custom id has to be > 0", "'tcp-ut' : expects a positive delay in milliseconds".
// Options whose value depends on the machine (user, group), or that take addresses, networks,
// expressions or CPU sets, are not judged here.
import { checkShape, isIp } from "../../facts/shapes.js";
import { addressProblem } from "./acl-address-pattern.js";
import { atolInt32, leadingInteger } from "./numbers.js";
import { parseTime } from "./statement-reads.js";

const TLS_VERSIONS = "enum:SSLv3|TLSv1.0|TLSv1.1|TLSv1.2|TLSv1.3";

/** Shapes (see facts/shapes.ts) of option values, per option kind. */
const SHAPES: Readonly<Record<"bind" | "server", Readonly<Record<string, string>>>> = {
  bind: {
    "expose-fd": "enum:listeners",
    id: "int:1..",
    level: "enum:user|operator|admin",
    "severity-output": "enum:none|number|string",
    "ssl-max-ver": TLS_VERSIONS,
    "ssl-min-ver": TLS_VERSIONS,
    verify: "enum:none|optional|required",
  },
  server: {
    "log-proto": "enum:legacy|octet-count",
    observe: "enum:none|layer4|layer7",
    "on-error": "enum:fastinter|fail-check|sudden-death|mark-down",
    "on-marked-down": "enum:shutdown-sessions",
    "on-marked-up": "enum:shutdown-backup-sessions",
    "resolve-prefer": "enum:ipv4|ipv6",
    "ssl-max-ver": TLS_VERSIONS,
    "ssl-min-ver": TLS_VERSIONS,
    verify: "enum:none|required",
    ws: "enum:auto|h1|h2",
    // Options of later versions (measured on 3.0.11 and 3.2.26: "'hash-key' has to be 'id', 'addr', or
    // 'addr-port'", "'init-state' expects one of 'none', 'fully-up', 'up', 'down', or 'fully-down'").
    "hash-key": "enum:id|addr|addr-port",
    "init-state": "enum:none|fully-up|up|down|fully-down",
  },
};

/**
 * Numbers haproxy reads with atol() (`1x` is 1, `abc` is 0, without a word) into a 32-bit int
 * (`id 4294967296` is 0, `backlog 99999999999999999999` is -1; measured) and then checks: the test
 * the number must pass, and what it says.
 */
const LENIENT: Readonly<Record<"bind" | "server", Readonly<Record<string, { readonly ok: (n: number) => boolean; readonly must: string }>>>> = {
  bind: {
    "accept-netscaler-cip": { ok: (n) => n !== 0, must: "must not be 0" },
    backlog: { ok: (n) => n >= 0, must: "must not be negative" },
    // "expects an MSS with and absolute value between 1 and 65535" (haproxy 2.6.12; found by mutations of real files).
    // C's abs() leaves the smallest int negative, so `mss 2147483648` passes (measured).
    mss: { ok: (n) => n !== 0 && (Math.abs(n) <= 65535 || n === -2147483648), must: "must be between 1 and 65535 (or -1 and -65535)" },
    // "'nice' : invalid value 2000, allowed range is -1024..1024" (haproxy 2.6.12)
    nice: { ok: (n) => n >= -1024 && n <= 1024, must: "must be between -1024 and 1024" },
    // "invalid value 65, allowed range is 1..64 or 'by-thread'" (haproxy 2.6.12; `shards x` is 0)
    shards: { ok: (n) => n >= 1 && n <= 64, must: "must be between 1 and 64, or by-thread" },
  },
  server: {
    "error-limit": { ok: (n) => n > 0, must: "must be above 0" },
    // "log-bufsize has to be > 0" (3.0.11 and 3.2.26; `x` too)
    "log-bufsize": { ok: (n) => n > 0, must: "must be above 0" },
    id: { ok: (n) => n > 0, must: "must be above 0" },
  },
};

/** Comma-separated lists of words from a closed set. */
const LISTS: Readonly<Record<string, readonly string[]>> = {
  "resolve-opts": ["allow-dup-ip", "ignore-weight", "prevent-dup-ip"],
  "proxy-v2-options": ["ssl", "cert-cn", "ssl-cipher", "cert-sig", "cert-key", "authority", "crc32c", "unique-id"],
};

/**
 * The items of a list as haproxy 2.6.12 reads them (measured): `init-addr` skips empty items
 * (`libc,,last`, `,libc`), `resolve-opts` stops at a comma that ends the value (`allow-dup-ip,`),
 * `proxy-v2-options` takes every piece, empty ones included.
 */
function listItems(option: string, value: string): string[] {
  const items = value.split(",");
  if (option === "init-addr") return items.filter((item) => item !== "");
  if (option === "resolve-opts" && items.length > 1 && items[items.length - 1] === "") items.pop();
  return items;
}

/**
 * `ca-ignore-err` / `crt-ignore-err`: `all`, or OpenSSL error ids separated by commas, each read
 * with atoi() and refused at 0 or below (`all,5`, `5,`, `0x10`: "ID '0' out of range"; measured).
 * The highest id depends on the OpenSSL haproxy is built with, so it is not judged.
 */
function errorIdsProblem(value: string): string | undefined {
  if (value === "all") return undefined;
  const bad = value.split(",").find((item) => leadingInteger(item) <= 0);
  return bad === undefined ? undefined : `holds '${bad}', which haproxy reads as the error id ${leadingInteger(bad)}: ids start at 1 (or write 'all' alone)`;
}

/** Check intervals haproxy refuses at 0 ("invalid value 0 for argument 'inter'"); `slowstart 0` it takes. */
const POSITIVE_TIMES: ReadonlySet<string> = new Set(["inter", "fastinter", "downinter", "agent-inter"]);

/** What is wrong with the value of a bind or server option, or undefined (also for options not judged here). */
export function optionValueProblem(kind: "bind" | "server", option: string, value: string, version = "2.6"): string | undefined {
  // `by-group` comes after 2.6 (2.6.12 reads it as the number 0).
  if (kind === "bind" && option === "shards" && (value === "by-thread" || (value === "by-group" && version !== "2.6"))) return undefined;
  if (kind === "bind" && option === "process") return version === "2.6" ? processProblem(value) : undefined;
  if (kind === "bind" && option === "thread") return version === "2.6" ? threadSetProblem(value) : laterThreadSetProblem(value);
  // 3.0 and 3.2 take up to their build's MAX_THREADS (Debian: 256 and 1024; measured), which another build may raise: only below 1 is judged.
  if (kind === "bind" && option === "shards" && version !== "2.6") {
    const number = atolInt32(value);
    // No build runs more than 4096 threads (64 groups of 64), so none takes more shards (measured: `shards 5000`, "allowed range is 1..1024").
    if (number > 4096) return `is above 4096, the most threads (and so shards) any build of haproxy runs`;
    return number >= 1 ? undefined : `is read as ${number}, and the value must be at least 1, or by-thread or by-group`;
  }
  // `idle-ping TIME` (3.2; measured on 3.2.26: "unexpected character 'x' in 'idle-ping' argument", "timer overflow in argument <25d>").
  if (kind === "bind" && option === "idle-ping" && version !== "2.6" && version !== "3.0" && !value.includes("$")) {
    const time = parseTime(value);
    if (!time) return "is not a time (a number with an optional unit: us, ms, s, m, h, d)";
    return time.ms > 2147483647 ? "is longer than haproxy's timers hold (2147483647 ms, about 24.8 days)" : undefined;
  }
  // `quic-cc-algo ALGO[(ARGS)]`: newreno and cubic from 3.0, bbr from 3.2 (measured: 3.0.11 says "'bbr' :
  // unknown control congestion algorithm"); nocc is experimental, and left to the QUIC build.
  if (kind === "bind" && option === "quic-cc-algo" && version !== "2.6") {
    const name = value.replace(/\(.*$/s, "");
    const known = version === "3.0" ? ["newreno", "cubic", "nocc"] : ["newreno", "cubic", "bbr", "nocc"];
    return known.includes(name) ? undefined : `is not a congestion control algorithm haproxy ${version === "3.0" ? "3.0" : "3.2"} knows (${known.join(", ")})`;
  }
  const shape = SHAPES[kind][option];
  if (shape) {
    const problem = checkShape(shape, value, "haproxy");
    // A bind's id is read whole, then kept in a 32-bit int: `id 4294967296` is 0, which haproxy refuses (measured).
    if (problem || kind !== "bind" || option !== "id" || atolInt32(value) > 0) return problem;
    return `is read as ${atolInt32(value)} (haproxy keeps the low 32 bits of the number), and the value must be above 0`;
  }
  const lenient = LENIENT[kind][option];
  if (lenient && !(option === "shards" && value === "by-thread")) {
    const number = atolInt32(value);
    if (lenient.ok(number)) return undefined;
    if (!/^\s*[-+]?\d/.test(value)) return `is read as ${number} (haproxy takes the leading digits, here none), and the value ${lenient.must}`;
    return number === leadingInteger(value) ? lenient.must : `is read as ${number} (haproxy keeps the low 32 bits of the number), and the value ${lenient.must}`;
  }
  if (kind === "bind" && (option === "ca-ignore-err" || option === "crt-ignore-err")) return errorIdsProblem(value);
  // A UNIX socket's mode, read with strtol(…, 8) and refused unless all of it is read.
  if (kind === "bind" && option === "mode") return /^\s*[-+]?[0-7]+$/.test(value) ? undefined : "is not an octal file mode (such as 0600)";
  if (kind === "server" && POSITIVE_TIMES.has(option) && /^0+(?:us|ms|s|m|h|d)?$/.test(value)) return "must be above 0";
  if (kind === "server" && option === "init-addr") {
    // Methods tried in order: libc, last, none, or an address to start with.
    const unknown = listItems(option, value).find((item) => !["libc", "last", "none"].includes(item) && !isIp(item));
    return unknown === undefined ? undefined : `holds '${unknown}', which is neither libc, last, none nor an IP address`;
  }
  // Networks, each an address with an optional mask (measured: "'resolve-net' invalid network '10.0.0.0/33'").
  if (kind === "server" && option === "resolve-net" && !value.includes("$")) {
    const bad = value.split(",").find((network) => addressProblem(network) !== undefined);
    return bad === undefined ? undefined : `holds '${bad}', which is no network (${addressProblem(bad)})`;
  }
  const list = kind === "server" ? LISTS[option] : undefined;
  if (!list) return undefined;
  const unknown = listItems(option, value).find((item) => !list.includes(item));
  return unknown === undefined ? undefined : `holds '${unknown}', which is not one of ${list.join(", ")}`;
}

/**
 * A bind's `process PROC[/THREADS]` at 2.6, which runs only process 1: `all`, `odd`, `even`, `1`,
 * `1-1`, each with any thread set after '/', and nothing else (measured: "'1-2' is not a valid
 * number/range. It supports numbers from 1 to 1.", "'x' is not a valid number/range").
 */
function processProblem(value: string): string | undefined {
  if (value.includes("$")) return undefined;
  const processes = value.split("/")[0]!;
  if (["all", "odd", "even"].includes(processes)) return undefined;
  const range = /^(\d+)(?:-(\d*))?$/.exec(processes);
  if (!range) return "is not a process number or range (all, odd, even, 1)";
  return Number(range[1]) !== 1 || (range[2] && Number(range[2]) !== 1) ? "names a process other than 1, and haproxy 2.6 runs only process 1" : undefined;
}

/**
 * A bind's `thread [GROUP/]SET`: the set is all, odd, even, N, N- or N-M from 1 to 64, and a group a
 * number (a sweep of haproxy 2.6.12: "'1,' is not a valid number/range", "'0' … It supports numbers
 * from 1 to 64"). Whether the threads exist depends on nbthread, which defaults to the machine's CPUs.
 */
function threadSetProblem(value: string): string | undefined {
  if (value.includes("$")) return undefined;
  const slash = value.indexOf("/");
  const set = value.slice(slash + 1);
  if (slash >= 0 && !/^\d+$/.test(value.slice(0, slash))) return "has no thread-group number before its '/'";
  // Measured: "'2/1' thread-group number must be between 1 and 1 (was 2)".
  if (slash >= 0 && Number(value.slice(0, slash)) !== 1) return "names a thread group other than 1, and haproxy 2.6 runs a single group";
  if (["all", "odd", "even"].includes(set)) return undefined;
  const range = /^(\d+)(?:-(\d*))?$/.exec(set);
  if (!range) return "is not a thread set (all, odd, even, or a number or range from 1 to 64, as 1-4)";
  return [range[1]!, range[2] ?? ""].some((end) => end !== "" && (Number(end) < 1 || Number(end) > 64)) ? "names a thread outside 1 to 64" : undefined;
}

/**
 * A bind's `thread` from 3.0: items separated by commas (empty ones skipped), each `all`, `odd`,
 * `even`, N, N- or N-M, optionally after `GROUP/`; once an item names its group, every later one
 * must (measured on 3.0.11 and 3.2.26: `x`, `0`, `1.1`, `1-x`, `1-2-3`, `odd/1`, `0/1`, `1/0`,
 * `1//1` and `1/1-2,4` are refused; `1,`, `,1`, `2-1`, `all,1`, `1/odd`, `1/1,1/2`, `1/1-` pass).
 * How many threads and groups there are depends on the build and on nbthread: not judged.
 */
function laterThreadSetProblem(value: string): string | undefined {
  if (value.includes("$")) return undefined;
  let grouped = false;
  for (const item of value.split(",")) {
    if (item === "") continue;
    const group = /^(\d+)\//.exec(item);
    let set = item;
    if (group) {
      if (Number(group[1]) < 1) return `names thread group 0 in '${item}' (groups start at 1)`;
      grouped = true;
      set = item.slice(group[0].length);
    } else if (grouped && /^\d/.test(item)) {
      return `holds '${item}', a thread without its group after an item that names one (write GROUP/THREADS)`;
    }
    if (set === "all" || set === "odd" || set === "even") continue;
    const range = /^(\d+)(?:-(\d*))?$/.exec(set);
    if (!range) return `holds '${item}', which is not a thread set (all, odd, even, a number or a range as 1-4, optionally after GROUP/)`;
    if (Number(range[1]) < 1 || (range[2] !== undefined && range[2] !== "" && Number(range[2]) < 1)) return `names thread 0 in '${item}' (threads start at 1)`;
  }
  return undefined;
}
