// Reading pieces of haproxy sample expressions inside a word's value: `%[ … ]` log-format segments,
// converter calls (`,map(/file,default)`, `,regsub(^/api,/)`), and an ACL's criterion, flags and
// patterns. Offsets are in the word's value; `rangeInWord` turns them into ranges.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyConverter } from "../../facts/haproxy.js";

export interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface Call {
  readonly name: string;
  /** From the name to the closing parenthesis (or the end of the text when it is missing). */
  readonly start: number;
  readonly end: number;
  readonly args: Piece[];
}

/** The `%[ … ]` segments of a log-format string. */
export function logFormatSegments(text: string): Piece[] {
  const found: Piece[] = [];
  let i = text.indexOf("%[");
  while (i >= 0) {
    let depth = 0;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === "\\") j++;
      else if (c === "[") depth++;
      else if (c === "]" && --depth === 0) break;
    }
    const end = Math.min(j, text.length);
    found.push({ text: text.slice(i + 2, end), start: i + 2, end });
    i = text.indexOf("%[", end);
  }
  return found;
}

/**
 * Reads the arguments of a call whose `(` is at `open`: commas at depth one split them; `\` escapes;
 * quotes hold commas and parentheses (`add_item(',',txn.var)`), as haproxy's argument parser reads them.
 */
export function readArguments(text: string, open: number): { args: Piece[]; end: number; closed: boolean } {
  const args: Piece[] = [];
  let depth = 0;
  let start = open + 1;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if ((c === "'" || c === '"') && depth >= 1) {
      quote = c;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) {
        args.push({ text: text.slice(start, i), start, end: i });
        return { args, end: i + 1, closed: true };
      }
    } else if (c === "," && depth === 1) {
      args.push({ text: text.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  args.push({ text: text.slice(start), start, end: text.length });
  return { args, end: text.length, closed: false };
}

/**
 * An argument as haproxy hands it to its converter (arg.c, make_arg_list): quotes taken off (a `"`
 * outside `'…'`, a `'` outside `"…"`), and outside single quotes `\\`, `\ `, `\"`, `\'` give the
 * character, `\r`, `\n`, `\t` a control character, and any other backslash stays with the character
 * after it (`\(` is `\(`, the regex's escape). Where the argument ends is `readArguments`' call.
 */
export function argumentValue(text: string): string {
  let out = "";
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' && !single) double = !double;
    else if (c === "'" && !double) single = !single;
    else if (c === "\\" && !single && i + 1 < text.length) {
      const next = text[i + 1]!;
      if (next === "\\" || next === " " || next === '"' || next === "'" || next === "r" || next === "n" || next === "t") {
        out += next === "r" ? "\r" : next === "n" ? "\n" : next === "t" ? "\t" : next;
        i++;
      } else out += c;
    } else out += c;
  }
  return out;
}

/** Converters whose output is an integer, and those whose output is an address (haproxy 2.6 manual, 7.3.1). */
const INTEGER_CONVERTERS = new Set(["add", "sub", "mul", "div", "mod", "and", "or", "xor", "neg", "cpl", "length", "crc32", "crc32c", "djb2", "sdbm", "wt6", "xxh32", "xxh64", "strcmp"]);
const ADDRESS_CONVERTERS = new Set(["ipmask"]);

/**
 * The type the last converter of a criterion gives (`path,div(2)`: "sint"; `src,ipmask(24)`: "addr"),
 * or undefined: no converter, or one whose type lblint does not know. haproxy parses an ACL's patterns
 * by that type when no `-m` says otherwise (measured: `path_beg,div(0) /img` is "'/img' is not a
 * number", `path_end,ipmask(8) .jpg` "not a valid IPv4 or IPv6 address").
 */
export function converterOutput(value: string): "sint" | "addr" | undefined {
  const last = lastConverterComma(value);
  if (last < 0) return undefined;
  const name = /^[a-z0-9_.]+/.exec(value.slice(last + 1))?.[0] ?? "";
  if (INTEGER_CONVERTERS.has(name)) return "sint";
  if (ADDRESS_CONVERTERS.has(name)) return "addr";
  // Others by haproxy's keyword dump (`table_trackers`, `map_str_int`: sint).
  const output = haproxyConverter(name)?.output;
  return output === "sint" || output === "addr" ? output : undefined;
}

/** Whether a criterion's word opens more parentheses than it closes: a call missing its ')' (HA068's finding). */
export function unclosedCall(value: string): boolean {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
  }
  return depth > 0;
}

/** The name of a criterion's last converter (`req.hdr(x),json_query('$.a')`: "json_query"), or undefined without one. */
export function lastConverterName(value: string): string | undefined {
  const last = lastConverterComma(value);
  return last < 0 ? undefined : (/^[a-z0-9_.-]+/.exec(value.slice(last + 1))?.[0] ?? "");
}

/** The index of the comma before a criterion's last converter, or -1: commas inside a call's `(…)` (`sc_http_req_rate(0,be)`) are its arguments'. */
function lastConverterComma(value: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) last = i;
  }
  return last;
}

/** Whether a criterion has a converter after its fetch (`src,ipmask(24)`; not `sc_http_req_rate(0,be)`). */
export function hasConverter(value: string): boolean {
  return value.includes(",") && lastConverterComma(value) >= 0;
}

/** Converter calls whose name matches `names`, i.e. written after a comma: `req.hdr(host),lower,map(f)`. */
export function converterCalls(text: string, names: RegExp): Call[] {
  const found: Call[] = [];
  const pattern = /,\s*([a-z0-9_.]+)\(/g;
  for (const match of text.matchAll(pattern)) {
    const name = match[1]!;
    if (!names.test(name)) continue;
    const start = match.index + match[0].length - name.length - 1;
    const { args, end } = readArguments(text, start + name.length);
    found.push({ name, start, end, args });
  }
  return found;
}

// ---- ACL criteria ----------------------------------------------------------------------------

export interface Criterion {
  /** The criterion word: `hdr_reg(host)`, `req.hdr(host),lower`. */
  readonly word: Word;
  /** The fetch name without its `(…)` and converters: `hdr_reg`, `req.hdr`. */
  readonly fetch: string;
  /** The fetch's first argument, lower-cased for header names: `host`. */
  readonly argument: string | undefined;
  /** The match method: from `-m`, else from a `_reg`/`_beg`/… suffix of the fetch, else undefined. */
  readonly method: string | undefined;
  /** The match method given with `-m`, if any. */
  readonly explicitMethod: string | undefined;
  /** The fetch name with a match suffix removed: `hdr_reg` → `hdr`. */
  readonly base: string;
  readonly ignoreCase: boolean;
  /** Patterns written on the line (those in `-f` files are not). */
  readonly patterns: readonly Word[];
  /**
   * A word before the patterns that starts with '-' and is no flag haproxy knows (-i, -f, -m, -n,
   * -M, -u, --): haproxy refuses it; the patterns are read from it on.
   */
  readonly unknownFlag: Word | undefined;
}

const MATCH_SUFFIXES = ["reg", "beg", "end", "sub", "dom", "dir", "len", "str", "found", "cnt", "ip", "val"];

/**
 * Criteria already read, per list of words: the ACL rules read the same criteria (see
 * forEachAclCriterion, which hands each of them the same lists).
 */
const criteria = new WeakMap<readonly Word[], Criterion | null>();

/** Reads `criterion [flags] patterns…` (the words after an ACL's name, or inside `{ }`); read once per list of words. */
export function readCriterion(words: readonly Word[]): Criterion | undefined {
  let criterion = criteria.get(words);
  if (criterion === undefined) criteria.set(words, (criterion = readCriterionOnce(words) ?? null));
  return criterion ?? undefined;
}

function readCriterionOnce(words: readonly Word[]): Criterion | undefined {
  const word = words[0];
  if (!word) return undefined;
  const value = word.value;
  const paren = value.indexOf("(");
  const comma = value.indexOf(",");
  const nameEnd = Math.min(paren < 0 ? value.length : paren, comma < 0 ? value.length : comma);
  const fetch = value.slice(0, nameEnd);
  let argument: string | undefined;
  if (paren >= 0 && paren === nameEnd) argument = readArguments(value, paren).args[0]?.text.trim().toLowerCase();
  let method: string | undefined;
  let ignoreCase = false;
  let unknownFlag: Word | undefined;
  let i = 1;
  for (; i < words.length; i++) {
    const flag = words[i]!.value;
    if (flag === "--") {
      i++;
      break;
    }
    if (!flag.startsWith("-") || flag.length < 2) break;
    if (flag === "-i") ignoreCase = true;
    else if (flag === "-m") method = words[++i]?.value;
    else if (flag === "-f" || flag === "-u") i++;
    else if (flag !== "-n" && flag !== "-M") {
      // haproxy refuses any other word that starts with '-' before the patterns.
      unknownFlag = words[i];
      break;
    }
  }
  const underscore = fetch.lastIndexOf("_");
  const suffix = underscore > 0 ? fetch.slice(underscore + 1) : "";
  const base = MATCH_SUFFIXES.includes(suffix) ? fetch.slice(0, underscore) : fetch;
  return { word, fetch, argument, method: method ?? (base !== fetch ? suffix : undefined), explicitMethod: method, base, ignoreCase, patterns: words.slice(i), unknownFlag };
}
