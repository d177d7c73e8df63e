// The regular expressions of a haproxy line, where haproxy compiles them with PCRE: ACL patterns
// matched as regexes (`_reg` fetches, `-m reg`), the `regsub` converter, `replace-header|value|
// path|pathq|uri` actions, `http-check|tcp-check expect rstring|rstatus|rbinary` (and `-m reg` of
// `http-check expect hdr`) and an fcgi-app's
// `path-info`. Read by HA047 and HA082.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import { HAS_PAREN, searchFor, type HaproxyModel, type Placed } from "./model.js";
import { rangeInWord } from "./options.js";
import { argumentValue, converterCalls, readCriterion } from "./sample-expr.js";
import { aclWordLists } from "./unanchored-host-regex.js";

/** The words that lines holding a regex mention (see `mentioning`). */
const REGEX_MENTIONS = ["reg", "replace-", "rstring", "rstatus", "rbinary", "path-info"];
searchFor(...REGEX_MENTIONS);

/** Actions whose first argument after the action (or after a header name) is a regex. */
const REPLACE_ACTIONS: Readonly<Record<string, number>> = {
  "replace-header": 2,
  "replace-value": 2,
  "replace-path": 1,
  "replace-pathq": 1,
  "replace-uri": 1,
};

export interface RegexCandidate {
  readonly pattern: string;
  readonly range: Range;
  readonly ignoreCase: boolean;
  /** Where it stands: haproxy compiles ACL patterns without capturing groups (PCRE2_NO_AUTO_CAPTURE). */
  readonly source: "acl" | "action" | "check" | "regsub";
}

/** Keywords whose lines may hold a regex outside ACLs and `regsub`. */
const REGEX_KEYWORDS: ReadonlySet<string> = new Set(["http-request", "http-response", "http-after-response", "http-check", "tcp-check"]);

export function regexCandidates(placed: Placed): RegexCandidate[] {
  const { statement } = placed;
  const found: RegexCandidate[] = [];
  const whole = (word: Word, source: RegexCandidate["source"], ignoreCase = false) => found.push({ pattern: word.value, range: word.range, ignoreCase, source });

  for (const words of aclWordLists(statement)) {
    const criterion = readCriterion(words);
    if (criterion?.method === "reg") for (const pattern of criterion.patterns) whole(pattern, "acl", criterion.ignoreCase);
  }

  const keyword = statement.keyword.value;
  const args = statement.args;
  if (keyword === "http-request" || keyword === "http-response" || keyword === "http-after-response") {
    const offset = REPLACE_ACTIONS[args[0]?.value ?? ""];
    const word = offset === undefined ? undefined : args[offset];
    if (word) whole(word, "action");
  }
  if ((keyword === "http-check" || keyword === "tcp-check") && args[0]?.value === "expect") {
    // `tcp-check expect rbinary` compiles its pattern too (measured on 2.6.12, 3.0.11 and 3.2.26:
    // "regex '(' is invalid"), and so does `http-check expect hdr|fhdr name -m reg N [value -m reg V]`.
    const at = args.findIndex((w) => w.value === "rstring" || w.value === "rstatus" || (keyword === "tcp-check" && w.value === "rbinary"));
    const word = at > 0 ? args[at + 1] : undefined;
    if (word) whole(word, "check");
    const header = keyword === "http-check" ? args.findIndex((w) => w.value === "hdr" || w.value === "fhdr") : -1;
    for (let i = header + 1; header > 0 && i + 3 < args.length; i++) {
      if ((args[i]!.value === "name" || args[i]!.value === "value") && args[i + 1]!.value === "-m" && args[i + 2]!.value === "reg") whole(args[i + 3]!, "check");
    }
  }

  // An fcgi-app's `path-info REGEX` (measured: "regex '(' is invalid").
  if (keyword === "path-info" && args[0]) whole(args[0], "action");

  // regsub(<regex>,<subst>[,<flags>]) anywhere a sample expression is written.
  if (!placed.mayHold(HAS_PAREN)) return found;
  const words = [...args, ...(statement.condition?.expression?.alternatives.flatMap((a) => a.terms.flatMap((t) => (t.kind === "anonymous-acl" ? t.words : []))) ?? [])];
  for (const word of words) {
    for (const call of converterCalls(word.value, /^regsub$/)) {
      const regex = call.args[0];
      // The regex as haproxy compiles it: quotes off, its own escapes read (see argumentValue).
      const pattern = regex && argumentValue(regex.text);
      if (!regex || !pattern) continue;
      found.push({ pattern, range: rangeInWord(word, regex.start, regex.end), ignoreCase: (call.args[2]?.text ?? "").includes("i"), source: "regsub" });
    }
  }
  return found;
}

/**
 * The regexes of a configuration's proxies, line by line: only the lines that can hold one (`_reg`
 * or `-m reg` criteria, `regsub`, `replace-*` actions, `rstring` and `rstatus` expectations).
 */
export function regexesOf(model: HaproxyModel): { placed: Placed; candidates: RegexCandidate[] }[] {
  const found: { placed: Placed; candidates: RegexCandidate[] }[] = [];
  for (const placed of model.mentioning(...REGEX_MENTIONS)) {
    const { statement, section, keyword } = placed;
    if (!section.isProxy && !(section.type === "fcgi-app" && keyword === "path-info")) continue;
    if (keyword !== "acl" && statement.condition === undefined && !REGEX_KEYWORDS.has(keyword) && !placed.mayHold(HAS_PAREN)) continue;
    const candidates = regexCandidates(placed);
    if (candidates.length > 0) found.push({ placed, candidates });
  }
  return found;
}
