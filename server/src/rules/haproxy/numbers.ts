// How haproxy reads numbers and times, measured with haproxy 2.6.12 by
// scripts/oracle/haproxy-numbers.mjs; test/rules/HA004-oracle.test.ts asks haproxy again. Many
// integers are read with atol(): `maxconn 10x` is 10 and `maxconn abc` is 0, without a word, and
// the range haproxy then checks (if any) applies to that number. Times are held to 2147483647 of
// the keyword's unit.
import { compareVersions } from "../../facts/versions.js";

/** Keywords whose integer haproxy reads with atol(). */
export const LENIENT_KEYWORDS: ReadonlySet<string> = new Set([
  "backlog",
  "fd-hard-limit",
  "fullconn",
  "gid",
  "id",
  "max-session-srv-conns",
  "maxcompcpuusage",
  "maxcomprate",
  "maxconn",
  "maxconnrate",
  "maxpipes",
  "maxsessrate",
  "maxsslconn",
  "maxsslrate",
  "maxzlibmem",
  "mworker-max-reloads",
  "retries",
  "spread-checks",
  "tune.buffers.limit",
  "tune.buffers.reserve",
  "tune.bufsize",
  "tune.h2.initial-window-size",
  "tune.h2.max-concurrent-streams",
  "tune.http.cookielen",
  "tune.http.logurilen",
  "tune.http.maxhdr",
  "tune.maxaccept",
  "tune.maxpollevents",
  "tune.maxrewrite",
  "tune.pattern.cache-size",
  "tune.peers.max-updates-at-once",
  "tune.pipesize",
  "tune.pool-high-fd-ratio",
  "tune.pool-low-fd-ratio",
  "tune.rcvbuf.client",
  "tune.rcvbuf.server",
  "tune.recv_enough",
  "tune.runqueue-depth",
  "tune.sndbuf.client",
  "tune.sndbuf.server",
  "tune.ssl.cachesize",
  "tune.ssl.capture-buffer-size",
  "tune.ssl.capture-cipherlist-size",
  "tune.ssl.hard-maxrecord",
  "tune.ssl.maxrecord",
  "tune.ssl.ssl-ctx-cache-size",
  "uid",
  "ulimit-n",
  "max-age",
  "maxlen",
  "resolve_retries",
  // Its range leaves out 10: `1x` showed it (atol reads 1).
  "tune.comp.maxlevel",
  // Their ranges leave out 1 and 10: a good number followed by letters showed them.
  "tune.h2.header-table-size",
  "tune.h2.max-frame-size",
  "tune.ssl.default-dh-param",
  "accepted_payload_size",
  "size",
]);

/**
 * Keywords read with atol() whose number haproxy 2.6.12 then keeps in a 32-bit int (measured for the
 * global and proxy ones with 2^32 and 10^20: `maxcompcpuusage 4294967296` is 0 and passes,
 * `maxsslconn 99999999999999999999` is -1, "expects a positive numeric value"). Not `tune.maxaccept`,
 * which is read as a long and held to INT_MAX, nor the cache, ring and resolvers numbers.
 */
export const INT32_KEYWORDS: ReadonlySet<string> = new Set(
  [...LENIENT_KEYWORDS].filter((name) => !["tune.maxaccept", "size", "max-age", "maxlen", "accepted_payload_size", "resolve_retries"].includes(name)),
);

/**
 * `uid` and `gid` are read whole, as a 32-bit number: anything else (`haproxy`, `10x`, `1.5`,
 * `2147483648`) haproxy 2.6.12 warns about ("string 'haproxy' is not a number") and ignores, so the
 * process keeps its identity (measured). They stay in the atol() list above, which the numbers
 * oracle measures as "not refused"; this only corrects what lblint says haproxy makes of them.
 */
export const WHOLE_NUMBER_KEYWORDS: ReadonlySet<string> = new Set(["gid", "uid"]);

/**
 * The error-page keywords, whose status code haproxy reads with atoi(): `0503`, `503,000` and `503x`
 * are 503 (found by mutations of real files; the numbers oracle asks one-value keywords only).
 */
export const LENIENT_STATUS_KEYWORDS: ReadonlySet<string> = new Set(["errorfile", "errorloc", "errorloc302", "errorloc303"]);

/** Server options whose integer haproxy reads with atol(). */
export const LENIENT_SERVER_OPTIONS: ReadonlySet<string> = new Set([
  "rise",
  "fall",
  "weight",
  "maxconn",
  "minconn",
  "maxqueue",
  "port",
  "pool-max-conn",
  "pool-low-conn",
]);

/** Server options haproxy accepts without their value (last on the line), reading 0. */
export const ZERO_WHEN_MISSING: ReadonlySet<string> = new Set([
  "weight",
  "maxconn",
  "minconn",
  "maxqueue",
]);

/**
 * Server options haproxy 2.6.12 accepts with no value at the end of a line, as if they were not
 * written (measured by test/rules/HA007-oracle.test.ts, which tries every option that takes one).
 */
export const NOTHING_WHEN_MISSING: ReadonlySet<string> = new Set(["init-addr", "resolve-opts"]);

/** Keywords that take a negative number without a word, whatever their documented range. */
export const NEGATIVE_KEYWORDS: ReadonlySet<string> = new Set([
  "backlog",
  "clitcpka-cnt",
  "fd-hard-limit",
  "fullconn",
  "gid",
  "max-session-srv-conns",
  "maxcomprate",
  "maxconn",
  "maxconnrate",
  "maxpipes",
  "maxsessrate",
  "maxsslrate",
  "maxzlibmem",
  "mworker-max-reloads",
  "retries",
  "srvtcpka-cnt",
  "tune.buffers.limit",
  "tune.buffers.reserve",
  "tune.http.cookielen",
  "tune.http.logurilen",
  "tune.lua.forced-yield",
  "tune.maxaccept",
  "tune.maxpollevents",
  "tune.pipesize",
  "tune.rcvbuf.client",
  "tune.rcvbuf.server",
  "tune.recv_enough",
  "tune.runqueue-depth",
  "tune.sndbuf.client",
  "tune.sndbuf.server",
  "tune.ssl.default-dh-param",
  "tune.vars.check-max-size",
  "tune.vars.global-max-size",
  "tune.vars.proc-max-size",
  "tune.vars.reqres-max-size",
  "tune.vars.sess-max-size",
  "tune.vars.txn-max-size",
  "uid",
  "ulimit-n",
  "max-age",
  "max-object-size",
  "max-secondary-entries",
  "maxlen",
  "resolve_retries",
]);

/** Server options that take a negative number without a word. */
export const NEGATIVE_SERVER_OPTIONS: ReadonlySet<string> = new Set([
  "maxconn",
  "minconn",
  "maxqueue",
  "port",
  "pool-low-conn",
]);

/** Shapes of the numeric bind and server options HA004 checks (the option tables give counts only). */
export const OPTION_SHAPES: Readonly<Record<string, string>> = {
  inter: "time",
  fastinter: "time",
  downinter: "time",
  slowstart: "time",
  "agent-inter": "time",
  "pool-purge-delay": "time",
  rise: "int:1..",
  fall: "int:1..",
  weight: "int:0..256",
  maxconn: "int:0..",
  minconn: "int:0..",
  maxqueue: "int:0..",
  port: "port",
  // "'pool-max-conn' must be >= -1" (haproxy 2.6.12); -1 means no limit
  "pool-max-conn": "int:-1..",
  "pool-low-conn": "int:0..",
  // Read as the timeouts are: `5sec` is 5s with a warning at 2.6, `25d` is past the timers' limit (measured).
  "tcp-ut": "time",
};


/** An integer as strtol(…, 0) reads it whole: decimal, hexadecimal after 0x, octal after 0. */
export const C_INTEGER = /^[+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/;

/** What atol() makes of a word: its sign and leading digits, or 0. */
export function leadingInteger(value: string): number {
  const digits = /^\s*[-+]?\d+/.exec(value);
  return digits ? Number(digits[0]) : 0;
}

/**
 * A number as haproxy reads it with atol() into an int: the leading integer, held to a long's range,
 * then kept in 32 bits (measured on 2.6.12: a capture's `len 2147483648` is "length must be > 0",
 * `id 4294967297` is slot 1).
 */
export function atolInt32(value: string): number {
  const digits = /^\s*[-+]?\d+/.exec(value)?.[0].trim();
  if (!digits) return 0;
  const long = BigInt.asIntN(64, 1n << 63n);
  const max = -long - 1n;
  let n = BigInt(digits);
  if (n > max) n = max;
  if (n < long) n = long;
  return Number(BigInt.asIntN(32, n));
}

/**
 * haproxy 2.6 reads a time whose unit has more after it (`30sec`, `1min`, `2hr`) as the number and
 * that unit, with a warning that later versions refuse it (measured); 3.0.11 and 3.2.26 still only
 * warn (measured), so it is a warning at every target (3.4 was not measured). A unit it does not know (`5x`, `5S`,
 * `5ux`) stays an error, and so does one whose read part is too long for `keyword`. The note for
 * such a value, or undefined.
 */
export function toleratedTimeNote(value: string, version: string, keyword: string): string | undefined {
  const parts = /^(\d+(?:us|ms|m|s|h|d)).+$/.exec(value);
  // What it reads must still fit the timers (measured: `500000hr` is "timer overflow", an error).
  if (!parts || timeTooLong(keyword, parts[1]!)) return undefined;
  // No release after 3.2 was measured: the newest one that was still only warns, so a later target warns too.
  if (compareVersions(version, "3.2") > 0) return `; haproxy 3.2 still reads it as ${parts[1]} with a warning, and says later versions will refuse it`;
  return `; haproxy ${version} reads it as ${parts[1]} with a warning, later versions refuse it`;
}

/** Time keywords counted in seconds rather than milliseconds. */
const IN_SECONDS: ReadonlySet<string> = new Set(["clitcpka-idle", "clitcpka-intvl", "srvtcpka-idle", "srvtcpka-intvl", "stats refresh", "tune.ssl.lifetime"]);
/** Time keywords held to less than the timers' limit (in milliseconds). */
const TIME_LIMITS: Readonly<Record<string, number>> = { "tune.idletimer": 65535 };
const TIMER_LIMIT = 2147483647;
const MILLISECONDS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Why haproxy refuses a well-formed time as too long for `keyword`, or undefined. */
export function timeTooLong(keyword: string, value: string): string | undefined {
  const parts = /^(\d+)(us|ms|s|m|h|d)?$/.exec(value);
  if (!parts) return undefined;
  const seconds = IN_SECONDS.has(keyword);
  const unit = parts[2] ?? (seconds ? "s" : "ms");
  const amount = (Number(parts[1]) * MILLISECONDS[unit]!) / (seconds ? 1000 : 1);
  const limit = TIME_LIMITS[keyword] ?? TIMER_LIMIT;
  if (amount <= limit) return undefined;
  const longest = seconds ? `${limit} s` : limit === TIMER_LIMIT ? `${limit} ms (about 24.8 days)` : `${limit} ms`;
  return `is longer than haproxy's limit of ${longest}`;
}
