// HA004 for `http-check expect [options] [!] status LIST`: haproxy 2.6.12 reads LIST as codes and
// ranges separated by commas (`200`, `200-399`, `200,301-302`) and refuses any other character
// ("invalid character '.' in the list of status codes") or a range without its end ("invalid range
// of status codes '200-'"). The options take a value each; in `tcp-check expect` too, nothing else
// may come before or after the match and its pattern. Also the status codes
// of errorfile, errorloc and http-error lines. A match haproxy does not have (`http-check expect
// 200-404 status`): "only supports min-recv, [!]string, … but got '200-404'". And a `cookie` line
// with two modes, or an `attr` value with a ';'. The pattern of `tcp-check expect binary` and the data of `tcp-check send-binary`:
// hex digits, two a byte.
import type { HaproxyRule } from "../../lint/rule.js";
import { ERROR_PAGE_CODES } from "./action-options.js";
import { rangeInWord } from "./options.js";
import { leadingInteger } from "./numbers.js";

type Context = Parameters<HaproxyRule["check"]>[0];

/** Options of `http-check expect` and `tcp-check expect` that take a value (configuration manual, 2.6). */
const WITH_VALUE = new Set(["min-recv", "comment", "ok-status", "error-status", "tout-status", "on-success", "on-error", "status-code"]);
/** The check statuses each option takes (haproxy 2.6.12's messages list them). */
const STATUSES: Readonly<Record<string, readonly string[]>> = {
  "ok-status": ["L4OK", "L6OK", "L7OK", "L7OKC"],
  "error-status": ["L4CON", "L6RSP", "L7RSP", "L7STS"],
  "tout-status": ["L4TOUT", "L6TOUT", "L7TOUT"],
};
const CODE = /^\d+$/;
/** The matching methods of a header match (`hdr name -m beg X`). */
const HEADER_METHODS: ReadonlySet<string> = new Set(["str", "beg", "end", "sub", "reg"]);
/** The matches of each rule set in haproxy 2.6.12 (each may carry a `!`, attached or not). */
const MATCHES: Readonly<Record<string, readonly string[]>> = {
  "http-check": ["status", "rstatus", "string", "rstring", "string-lf", "hdr", "fhdr"],
  "tcp-check": ["string", "rstring", "string-lf", "binary", "rbinary", "binary-lf"],
};

function listProblem(list: string): string | undefined {
  for (const item of list.split(",")) {
    const stray = /[^\d-]/.exec(item);
    if (stray) return `has '${stray[0]}', which is no part of a list of status codes (200, 200-399, 200,301-302)`;
    const [low, high, ...rest] = item.split("-");
    // A range may leave out its start (`-5`, even `-`: from 0), not its end (`5-`), and may not run backwards.
    const malformed = rest.length > 0 || (high === undefined ? !CODE.test(low ?? "") : (low !== "" && !CODE.test(low!)) || (high !== "" && !CODE.test(high)) || (high === "" && low !== ""));
    if (malformed) return `holds '${item}', which is neither a status code nor a range of them`;
    if (high !== undefined && low !== "" && high !== "" && Number(low) > Number(high)) return `holds '${item}', a range that runs backwards`;
  }
  return undefined;
}

/**
 * The words of `http-check expect` and `tcp-check expect`: haproxy reads options with their value
 * and one match with its pattern, in any order, and refuses any other word, a word after the pattern
 * included ("only supports min-recv, [!]string, … but got 'on'", measured on 2.6.12).
 */
/** What is wrong with a binary string haproxy reads as hex digits, two a byte, or undefined. */
function binaryProblem(value: string): string | undefined {
  if (/^(?:[0-9a-fA-F]{2})+$/.test(value)) return undefined;
  const stray = /[^0-9a-fA-F]/.exec(value);
  return stray ? `'${stray[0]}' is no hex digit` : "an even number of hex digits is wanted";
}

export function checkExpectReports(model: Context["model"], report: Context["report"]): void {
  for (const keyword of ["http-check", "tcp-check"]) {
    const matches = MATCHES[keyword]!;
    for (const placed of model.withKeyword(keyword)) {
      // `tcp-check send-binary HEX` is read like `expect binary` (measured: "'0g' invalid binary string").
      if (keyword === "tcp-check" && placed.value(0) === "send-binary") {
        const data = placed.statement.args[1];
        const problem = data && !data.text.includes("$") ? binaryProblem(data.value) : undefined;
        if (problem) report({ uri: placed.section.uri, range: data!.range, message: `'${data!.value}' is not a binary string of 'tcp-check send-binary' (${problem}); haproxy refuses it` });
        continue;
      }
      if (placed.value(0) !== "expect") continue;
      const args = placed.statement.args;
      let matched = false;
      // Whether the words were all read (no `$` and nothing reported), and whether any was an option.
      let readAll = true;
      let option: (typeof args)[number] | undefined;
      for (let i = 1; i < args.length; i++) {
        const word = args[i]!;
        if (word.value.includes("$")) {
          readAll = false;
          break;
        }
        if (WITH_VALUE.has(word.value)) {
          option ??= word;
          readAll = false;
          const value = args[++i];
          // Measured on 2.6.12: "'min-recv' expects a integer as argument", "'comment' expects a string as argument".
          if (!value) {
            report({ uri: placed.section.uri, range: word.range, message: `'${word.value}' needs a value; haproxy refuses the line` });
            break;
          }
          // The status code is a sample expression: `status-code 500` is "unknown fetch method '500'" (write int(500)).
          if (word.value === "status-code" && /^\d+$/.test(value.value)) {
            report({ uri: placed.section.uri, range: value.range, message: `'status-code' takes a sample expression, not the number '${value.value}' (write int(${value.value})); haproxy refuses it` });
            break;
          }
          const statuses = STATUSES[word.value];
          // Measured: "'ok-status' only supports 'L4OK', 'L6OK', 'L7OK' or 'L7OKC' status (got 'BOGUS')".
          if (statuses && value && !value.value.includes("$") && !statuses.includes(value.value)) {
            report({ uri: placed.section.uri, range: value.range, message: `'${value.value}' is not a status '${word.value}' takes (${statuses.join(", ")}); haproxy refuses it` });
            break;
          }
          readAll = true;
          continue;
        }
        if (word.value === "!") continue;
        const match = word.value.replace(/^!/, "");
        if (!matches.includes(match) || matched) {
          readAll = false;
          const message = matched
            ? `'${word.value}' may not follow the match of '${keyword} expect', only its options (${[...WITH_VALUE].join(", ")}); haproxy refuses it`
            : `'${word.value}' is not a match of '${keyword} expect' (${matches.join(", ")}); haproxy refuses it`;
          report({ uri: placed.section.uri, range: word.range, message });
          break;
        }
        matched = true;
        // A header match takes `name NAME`, then `value` and flags, left to haproxy (measured: `hdr name`
        // alone is "'hdr' expects at the name keyword as first argument followed by a pattern").
        if (match === "hdr" || match === "fhdr") {
          const name = args[i + 1];
          if (keyword === "http-check" && ((name?.value !== "name" && name?.value !== "name-lf") || !args[i + 2]) && !name?.value.includes("$")) {
            report({ uri: placed.section.uri, range: (name ?? word).range, message: `'${word.value}' takes 'name' (or 'name-lf') and the header's name first; haproxy refuses it` });
            readAll = false;
            break;
          }
          // "'hdr' : '-m' only supports 'str', 'beg', 'end', 'sub' or 'reg' (got 'foo')" (measured on 2.6.12).
          for (let j = i + 2; j + 1 < args.length; j++) {
            const method = args[j + 1]!;
            if (args[j]!.value !== "-m" || HEADER_METHODS.has(method.value) || method.value.includes("$")) continue;
            report({ uri: placed.section.uri, range: method.range, message: `'${method.value}' is not a matching method of '${word.value}' (${[...HEADER_METHODS].join(", ")}); haproxy refuses it` });
            break;
          }
          break;
        }
        const pattern = args[++i];
        // `binary` is hex digits, two a byte (measured: "invalid binary string (an even number of hex digit is expected)").
        const binary = match === "binary" && pattern && !pattern.text.includes("$") ? binaryProblem(pattern.value) : undefined;
        if (binary) {
          report({ uri: placed.section.uri, range: pattern!.range, message: `'${pattern!.value}' is not a binary string of '${keyword} expect binary' (${binary}); haproxy refuses it` });
          continue;
        }
        if (match !== "status" || !pattern || pattern.text.includes("$")) continue;
        const problem = listProblem(pattern.value);
        if (problem) report({ uri: placed.section.uri, range: rangeInWord(pattern, 0, pattern.value.length), message: `'${pattern.value}' ${problem}; haproxy refuses it` });
      }
      // Options and no match (`http-check expect min-recv 10`): haproxy 2.6.12, 3.0.11 and 3.2.26 say
      // "pattern not found". A line with no option at all is HA003's (too few arguments).
      if (!matched && readAll && option) {
        report({ uri: placed.section.uri, range: args[0]!.range, message: `'${keyword} expect' has options ('${option.value}') but no match (${matches.join(", ")}) and its pattern; haproxy refuses the line` });
      }
    }
  }
}

/**
 * `errorfile CODE FILE`, `errorloc CODE URL` (also 302 and 303) and `http-error status CODE`: haproxy
 * 2.6.12 refuses a code it has no error page for ("errorfile : status code '302' not handled").
 */
export function errorCodeReports(model: Context["model"], report: Context["report"]): void {
  for (const keyword of ["errorfile", "errorloc", "errorloc302", "errorloc303", "http-error"]) {
    for (const placed of model.withKeyword(keyword)) {
      const at = keyword === "http-error" ? (placed.value(0) === "status" ? 1 : -1) : 0;
      // An empty file or URL ('' or "") is a missing one (measured on 2.6.12 and 3.0.11: "errorfile : expects
      // <status_code> and <file> as arguments"; 3.2.26 ends the arguments there and says the same; found by
      // the thirteenth mutation round). Words after them are not read (`errorloc 503 /x ''` passes).
      const target = at === 0 ? placed.statement.args[1] : undefined;
      if (target && target.value === "") {
        report({ uri: placed.section.uri, range: target.range, message: `an empty ${keyword === "errorfile" ? "file name" : "URL"} is a missing one: haproxy refuses '${keyword}' without it` });
        continue;
      }
      const code = at < 0 ? undefined : placed.statement.args[at];
      // The code is read with atoi() (`0503`, `503,000` and `503x` are 503): HA004 warns about the words after the digits.
      if (!code || code.value.includes("$") || ERROR_PAGE_CODES.has(String(leadingInteger(code.value)))) continue;
      report({
        uri: placed.section.uri,
        range: code.range,
        message: `haproxy has no error page for status ${code.value === String(leadingInteger(code.value)) ? code.value : `${code.value} (read as ${leadingInteger(code.value)})`}, and refuses the line (${[...ERROR_PAGE_CODES].join(", ")})`,
      });
    }
  }
}

/**
 * `cookie NAME` with more than one of `rewrite`, `insert` and `prefix`, with `rewrite` and `indirect`, or
 * with `preserve` but neither `insert` nor `indirect`: haproxy 2.6.12 refuses it ("modes are
 * incompatible", "cookie 'preserve' requires at least 'insert' or 'indirect'"; the last two found by a sweep).
 */
export function cookieModeReports(model: Context["model"], report: Context["report"]): void {
  for (const placed of model.withKeyword("cookie")) {
    const args = placed.statement.args.slice(1);
    const modes = args.filter((word) => word.value === "rewrite" || word.value === "insert" || word.value === "prefix");
    const second = modes.find((word) => word.value !== modes[0]!.value);
    const find = (value: string) => args.find((word) => word.value === value);
    if (second) report({ uri: placed.section.uri, range: second.range, message: `cookie modes '${modes[0]!.value}' and '${second.value}' exclude each other (one of rewrite, insert, prefix); haproxy refuses the line` });
    else if (find("rewrite") && find("indirect")) report({ uri: placed.section.uri, range: find("indirect")!.range, message: "cookie modes 'rewrite' and 'indirect' exclude each other; haproxy refuses the line" });
    const preserve = find("preserve");
    if (preserve && !find("insert") && !find("indirect")) report({ uri: placed.section.uri, range: preserve.range, message: "cookie 'preserve' needs 'insert' or 'indirect' on the line; haproxy refuses it" });
    // An `attr` value goes into the Set-Cookie header as it is: haproxy 2.6.12, 3.0.11 and 3.2.26 refuse a
    // ';' or a control character in it ("character '%x3B' is not permitted in attribute value"; the
    // fifteenth mutation round). Each attribute needs an `attr` of its own.
    for (let i = 0; i + 1 < args.length; i++) {
      if (args[i]!.value !== "attr" || args[i + 1]!.value.includes("$")) continue;
      const value = args[i + 1]!;
      const bad = /[\x00-\x1f\x7f;]/.exec(value.value);
      if (bad) report({ uri: placed.section.uri, range: value.range, message: `${bad[0] === ";" ? "';'" : "a control character"} may not stand in a cookie attribute; haproxy refuses the line (write one 'attr' per attribute)` });
      i++;
    }
  }
}

/** The options of `http-check send` and how many words each takes (haproxy 2.6.12). */
const SEND_OPTIONS: Readonly<Record<string, number>> = { comment: 1, meth: 1, uri: 1, "uri-lf": 1, ver: 1, hdr: 2, body: 1, "body-lf": 1 };

/**
 * `http-check send` takes only its options, each with its value(s): haproxy 2.6.12 refuses any other
 * word ("expects 'comment', 'meth', 'uri', … but got 'true' as argument") and an option without its
 * value ("'hdr' expects <name> and <value> as arguments"; found by mutations of real files).
 */
export function checkSendReports(model: Context["model"], report: Context["report"]): void {
  // `tcp-check send DATA [comment TEXT]` (and send-lf, send-binary, send-binary-lf): after the data only
  // `comment` (haproxy 2.6.12: "expects 'comment' but got 'b'", "'comment' expects a string"; found by
  // mutations, `tcp-check send send info\ replication\r\n`). A fourth word is HA003's.
  for (const placed of model.withKeyword("tcp-check")) {
    if (!/^send(?:-binary)?(?:-lf)?$/.test(placed.value(0) ?? "")) continue;
    const [, data, option, text] = placed.statement.args;
    if (!data || !option || data.value.includes("$") || option.value.includes("$")) continue;
    const send = `tcp-check ${placed.value(0)}`;
    if (option.value !== "comment") report({ uri: placed.section.uri, range: option.range, message: `'${option.text}' may not follow the data of '${send}', only 'comment' and its text; haproxy refuses it (quote the data, or escape its blanks with '\\')` });
    else if (!text) report({ uri: placed.section.uri, range: option.range, message: `'comment' needs its text; haproxy refuses the line` });
  }
  for (const placed of model.withKeyword("http-check")) {
    if (placed.value(0) !== "send") continue;
    const args = placed.statement.args;
    for (let i = 1; i < args.length; i++) {
      const word = args[i]!;
      if (word.value.includes("$")) break;
      const takes = Object.hasOwn(SEND_OPTIONS, word.value) ? SEND_OPTIONS[word.value]! : undefined;
      if (takes === undefined) {
        report({ uri: placed.section.uri, range: word.range, message: `'${word.value}' is not an option of 'http-check send' (${Object.keys(SEND_OPTIONS).join(", ")}); haproxy refuses it` });
        break;
      }
      if (i + takes >= args.length) {
        report({ uri: placed.section.uri, range: word.range, message: `'${word.value}' needs ${takes === 2 ? "a name and a value" : "a value"}; haproxy refuses the line` });
        break;
      }
      i += takes;
    }
  }
}
