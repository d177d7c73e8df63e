// HA047: regular expressions that a backtracking engine can need exponential time for (see
// regex-ambiguity.ts). Measured with haproxy 2.6.12 and PCRE2 10.42 (JIT): the search does not hang,
// because PCRE2 gives up at its match limit, but haproxy then treats the regex as not matching:
// `hdr_reg(x) ^(a|a)*c|^a*b$` matches `aaa…ab` with 20 a's and silently fails from 25 on. A deny
// rule on such a regex can be bypassed with a long input, an allow rule fails for real users.
// Looked at: ACL patterns matched as regexes (`_reg` fetches, `-m reg`), the `regsub` converter,
// `replace-header|value|path|pathq|uri` actions and `http-check|tcp-check expect rstring|rstatus`.
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { analyzeRegex } from "./regex-ambiguity.js";
import { regexesOf } from "./regex-candidates.js";

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
    for (const { placed, candidates } of regexesOf(model)) {
      const { section } = placed;
      for (const candidate of candidates) {
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
