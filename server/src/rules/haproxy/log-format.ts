// HA063: a log-format string haproxy cannot parse: an unknown `%` variable (`%zz`, `%CI`), a `%`
// that starts nothing (`50% off`, a trailing `%`), a `%[` or `%{` left open, flags with no
// variable after them. haproxy 2.6.12 refuses each ("no such format variable 'zz'", "truncated line
// after '%'"). An HTTP variable (`%r`, `%HM`, `%Ta`…) in the log format of a proxy in mode tcp,
// refused too ("format variable 'r' is reserved for HTTP mode"); 3.0 and 3.2 take it, so from a
// 2.8 target on it is a warning. A `%[…]` part without a fetch (`%[]`, `%[[src]`) or with a ','
// that no converter follows (`%[src,]`) is refused too. From 3.0 a variable may be preceded by the
// name of its field, `%(name)`; before, and after any character but a blank or a digit, haproxy drops
// a lone '%' (a warning). The fetches and converters inside `%[…]` are HA045's business. A
// `use_backend` name is a log format too.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { compareVersions } from "../../facts/versions.js";
import { describe, type HaproxyModel, type SectionModel } from "./model.js";
import { rangeInWord } from "./options.js";
import { formatNeverParsed } from "./format-readers.js";

/** The log-format variables of the haproxy 2.6 manual (8.2.4); `OG` only in the later ones. */
const VARIABLES_2_6 = "o B CC CS H HM HP HPO HQ HU HV ID ST T Ta Tc Td Tl Th Ti Tq TR Tr Ts Tt Tu Tw U ac b bc bi bp bq ci cp f fc fi fp ft lc hr hrl hs hsl ms pid r rc rt s sc si sp sq sslc sslv t tr trg trl ts tsc".split(" ");
const LATER = ["OG"];

/** Keywords whose arguments are all one log-format string. */
const FORMAT_KEYWORDS = new Set(["log-format", "log-format-sd", "error-log-format", "unique-id-format"]);
/** Actions and the index (after the action word) of their log-format argument. */
const FORMAT_ACTIONS: Readonly<Record<string, number>> = {
  "add-header": 2, "set-header": 2, "early-hint": 2, "set-var-fmt": 1, "set-path": 1, "set-pathq": 1, "set-uri": 1, "set-query": 1, "set-method": 1,
};
/** Options of actions followed by a log-format string. */
const FORMAT_OPTIONS = new Set(["lf-string"]);

const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** `[A-Za-z0-9_.-]`, the characters of a fetch or converter name; `+` starts one too (haproxy reads `%[+x]` as the fetch '+x'). */
const NAME = /[A-Za-z0-9_.+-]/;

/**
 * Where the `%[…]` part between `from` and `close` (its `]`) lacks a name: "fetch" when nothing a
 * fetch's name is made of starts it (`%[]`, `%[[src]`, `%[,src]`), or the offset of a ',' outside
 * parentheses that commas alone and then the `]` or something no name starts with follow
 * (`%[src,]`, `%[src,lower,(x)]`). Measured on 2.6.12: "missing fetch method", "unknown converter ''";
 * haproxy skips commas written twice (`%[src,,lower]` passes). A quote, an escape or a `$` leaves
 * the rest of the part alone: its value is not what is written.
 */
function missingName(text: string, from: number, close: number): "fetch" | number | undefined {
  // The first character decides whatever follows (`"%[[var(x),add_item(',',a)]"`: "missing fetch method").
  const first = text[from] ?? "";
  if (!NAME.test(first)) return /["'\\$]/.test(first) ? undefined : "fetch";
  if (/["'\\$]/.test(text.slice(from, close))) return undefined;
  let depth = 0;
  for (let i = from; i < close; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      let next = i + 1;
      while (text[next] === ",") next++;
      if (next >= close || !NAME.test(text[next]!)) return next - 1;
      i = next - 1;
    }
  }
  return undefined;
}

/** A variable written in a log-format string, and where. */
interface Used {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/** The characters of a field's name in `%(name)` (measured on 3.0.11 and 3.2.26: `a_b`, `a-b`, `1` pass; `.` and a blank are "invalid character in custom name"). */
const FIELD_NAME = /^[A-Za-z0-9_-]*$/;

function check(word: Word, variables: readonly string[], named: boolean, used?: Used[]): Report[] {
  const text = word.value;
  const reports: Report[] = [];
  const at = (from: number, to: number) => rangeInWord(word, from, to);
  for (let i = text.indexOf("%"); i >= 0 && i < text.length; i = text.indexOf("%", i)) {
    let next = i + 1;
    if (text[next] === "%") {
      i = next + 1;
      continue;
    }
    // From 3.0, `%(name)` names the field that follows, for the encoded log formats (`%(client)ci`).
    if (named && text[next] === "(") {
      const close = text.indexOf(")", next);
      const name = close < 0 ? undefined : text.slice(next + 1, close);
      if (name === undefined || !FIELD_NAME.test(name)) {
        reports.push({ range: at(i, close < 0 ? text.length : close + 1), message: close < 0 ? "'%(' is not closed by ')'; haproxy refuses the line" : `'${name}' is not a field name (letters, digits, '_' and '-'); haproxy refuses the line` });
        i = close < 0 ? text.length : close + 1;
        continue;
      }
      next = close + 1;
      if (next >= text.length) return [...reports, { range: at(i, text.length), message: `'${text.slice(i)}' names a field but no variable follows; haproxy refuses the line` }];
    }
    if (text[next] === "{") {
      const close = text.indexOf("}", next);
      if (close < 0) return [...reports, { range: at(i, text.length), message: "'%{' is not closed by '}'" }];
      next = close + 1;
      if (text[next] !== "[" && !isAlnum(text[next])) {
        reports.push({ range: at(i, next), message: `the flags '${text.slice(i, next)}' are not followed by a variable` });
        i = next;
        continue;
      }
    }
    if (text[next] === "[") {
      const close = text.indexOf("]", next);
      if (close < 0) return [...reports, { range: at(i, text.length), message: "'%[' is not closed by ']'" }];
      const missing = missingName(text, next + 1, close);
      if (missing === "fetch") reports.push({ range: at(i, close + 1), message: `'${text.slice(i, close + 1)}' holds no sample fetch where one must start; haproxy refuses the line` });
      else if (missing !== undefined) reports.push({ range: at(missing, missing + 1), message: `no converter name after this ',' before ']'; haproxy refuses the line (it reads an empty converter name)` });
      i = close + 1;
      continue;
    }
    let end = next;
    while (isAlnum(text[end])) end++;
    if (end === next) {
      // haproxy refuses a '%' at the end, or before a blank or a digit; before anything else it drops
      // the '%' and logs the rest as text (measured on 2.6.12, 3.0.11 and 3.2.26: `%-x`, `%.x`, `%)` pass).
      const refusedHere = next >= text.length || text[next] === " " || text[next] === "\t";
      const message = next >= text.length
        ? "a '%' ends this log-format string; write '%%' for a percent sign"
        : refusedHere
          ? `'%' followed by '${text[next]}' starts no variable; write '%%' for a percent sign`
          : `'%' followed by '${text[next]}' starts no variable: haproxy drops the '%' and logs '${text[next]}' as text; write '%%' for a percent sign`;
      reports.push({ range: at(i, Math.min(next + 1, text.length)), message, ...(refusedHere ? {} : { severity: "warning" as const }) });
      i = next;
      continue;
    }
    const name = text.slice(next, end);
    used?.push({ name, from: i, to: end });
    if (!variables.includes(name)) {
      const candidates = suggest(name, variables);
      const range = at(next, end);
      reports.push({ range, message: `'%${name}' is not a log-format variable${didYouMean(candidates.map((c) => `%${c}`))}`, ...replacementFixes(range, candidates) });
    }
    i = end;
  }
  return reports;
}

/** The words of a statement that are log-format strings. */
export function formatWords(keyword: string, ruleSet: string | undefined, args: readonly Word[]): readonly Word[] {
  if (FORMAT_KEYWORDS.has(keyword)) return args;
  // haproxy reads every use_backend name as a log format, in whatever proxy (measured on 2.6.12, 3.0.11
  // and 3.2.26: `use_backend be_%[req.hdr(host) if TRUE` is "failed to parse use_backend rule … missing
  // ']'", in a backend too, which otherwise ignores the rule; the fifteenth mutation round).
  if (keyword === "use_backend") return args[0] && !/^(?:if|unless)$/.test(args[0].value) ? [args[0]] : [];
  if (!ruleSet || !args[0]) return [];
  const action = args[0].value.replace(/\(.*$/, "");
  // The tcp rule sets' set-var-fmt reads a log format too (measured on 2.6.12: `tcp-request content
  // set-var-fmt(txn.x) "%[]"` is "missing fetch method", `%zz` "no such format variable").
  if (ruleSet.startsWith("tcp-")) return action === "set-var-fmt" && args[1] && !/^(?:if|unless)$/.test(args[1].value) ? [args[1]] : [];
  if (!ruleSet.startsWith("http-")) return [];
  const words: Word[] = [];
  const index = FORMAT_ACTIONS[action];
  if (index !== undefined && args[index] && !/^(?:if|unless)$/.test(args[index]!.value)) words.push(args[index]!);
  for (let i = 1; i + 1 < args.length; i++) if (FORMAT_OPTIONS.has(args[i]!.value)) words.push(args[i + 1]!);
  // `return … hdr NAME FMT`: each header's value is a log format (measured on 2.6.12: `hdr x "%[]"` is "missing fetch method").
  if (action === "return") for (let i = 1; i + 2 < args.length; i++) if (args[i]!.value === "hdr") words.push(args[(i += 2)]!);
  return words;
}

/**
 * Variables haproxy 2.6.12 reserves for HTTP mode: a proxy in mode tcp refuses a log format with one
 * ("format variable 'r' is reserved for HTTP mode"; each variable tried). Its captured headers
 * (`%hr`, `%hs`) are not.
 */
const HTTP_ONLY: ReadonlySet<string> = new Set(["r", "HM", "HP", "HPO", "HQ", "HU", "HV", "CC", "CS", "Tq", "TR", "Tr", "Ti", "Ta", "tr", "trg", "trl"]);

/**
 * The proxy in mode tcp that reads a log format written in `section`: itself (a frontend or listen),
 * or for a defaults section the first frontend or listen that inherits the keyword. A backend's log
 * format is not read; a proxy that switches to HTTP (`switch-mode http`) is left alone.
 */
function tcpReader(model: HaproxyModel, section: SectionModel, keyword: string): SectionModel | undefined {
  const inTcp = (proxy: SectionModel) => model.mode(proxy).mode === "tcp" && !model.keywordIn(proxy, "tcp-request").some((s) => s.args[0]?.value === "content" && s.args[1]?.value === "switch-mode");
  if (section.type === "frontend" || section.type === "listen") return inTcp(section) ? section : undefined;
  if (section.type !== "defaults") return undefined;
  return model.sectionsOfType("frontend", "listen").find((proxy) => model.defaultsChain(proxy)[0] === section && model.keywordIn(proxy, keyword).length === 0 && inTcp(proxy));
}

export const logFormat: HaproxyRule = {
  meta: {
    id: "HA063",
    alias: "log-format",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a log-format string haproxy cannot parse (an unknown %variable, a stray %, an unclosed %[ or %{)",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    const variables = model.version === "2.6" ? VARIABLES_2_6 : [...VARIABLES_2_6, ...LATER];
    const named = compareVersions(model.version, "3.0") >= 0;
    for (const { section, reading } of model.mentioning("%")) {
      if (reading.kind !== "known") continue;
      const keyword = reading.match.keyword.name;
      if (formatNeverParsed(model, section, keyword)) continue;
      for (const word of formatWords(keyword, reading.match.keyword.actions, reading.args)) {
        if (!word.value.includes("%") || word.value.includes("${")) continue;
        const used: Used[] = [];
        for (const found of check(word, variables, named, used)) report({ uri: section.uri, ...found });
        const http = FORMAT_KEYWORDS.has(keyword) ? used.find((variable) => HTTP_ONLY.has(variable.name)) : undefined;
        const reader = http && tcpReader(model, section, keyword);
        if (!http || !reader) continue;
        // 3.0.11 and 3.2.26 take the line (measured, with a log target): the variable then logs nothing useful.
        const refused = model.version === "2.6";
        report({
          uri: section.uri,
          range: rangeInWord(word, http.from, http.to),
          ...(refused ? {} : { severity: "warning" as const }),
          message: refused
            ? `'%${http.name}' is an HTTP variable, and ${describe(reader)} is in mode tcp: haproxy refuses this ${keyword} ("reserved for HTTP mode")`
            : `'%${http.name}' is an HTTP variable, and ${describe(reader)} is in mode tcp, where it has nothing to log (haproxy 2.6 refused it; 3.0 and later take it)`,
        });
      }
    }
  },
};
