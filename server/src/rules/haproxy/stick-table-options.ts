// The words of a `stick-table` (and of a peers section's `table NAME`) as haproxy 2.6.12 reads
// them: a key type from a closed list (`len N` after string and binary), a size with an optional
// k, m or g and nothing else ("unexpected character '.' in argument of 'size'"), an expiry within
// haproxy's timers (2147483647 ms), and no argument it does not know ("unknown argument 'len'").
import { compareVersions } from "../../facts/versions.js";
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";
import { atolInt32, timeTooLong, toleratedTimeNote } from "./numbers.js";

const TYPES = new Set(["ip", "ipv6", "integer", "string", "binary"]);
/** Arguments that take a value; `nopurge` and `recv-only` (3.x) take none. */
const WITH_VALUE = new Set(["type", "size", "expire", "peers", "store", "srvkey", "write-to", "len", "brates-factor"]);
const FLAGS = new Set(["nopurge", "recv-only"]);

/** Data types that take no argument; rates (`…_rate`), `gpc` and `gpt` take one. Others are left alone (versions add some). */
const STORE_PLAIN = new Set(["server_id", "server_key", "gpt0", "gpc0", "gpc1", "conn_cnt", "conn_cur", "sess_cnt", "http_req_cnt", "http_err_cnt", "http_fail_cnt", "bytes_in_cnt", "bytes_out_cnt", "glitch_cnt"]);

/** The data types of the 2.6 manual, with `server_key` and `server_name` (2.6.12 takes them), and those 3.x adds. */
const STORE_TYPES_2_6 = new Set(["server_id", "server_key", "server_name", "gpc", "gpc_rate", "gpc0", "gpc0_rate", "gpc1", "gpc1_rate", "gpt", "gpt0", "conn_cnt", "conn_cur", "conn_rate", "sess_cnt", "sess_rate", "http_req_cnt", "http_req_rate", "http_err_cnt", "http_err_rate", "http_fail_cnt", "http_fail_rate", "bytes_in_cnt", "bytes_in_rate", "bytes_out_cnt", "bytes_out_rate"]);
const STORE_TYPES_LATER = new Set(["glitch_cnt", "glitch_rate"]);
/**
 * Arguments only later versions take, and the first that does (2.6.12: "stick-table: unknown argument
 * 'write-to'"; 3.0.11 takes `write-to` and refuses `recv-only` and `brates-factor`, 3.2.26 takes them).
 */
const LATER_ARGUMENTS: ReadonlyMap<string, string> = new Map([["write-to", "3.0"], ["recv-only", "3.2"], ["brates-factor", "3.2"]]);

/** Whether `argument` is one `version` does not take yet. */
function tooNew(argument: string, version: string): boolean {
  const since = LATER_ARGUMENTS.get(argument);
  return since !== undefined && compareVersions(version, since) < 0;
}

/**
 * What haproxy 2.6.12 refuses in a `store` list: a data type it does not know ("unknown store option
 * 'bogus'"), a rate without its period ("missing argument to store option 'http_req_rate'"), a
 * counter given one ("unexpected argument to store option").
 */
/** The data types a `store` list names. */
function storedNames(list: string): Set<string> {
  return new Set(list.split(/,(?![^(]*\))/).map((item) => /^[\w.-]*/.exec(item)![0]));
}

/**
 * An array and the old single counters it replaces, stored in one table (by one `store` list or
 * several): measured, "simultaneous usage of 'gpc' and 'gpc[0/1]' in a same table is not permitted".
 */
function storeConflict(names: ReadonlySet<string>): string | undefined {
  for (const [array, old] of [["gpc", ["gpc0", "gpc1"]], ["gpc_rate", ["gpc0_rate", "gpc1_rate"]], ["gpt", ["gpt0"]]] as const) {
    const both = old.find((name) => names.has(name));
    if (names.has(array) && both) return `stores both '${array}' and '${both}', which haproxy does not take in one table ('${array}' covers it)`;
  }
  return undefined;
}

function storeProblem(list: string, version: string): string | undefined {
  const items = list.split(/,(?![^(]*\))/);
  const conflict = storeConflict(storedNames(list));
  if (conflict) return conflict;
  for (const item of items) {
    // Measured: "missing closing parenthesis after store option 'gpc0_rate'". haproxy reads up to the
    // first ')' and ignores what follows it (`conn_rate(10s)x` and a trailing no-break space pass).
    const open = item.indexOf("(");
    if (open >= 0 && !item.includes(")", open)) return `has '${item}' without its closing ')'`;
    // The name is all that comes before '(' (a sweep: `+conn_cur` is "unknown store option '+conn_cur'").
    const [, name = "", argument] = /^([^(]*)(\([^)]*\))?/.exec(item) ?? [];
    if (name !== "" && !STORE_TYPES_2_6.has(name) && !(STORE_TYPES_LATER.has(name) && version !== "2.6")) {
      return STORE_TYPES_LATER.has(name) ? `has '${name}', which haproxy 2.6 does not store (lblint knows it from 3.4)` : `has '${name}', which is not a data type a stick table stores`;
    }
    if (argument === undefined && (name.endsWith("_rate") || name === "gpc" || name === "gpt")) return `has '${name}' without its argument (such as ${name}(${name.endsWith("_rate") ? "10s" : "2"}))`;
    if (argument !== undefined && STORE_PLAIN.has(name)) return `gives '${name}' an argument, which it does not take`;
    // The arrays `gpc(N)`, `gpt(N)` and `gpc_rate(N,PERIOD)` hold 1 to 100 entries, read with atoi()
    // (measured: "array size is out of allowed range (1-100)" for `gpc(0)`, `gpc(0xa)`, `gpc(4294967296)`; `gpc_rate(10abc,10s)` passes).
    const parts = argument?.slice(1, -1).split(",") ?? [];
    const array = name === "gpc" || name === "gpt" || name === "gpc_rate";
    if (argument !== undefined && array && !parts[0]!.includes("$")) {
      const size = atolInt32(parts[0]!);
      if (size < 1 || size > 100) return `gives '${name}' ${size} entries ('${parts[0]}'), outside 1 to 100`;
      if (name === "gpc_rate" && parts.length < 2) return "has 'gpc_rate' without its period (such as gpc_rate(2,10s): an array size, then a period)";
      if (name !== "gpc_rate" && parts.length > 1) return `gives '${name}' more than its number of entries`;
    }
    // A rate's period is a time (measured: `conn_rate()` and `conn_rate(x)` are "error when processing store option"; what follows a ',' is ignored).
    const period = (name === "gpc_rate" ? parts[parts.length - 1] : parts[0]) ?? "";
    if (argument !== undefined && name.endsWith("_rate") && !period.includes("$")) {
      if (/^\d+(?:us|ms|s|m|h|d)?$/.test(period)) {
        const tooLong = timeTooLong("expire", period);
        if (tooLong) return `gives '${name}' the period '${period}', which ${tooLong}`;
      } else if (!toleratedTimeNote(period, version, "expire")) return `gives '${name}' the period '${period}', which is not a time (such as ${name}(10s))`;
    }
  }
  return undefined;
}

/** A rate's period haproxy 2.6 reads with a warning (`http_req_rate(10ss)` is 10s; measured), and what it makes of it. */
function toleratedPeriod(list: string, version: string): { period: string; note: string } | undefined {
  for (const [, name = "", inside = ""] of list.matchAll(/([\w.-]+)\(([^)]*)\)/g)) {
    if (!name.endsWith("_rate")) continue;
    const period = (name === "gpc_rate" ? inside.split(",").pop() : inside.split(",")[0]) ?? "";
    const note = /^\d+(?:us|ms|s|m|h|d)?$/.test(period) ? undefined : toleratedTimeNote(period, version, "expire");
    if (note) return { period, note };
  }
  return undefined;
}

const UNIT_SHIFT: Readonly<Record<string, bigint>> = { "": 0n, k: 10n, m: 20n, g: 30n };

/** Whether a table size overflows the unsigned int haproxy reads it into, unit included ("unexpected character '6' in argument of 'size'"). */
function sizeTooLarge(value: string): boolean {
  const [, digits = "0", unit = ""] = /^(\d+)([kmg]?)$/i.exec(value) ?? [];
  return BigInt(digits) << UNIT_SHIFT[unit.toLowerCase()]! > 4294967295n;
}

function valueProblem(option: string, value: string, previousType: string | undefined, version: string): string | undefined {
  switch (option) {
    case "type":
      // `ipv4` from 3.2 (measured: 2.6.12 and 3.0.11 "unknown type 'ipv4'", 3.2.26 takes it).
      if (value === "ipv4" && compareVersions(version, "3.2") >= 0) return undefined;
      return TYPES.has(value) ? undefined : "is not a stick-table key type (ip, ipv6, integer, string, binary)";
    case "size":
      if (!/^\d+[kmg]?$/i.test(value)) return "is not a table size (a whole number with an optional k, m or g)";
      // haproxy 2.6.12 refuses an empty table ("stick-table: missing size").
      if (/^0+[kmg]?$/i.test(value)) return "is an empty table: the size must be above 0";
      return sizeTooLarge(value) ? "is too large: a table holds at most 4294967295 entries (4194303k, 4095m, 3g)" : undefined;
    case "expire":
      return /^\d+(?:us|ms|s|m|h|d)?$/.test(value) ? timeTooLong("expire", value) : "is not a time (a number with an optional unit: us, ms, s, m, h, d)";
    case "len":
      return previousType === "string" || previousType === "binary" ? (/^\d+$/.test(value) && Number(value) > 0 ? undefined : "is not a key length (a number of bytes above 0)") : undefined;
    case "store":
      return storeProblem(value, version);
    case "srvkey":
      return value === "name" || value === "addr" ? undefined : "is not a server key (name or addr)";
    default:
      return undefined;
  }
}

/** Problems with the words of a `stick-table` line (`args` after the keyword) or a peers `table` line (its name first). */
export function stickTableReports(keyword: string, args: readonly Word[], version: string): Report[] {
  const reports: Report[] = [];
  const seen = new Set<string>();
  const stored = new Set<string>();
  let type: string | undefined;
  for (let i = keyword === "table" ? 1 : 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.value.includes("$")) return reports;
    if (FLAGS.has(word.value) && !tooNew(word.value, version)) continue;
    if ((!WITH_VALUE.has(word.value) && !FLAGS.has(word.value)) || (word.value === "len" && type !== "string" && type !== "binary") || tooNew(word.value, version)) {
      reports.push({ range: word.range, message: `'${word.value}' is not an argument of ${keyword === "table" ? "a peers table" : "stick-table"} here` });
      return reports;
    }
    const value = args[i + 1];
    if (!value) {
      // haproxy 2.6.12 takes a `store` that lists nothing, last on the line, and stores no data type.
      if (word.value === "store") reports.push({ range: word.range, severity: "warning", message: "'store' lists no data type; haproxy accepts it and stores nothing" });
      else reports.push({ range: word.range, message: `'${word.value}' needs a value` });
      return reports;
    }
    const problem = value.value.includes("$") ? undefined : valueProblem(word.value, value.value, type, version);
    // haproxy 2.6.12 reads a key length with atol(): `1.5` is 1, `10x` 10, and only what reads as 0 is refused.
    const read = problem && word.value === "len" ? Number.parseInt(value.value, 10) : NaN;
    if (problem && !Number.isNaN(read) && read !== 0 && !/^\d+$/.test(value.value)) {
      reports.push({ range: value.range, severity: "warning", message: `'${value.value}' is not a key length; haproxy reads it as ${read} without a word` });
      i++;
      continue;
    }
    const period = !problem && word.value === "store" ? toleratedPeriod(value.value, version) : undefined;
    if (period) reports.push({ severity: "warning", range: value.range, message: `'${period.period}' is not a time (a number with an optional unit: us, ms, s, m, h, d)${period.note}` });
    const timeNote = problem && word.value === "expire" ? toleratedTimeNote(value.value, version, "expire") : undefined;
    if (problem) reports.push({ ...(timeNote ? { severity: "warning" as const } : {}), range: value.range, message: `'${value.value}' ${problem}${timeNote ?? ""}` });
    if (word.value === "type") type = value.value;
    if (word.value === "store" && !problem) {
      // A second `store` adds to the first: the old counters and their arrays may meet across them.
      for (const name of storedNames(value.value)) stored.add(name);
      const conflict = seen.has("store") ? storeConflict(stored) : undefined;
      if (conflict) reports.push({ range: value.range, message: `'${value.value}' (with the 'store' before it) ${conflict}` });
    }
    seen.add(word.value);
    i++;
  }
  // haproxy 2.6.12: "stick-table: missing type.", "stick-table: missing size." (a peers table too).
  const first = args[keyword === "table" ? 1 : 0] ?? args[0];
  const missing = ["type", "size"].find((needed) => !seen.has(needed));
  if (missing && first) reports.push({ range: { start: first.range.start, end: args[args.length - 1]!.range.end }, message: `${keyword === "table" ? "a peers table" : "a stick-table"} needs a '${missing}'; haproxy refuses it without one` });
  return reports;
}
