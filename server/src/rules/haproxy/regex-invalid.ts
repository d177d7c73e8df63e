// HA082: a regular expression PCRE cannot compile (regex-compile.ts): in an ACL pattern matched as
// a regex, a `replace-*` action, an `rstring`/`rstatus` expectation or `regsub(…)` (regex-candidates.ts).
// A `regsub` argument is judged as haproxy unescapes it first (`regsub(\d[,x)`: "error in regex '\d['
// in arg 1"; `regsub("(",x)`: "regex '('"; see argumentValue in sample-expr.ts).
// haproxy 2.6.12 refuses the line ("regex '^(a|b' is invalid (error=missing closing parenthesis,
// erroffset=5)", "failed to compile regex").
import { excerpt } from "../../../../grammars/common/excerpt.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { regexesOf } from "./regex-candidates.js";
import { regexError, type RegexError } from "./regex-compile.js";

export const regexInvalid: HaproxyRule = {
  meta: {
    id: "HA082",
    alias: "regex-invalid",
    product: "haproxy",
    severity: "error",
    category: "syntax",
    description: "a regular expression that PCRE cannot compile",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const once = new Map<string, RegexError | null>();
    for (const { placed, candidates } of regexesOf(model)) {
      for (const candidate of candidates) {
        const capturing = candidate.source !== "acl";
        const key = `${capturing ? "c" : "n"}${candidate.pattern}`;
        let found = once.get(key);
        if (found === undefined) once.set(key, (found = regexError(candidate.pattern, capturing) ?? null));
        if (!found) continue;
        report({
          uri: placed.section.uri,
          range: candidate.range,
          message: `the regular expression '${excerpt(candidate.pattern)}' does not compile: ${found.message} (at character ${found.at + 1}); haproxy refuses the line`,
        });
      }
    }
  },
};
