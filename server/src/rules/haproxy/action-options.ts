// The words that follow an action's own options, as haproxy 2.6.12 checks them: the status of
// `return`, `deny` and `tarpit` (200 to 599), `deny_status` (one of the codes haproxy has an error
// page for), `set-status` (100 to 999), the `code` of a redirect (301, 302, 303, 307, 308), the
// `len` and `id` of `capture`, the `table` of `track-sc*`, the `time` and `at-least` of
// `wait-for-body`, and options that need a value at all.
// Each range was asked of haproxy 2.6.12 ("Unexpected status code '600'", "length must be > 0").
import { compareVersions } from "../../facts/versions.js";
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";
import { replyPayloadReports } from "./reply-payload.js";
import { didYouMean } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import { atolInt32, leadingInteger, timeTooLong, toleratedTimeNote } from "./numbers.js";
import { hasVariable } from "./keywords.js";

/** Codes haproxy 2.6 has a built-in error page for: the only ones `deny_status` takes. */
export const ERROR_PAGE_CODES: ReadonlySet<string> = new Set(["200", "400", "401", "403", "404", "405", "407", "408", "410", "413", "421", "425", "429", "500", "501", "502", "503", "504"]);
const REDIRECT_CODES = new Set(["301", "302", "303", "307", "308"]);
/** Matching methods `del-header -m` takes (haproxy 2.6.12: "-m with unsupported matching method 'dom'"). */
const DEL_HEADER_METHODS = new Set(["str", "beg", "end", "sub", "reg"]);
/** Matching methods of an ACL's `-m`. */
const ACL_METHODS = new Set(["found", "bool", "int", "ip", "bin", "len", "str", "sub", "reg", "beg", "end", "dir", "dom"]);

type Check = (value: string) => string | undefined;
const between = (low: number, high: number): Check => (value) =>
  /^\d+$/.test(value) && Number(value) >= low && Number(value) <= high ? undefined : `is not a status code haproxy takes here (${low} to ${high})`;
const oneOf = (codes: ReadonlySet<string>, what: string): Check => (value) => (codes.has(value) ? undefined : `is not ${what} (${[...codes].join(", ")})`);
// haproxy reads a capture length with atol() into an int: `10x` is 10, `2147483648` is negative; only
// what reads as 0 or less is refused.
const positive: Check = (value) => (atolInt32(value) > 0 ? undefined : leadingInteger(value) > 0 ? "is not a length above 0 once haproxy keeps it in 32 signed bits" : "is not a length above 0");
const index: Check = (value) => (/^\d+$/.test(value) ? undefined : "is not a capture slot number");
const any: Check = () => undefined;
const time: Check = (value) => (/^\d+(?:us|ms|s|m|h|d)?$/.test(value) ? timeTooLong("wait-for-body", value) : "is not a time (a number with an optional unit: us, ms, s, m, h, d)");
/** Status codes haproxy reads with atoi() (`404_000` is 404, `0301` is 301, asked of haproxy 2.6.12): what reads as a good code is a warning. */
const STATUS_CHECKS = new Set<Check>();
const status = (check: Check): Check => (STATUS_CHECKS.add(check), check);
/** The checks whose problem haproxy 2.6 only warns about for some values (a time with more after its unit). */
const TIME_CHECKS: ReadonlySet<Check> = new Set([time]);
// Kept in 32 unsigned bits with its unit (a sweep: `at-least 4g` and `4294967296` are "unexpected character").
const SIZE_UNITS: Readonly<Record<string, bigint>> = { "": 1n, k: 1024n, m: 1048576n, g: 1073741824n };
const size: Check = (value) => {
  const parts = /^(\d+)([kmg]?)$/i.exec(value);
  if (!parts) return "is not a size (a number with an optional k, m or g)";
  return BigInt(parts[1]!) * SIZE_UNITS[parts[2]!.toLowerCase()]! > 4294967295n ? "is larger than haproxy's 4294967295 bytes (4g less one)" : undefined;
};

/** Per action, its options that take a value and how the value is checked. */
const RESPONSE_OPTIONS: Readonly<Record<string, Check>> = { status: status(between(200, 599)), "content-type": any, errorfile: any, errorfiles: any, file: any, "lf-file": any, string: any, "lf-string": any };
const OPTIONS: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  return: RESPONSE_OPTIONS,
  deny: { ...RESPONSE_OPTIONS, deny_status: status(oneOf(ERROR_PAGE_CODES, "a code haproxy has an error page for")) },
  tarpit: { ...RESPONSE_OPTIONS, deny_status: status(oneOf(ERROR_PAGE_CODES, "a code haproxy has an error page for")) },
  redirect: { code: status(oneOf(REDIRECT_CODES, "a redirect code")), location: any, prefix: any, scheme: any, "set-cookie": any, "clear-cookie": any },
  capture: { len: positive, id: index },
  "set-status": { reason: any },
  "wait-for-body": { time, "at-least": size },
  "del-header": { "-m": oneOf(DEL_HEADER_METHODS, "a matching method del-header takes") },
  // Their value is read here (markValueReports); no options follow it.
  "set-mark": {},
  "set-tos": {},
};

/**
 * `set-mark` and `set-tos` read their value with strtol() in any base and refuse what is left after
 * it (measured on 2.6.12: `set-mark 10x`, `set-tos 1.5` are "invalid character starting at 'x'
 * (integer/hex value expected)"; `0x10`, `-1` and `4294967296` pass).
 */
export function markValueReports(name: string, value: Word | undefined): Report[] {
  if (!value || CONDITION.has(value.value) || value.value.includes("$")) return [];
  if (/^[+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(value.value)) return [];
  return [{ range: value.range, message: `'${value.value}' is not a number for '${name}' (decimal, or hexadecimal after 0x); haproxy refuses the rule` }];
}

const CONDITION = new Set(["if", "unless"]);

/**
 * Actions whose every word before the condition is one of their options (or a flag of FLAGS): haproxy
 * 2.6.12 refuses any other ("'http-request return' expects either 'if' or 'unless' … but found
 * 'sttaus'"; "'http-request redirect' … expects 'code', 'prefix', 'location', … but found 'when'").
 */
const CLOSED: Readonly<Record<string, readonly string[]>> = {
  return: ["default-errorfiles"],
  deny: ["default-errorfiles"],
  tarpit: ["default-errorfiles"],
  "wait-for-body": [],
  redirect: ["drop-query", "ignore-empty", "append-slash"],
};
/** The options of `redirect` from 3.2 (`set-cookie-fmt`, `keep-query`: 3.0.11 refuses both, 3.2.26 takes them; measured). */
const LATER_REDIRECT_OPTIONS: Readonly<Record<string, Check>> = { "set-cookie-fmt": any };
const LATER_REDIRECT_FLAGS = ["keep-query"];

function redirectReports(args: readonly Word[], version: string): Report[] {
  const later = compareVersions(version, "3.2") >= 0;
  const options = later ? { ...OPTIONS.redirect!, ...LATER_REDIRECT_OPTIONS } : OPTIONS.redirect!;
  return optionReports(options, args, version, false, { action: "redirect", flags: later ? [...CLOSED.redirect!, ...LATER_REDIRECT_FLAGS] : CLOSED.redirect! });
}

/** Actions whose `hdr` option takes two words: `hdr <name> <value>`. */
const WITH_HEADERS = new Set(["return", "deny", "tarpit"]);

function optionReports(options: Readonly<Record<string, Check>>, words: readonly Word[], version: string, headers = false, closed?: { readonly action: string; readonly flags: readonly string[]; readonly unconditional?: boolean }): Report[] {
  const reports: Report[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (CONDITION.has(word.value) && !closed?.unconditional) break;
    if (headers && word.value === "hdr") {
      const missing = [words[i + 1], words[i + 2]].some((next) => !next || CONDITION.has(next.value));
      if (missing) {
        reports.push({ range: word.range, message: `'${word.value}' needs a header name and a value` });
        break;
      }
      i += 2;
      continue;
    }
    // `deny_status` is read only right after the action, before the reply's options (measured on 2.6.12:
    // `deny status 403 deny_status 403` and a second `deny_status` are "expects either 'if' or 'unless'";
    // found by the twelfth mutation round).
    if (word.value === "deny_status" && i > 0 && closed && (closed.action === "deny" || closed.action === "tarpit")) {
      reports.push({ range: word.range, message: `'deny_status' is read only right after '${closed.action}', not after its other options; haproxy refuses it here` });
      break;
    }
    const check = Object.hasOwn(options, word.value) ? options[word.value] : undefined;
    // A '$' that starts no variable name is a character (`del-header ^x-.*$`; found by the twelfth mutation round).
    if (!check && closed && !closed.flags.includes(word.value) && !hasVariable(word)) {
      const known = [...Object.keys(options), ...(headers ? ["hdr"] : []), ...closed.flags];
      const condition = closed.unconditional ? " (it takes no condition)" : ", nor 'if' or 'unless'";
      reports.push({ range: word.range, message: `'${word.value}' is not an option of '${closed.action}'${condition}; haproxy refuses it${didYouMean(suggest(word.value, known))}` });
      break;
    }
    if (!check) continue;
    const value = words[i + 1];
    if (!value || CONDITION.has(value.value)) {
      reports.push({ range: word.range, message: `'${word.value}' needs a value` });
      break;
    }
    const problem = value.value.includes("$") ? undefined : check(value.value);
    const read = problem && STATUS_CHECKS.has(check) ? String(leadingInteger(value.value)) : undefined;
    const note = !problem ? undefined : TIME_CHECKS.has(check) ? toleratedTimeNote(value.value, version, word.value) : read !== undefined && check(read) === undefined ? `; haproxy reads it as ${read} without a word` : undefined;
    if (problem) reports.push({ ...(note ? { severity: "warning" as const } : {}), range: value.range, message: `'${value.value}' ${problem}${note ?? ""}` });
    i++;
  }
  return reports;
}

/**
 * `http-error status CODE [options]` (`args` after `http-error`): the options of `return`, each with
 * its value (measured on 2.6.12: "'content-type' expects <ctype> as argument", "'hdr' expects <name>
 * and <value> as arguments", "unknown keyword 'foo'"). The code is errorCodeReports' (check-expect.ts).
 */
export function httpErrorReports(args: readonly Word[], version: string): Report[] {
  // Without `status` first the keyword's own table reports the line (2.6.12: "expects at least a <status>").
  if (args.some((word) => word.value.includes("$")) || args[0]?.value !== "status") return [];
  const options = args.slice(2);
  const reports = optionReports(RESPONSE_OPTIONS, options, version, true, { action: "http-error", flags: CLOSED["return"]!, unconditional: true });
  return reports.length > 0 ? reports : replyPayloadReports(options, false);
}

/**
 * `track-sc0 KEY [table NAME]`, then only a condition (`args` start at the action word): haproxy
 * 2.6.12 looks for a table named '' after a bare `table` ("unable to find table ''"), and refuses
 * any other word ("expects either 'if' or 'unless' followed by a condition but found '1'").
 */
export function trackReports(args: readonly Word[]): Report[] {
  let next = 2;
  if (args[next]?.value === "table") {
    const name = args[next + 1];
    if (!name || CONDITION.has(name.value)) return [{ range: args[next]!.range, message: "'table' needs a table name; haproxy refuses the rule" }];
    next += 2;
  }
  const word = args[next];
  if (!word || CONDITION.has(word.value)) return [];
  return [{ range: word.range, message: `'${word.value}' may not follow '${args[0]!.value} KEY [table NAME]', only 'if' or 'unless' and a condition; haproxy refuses the rule` }];
}

/**
 * `capture EXPR len N` or `id N`, then only a condition (`args` start at the action word). Measured on
 * haproxy 2.6.12: a request rule takes either ("expects 'len' or 'id', found 'foo'"), a
 * `tcp-request content` rule only `len` ("a positive 'len' argument is mandatory"), a response rule
 * only `id`, the slot of a `declare capture response` ("expects 'id', found 'len'"); each wants one,
 * and a word after its value is refused ("expects either 'if' or 'unless' … but found 'x'").
 */
export function captureReports(keyword: string, args: readonly Word[], version: string, sectionType?: string): Report[] {
  const expression = args[1];
  if (!expression || CONDITION.has(expression.value) || args.some((word) => word.value.includes("$"))) return [];
  const takes = keyword === "tcp-request content" ? ["len"] : keyword === "http-request" ? ["len", "id"] : ["id"];
  const wanted = takes.map((word) => `'${word} N'`).join(" or ");
  const option = args[2];
  if (!option || CONDITION.has(option.value)) return [{ range: args[0]!.range, message: `'${keyword} capture' needs ${wanted} after its expression; haproxy refuses the line` }];
  if (!takes.includes(option.value)) {
    const slot = takes.length === 1 && takes[0] === "id" ? " (a slot of 'declare capture response')" : "";
    return [{ range: option.range, message: `'${keyword} capture' takes ${wanted}${slot}, not '${option.value}'; haproxy refuses the line` }];
  }
  // A `len` capture makes a slot of its own, which only a proxy that takes connections has
  // (measured: "proxy 'be' has no frontend capability"); a backend captures into a frontend's `id`.
  if (option.value === "len" && sectionType === "backend") {
    const instead = keyword === "http-request" ? " (here, 'id N' of a slot its frontends declare)" : "";
    return [{ range: option.range, message: `a backend has no capture slots of its own: '${keyword} capture … len' works in a frontend or listen only${instead}; haproxy refuses the line` }];
  }
  // haproxy 2.6.12 reads a negative slot number without a word (`id -5` passes `haproxy -c`).
  const negative = option.value === "id" && /^-\d+$/.test(args[3]?.value ?? "");
  const reports = negative
    ? [{ severity: "warning" as const, range: args[3]!.range, message: `'${args[3]!.value}' is not a capture slot number (slots count from 0); haproxy 2.6.12 takes it without a word` }]
    : optionReports(OPTIONS.capture!, args.slice(2, 4), version);
  const extra = args[4];
  if (reports.length === 0 && extra && !CONDITION.has(extra.value)) {
    reports.push({ range: extra.range, message: `'${extra.value}' may not follow '${keyword} capture EXPR ${option.value} N', only 'if' or 'unless' and a condition; haproxy refuses the line` });
  }
  return reports;
}

/** Whether a line's action (its first argument's value) or keyword has options checked here: the others need not be read. */
export function hasCheckedOptions(keyword: string, action: string | undefined): boolean {
  if (keyword === "redirect") return true;
  const name = action?.replace(/\(.*$/, "");
  return name !== undefined && (Object.hasOwn(OPTIONS, name) || /^track-sc\d+$/.test(name));
}

/** Problems with the options of an action (`args` start at the action word) or of a `redirect` line (`args` after `redirect`). */
export function actionOptionReports(keyword: string, args: readonly Word[], version: string, sectionType?: string): Report[] {
  if (keyword === "redirect") return redirectReports(args, version);
  const action = args[0];
  if (!action) return [];
  const name = action.value.replace(/\(.*$/, "");
  if (name === "set-status") {
    const code = args[1];
    // Read with strtol() into an int, all of it (measured: `+200` and `4294967496` are 200, `200abc` is refused).
    const read = code && /^[-+]?\d+$/.test(code.value) ? String(atolInt32(code.value)) : code?.value;
    const problem = code && !CONDITION.has(code.value) && !code.value.includes("$") ? between(100, 999)(read!) : undefined;
    // After the status, only `reason TEXT` may come before the condition (measured: "expects either 'if' or 'unless'").
    const after = code && !CONDITION.has(code.value) ? args.slice(2) : [];
    return [...(problem ? [{ range: code!.range, message: `'${code!.value}' ${problem}` }] : []), ...optionReports(OPTIONS["set-status"]!, after, version, false, { action: "set-status", flags: [] })];
  }
  if (name === "capture") return captureReports(keyword, args, version, sectionType);
  // Measured on 2.6.12: `http-response redirect prefix /` is "response only supports redirect type 'location'".
  if (name === "redirect" && keyword === "http-response" && (args[1]?.value === "prefix" || args[1]?.value === "scheme")) {
    return [{ range: args[1]!.range, message: `an http-response redirect takes only 'location', not '${args[1]!.value}'; haproxy refuses the line` }];
  }
  // `wait-for-body at-least 1k` without its time: "expects time <time> [ at-least <bytes> ]" (measured on 2.6.12).
  if (name === "wait-for-body") {
    const until = args.findIndex((word, i) => i > 0 && CONDITION.has(word.value));
    const options = until < 0 ? args.slice(1) : args.slice(1, until);
    if (options.some((word) => word.value === "at-least") && !options.some((word) => word.value === "time" || word.value.includes("$"))) {
      return [{ range: action.range, message: "wait-for-body needs 'time T' (at-least is optional); haproxy refuses the line" }];
    }
  }
  if (name === "set-mark" || name === "set-tos") return markValueReports(name, args[1]);
  if (name === "redirect") return redirectReports(args.slice(1), version);
  if (name === "del-header") {
    // `del-header NAME [-m METHOD]`: nothing else before the condition (measured: "expects either 'if' or 'unless'").
    const after = args[1] && !CONDITION.has(args[1].value) ? args.slice(2) : [];
    // `-m` once (measured on 2.6.12: `del-header a -m str -m reg` is "expects either 'if' or 'unless' … but found '-m'").
    const again = after[0]?.value === "-m" && after[2]?.value === "-m" ? after[2] : undefined;
    if (again) return [{ range: again.range, message: "'-m' is given twice: del-header takes one matching method, then only 'if' or 'unless'; haproxy refuses the second" }];
    return optionReports(OPTIONS["del-header"]!, after, version, false, { action: "del-header", flags: [] });
  }
  if (/^track-sc\d+$/.test(name)) return trackReports(args);
  const options = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
  const flags = Object.hasOwn(CLOSED, name) ? CLOSED[name] : undefined;
  if (!options) return [];
  const reports = optionReports(options, args.slice(1), version, WITH_HEADERS.has(name), flags ? { action: name, flags } : undefined);
  return reports.length === 0 && WITH_HEADERS.has(name) ? replyPayloadReports(args.slice(1), true) : reports;
}

/**
 * The patterns of `-m bin`, from `from` in `args` on, past any flags: hexadecimal digits, two for
 * each byte (measured: "an even number of hex digit is expected", "an hex digit is expected (found 'z')").
 */
function binaryPatternReports(args: readonly Word[], from: number): Report[] {
  let i = from;
  while (i < args.length && args[i]!.value.startsWith("-")) {
    const flag = args[i]!.value;
    i += flag === "-f" || flag === "-u" || flag === "-M" || flag === "-m" ? 2 : 1;
    if (flag === "--") break;
  }
  for (; i < args.length; i++) {
    const pattern = args[i]!;
    if (pattern.value.includes("$")) continue;
    if (!/^[0-9a-fA-F]*$/.test(pattern.value)) return [{ range: pattern.range, message: `'${pattern.value}' is not hexadecimal: '-m bin' matches bytes written as hex digits, two for each; haproxy refuses it` }];
    if (pattern.value.length % 2 === 1) return [{ range: pattern.range, message: `'${pattern.value}' has an odd number of hex digits: '-m bin' takes two for each byte; haproxy refuses it` }];
  }
  return [];
}

/**
 * The flags of an ACL (`-m` present and a method haproxy knows, `-f` and `-u` with their values).
 * `first`: where the flags start in `args`, 2 on an `acl` line (after its name and fetch), 1 in an
 * inline ACL.
 */
export function aclMethodReports(args: readonly Word[], first = 2): Report[] {
  for (let i = first; i < args.length; i++) {
    const word = args[i]!;
    if (!word.value.startsWith("-")) return [];
    if (word.value === "--") return [];
    if (word.value === "-u") {
      // The unique id is read with strtol() and must be all digits (measured: `-u 1x`, `-u /x` are
      // "the argument of -u must be an integer"; `-u -1`, `-u +3` and a `-u` at the end of an `acl`
      // line pass). At the end of an inline ACL (`{ path -u }`) haproxy 2.6.12 reads past the words
      // and crashes: `haproxy -c` dies of a segmentation fault (measured).
      const id = args[++i];
      if (!id && first === 1) return [{ range: word.range, message: "'-u' needs the ACL's unique id; at the end of an inline ACL haproxy 2.6.12 crashes reading it (segmentation fault)" }];
      if (id && !id.value.includes("$") && !/^[+-]?\d+$/.test(id.value)) return [{ range: id.range, message: `'${id.value}' is not a whole number: '-u' takes the ACL's unique id; haproxy refuses it` }];
      continue;
    }
    if (word.value === "-f") {
      // `-f -i`: the file name is the next word whatever it is (measured: "failed to open pattern file <-i>").
      const file = args[++i];
      // Measured: a `-f` at the end is "failed to open pattern file <>".
      if (!file) return [{ range: word.range, message: "'-f' needs the pattern file's name" }];
      if (["-i", "-m", "-n", "-M", "-u", "-f", "--"].includes(file.value)) return [{ range: file.range, message: `'-f' takes the pattern file's name and reads '${file.value}' as one, so haproxy cannot open it; put the flag before '-f'` }];
      continue;
    }
    if (word.value !== "-m") {
      if (word.value === "-M") i++;
      continue;
    }
    const method = args[i + 1];
    if (!method) return [{ range: word.range, message: "'-m' needs a matching method" }];
    // Only a variable haproxy substitutes is left alone, not an escaped `\$` (measured: `-m "*1\r\n\$4"` is "unknown matching method").
    if (method.variables.length > 0 || (method.isPlain && method.value.includes("$"))) return [];
    if (method.value === "bin") return binaryPatternReports(args, i + 2);
    if (ACL_METHODS.has(method.value)) return [];
    return [{ range: method.range, message: `'${method.value}' is not a matching method (${[...ACL_METHODS].join(", ")})` }];
  }
  return [];
}

/** `stick on|match|store-* <pattern> [table NAME] [if …]`: a `table` without its name ("unable to find stick-table ''"). */
export function stickRuleReports(args: readonly Word[]): Report[] {
  const table = args.findIndex((word) => word.value === "table");
  if (table < 1) return [];
  const name = args[table + 1];
  return !name || CONDITION.has(name.value) ? [{ range: args[table]!.range, message: "'table' needs a table name" }] : [];
}
