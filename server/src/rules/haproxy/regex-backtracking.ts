// HA047: regular expressions that a backtracking engine can need exponential time for (see
// regex-ambiguity.ts). Measured with haproxy 2.6.12 and PCRE2 10.42 (JIT): the search does not hang,
// because PCRE2 gives up at its match limit, but haproxy then treats the regex as not matching:
// `hdr_reg(x) ^(a|a)*c|^a*b$` matches `aaa…ab` with 20 a's and silently fails from 25 on. A deny
// rule on such a regex can be bypassed with a long input, an allow rule fails for real users.
// Looked at: ACL patterns matched as regexes (`_reg` fetches, `-m reg`), the `regsub` converter,
// `replace-header|value|path|pathq|uri` actions and `http-check|tcp-check expect rstring|rstatus`.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { HAS_PAREN, type Placed } from "./model.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import type { Range } from "../../../../grammars/common/text.js";
import { rangeInWord } from "./options.js";
import { analyzeRegex } from "./regex-ambiguity.js";
import { converterCalls, readCriterion } from "./sample-expr.js";
import { aclWordLists } from "./unanchored-host-regex.js";

/** Actions whose first argument after the action (or after a header name) is a regex. */
const REPLACE_ACTIONS: Readonly<Record<string, number>> = {
  "replace-header": 2,
  "replace-value": 2,
  "replace-path": 1,
  "replace-pathq": 1,
  "replace-uri": 1,
};

interface Candidate {
  readonly pattern: string;
  readonly range: Range;
  readonly ignoreCase: boolean;
}

/** Keywords whose lines may hold a regex outside ACLs and `regsub`. */
const REGEX_KEYWORDS: ReadonlySet<string> = new Set(["http-request", "http-response", "http-after-response", "http-check", "tcp-check"]);

function candidates(placed: Placed): Candidate[] {
  const { statement } = placed;
  const found: Candidate[] = [];
  const whole = (word: Word, ignoreCase = false) => found.push({ pattern: word.value, range: word.range, ignoreCase });

  for (const words of aclWordLists(statement)) {
    const criterion = readCriterion(words);
    if (criterion?.method === "reg") for (const pattern of criterion.patterns) whole(pattern, criterion.ignoreCase);
  }

  const keyword = statement.keyword.value;
  const args = statement.args;
  if (keyword === "http-request" || keyword === "http-response" || keyword === "http-after-response") {
    const offset = REPLACE_ACTIONS[args[0]?.value ?? ""];
    const word = offset === undefined ? undefined : args[offset];
    if (word) whole(word);
  }
  if ((keyword === "http-check" || keyword === "tcp-check") && args[0]?.value === "expect") {
    const at = args.findIndex((w) => w.value === "rstring" || w.value === "rstatus");
    const word = at > 0 ? args[at + 1] : undefined;
    if (word) whole(word);
  }

  // regsub(<regex>,<subst>[,<flags>]) anywhere a sample expression is written.
  if (!placed.mayHold(HAS_PAREN)) return found;
  const words = [...args, ...(statement.condition?.expression?.alternatives.flatMap((a) => a.terms.flatMap((t) => (t.kind === "anonymous-acl" ? t.words : []))) ?? [])];
  for (const word of words) {
    for (const call of converterCalls(word.value, /^regsub$/)) {
      const regex = call.args[0];
      if (!regex || regex.text === "") continue;
      found.push({ pattern: regex.text, range: rangeInWord(word, regex.start, regex.end), ignoreCase: (call.args[2]?.text ?? "").includes("i") });
    }
  }
  return found;
}

export const regexBacktracking: HaproxyRule = {
  meta: {
    id: "HA047",
    alias: "regex-backtracking",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a regular expression can match the same text in exponentially many ways, so PCRE gives up and haproxy treats it as not matching",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const once = new Map<string, boolean>();
    // Only the lines that can hold a regex: `_reg` or `-m reg` criteria, `regsub`, `replace-*`
    // actions, `rstring` and `rstatus` expectations.
    for (const placed of model.mentioning("reg", "replace-", "rstring", "rstatus")) {
      const { statement, section, keyword } = placed;
      if (!section.isProxy) continue;
      if (keyword !== "acl" && statement.condition === undefined && !REGEX_KEYWORDS.has(keyword) && !placed.mayHold(HAS_PAREN)) continue;
      for (const candidate of candidates(placed)) {
        const key = `${candidate.ignoreCase ? "i" : ""}/${candidate.pattern}`;
        let exponential = once.get(key);
        if (exponential === undefined) {
          exponential = analyzeRegex(candidate.pattern, candidate.ignoreCase)?.exponential ?? false;
          once.set(key, exponential);
        }
        if (!exponential) continue;
        const problem: Report = {
          uri: section.uri,
          range: candidate.range,
          message:
            "a repeated part of this regular expression can match the same text in more than one way: on a long input the search gives up at PCRE's limit and haproxy treats it as no match",
        };
        report(problem);
      }
    }
  },
};
