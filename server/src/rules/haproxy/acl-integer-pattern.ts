// HA064: a pattern that is not a number, for an ACL whose fetch gives an integer (`be_conn(b) gt
// abc`, `dst_port http`). haproxy 2.6.12 refuses it: "'abc' is not a number", "'abc' is neither a
// number nor a supported operator". Integers, ranges (`10:20`, `:20`, `10:`) and the operators eq,
// ge, gt, le and lt are what it takes. A fetch's type comes from haproxy's keyword dump; fetches
// followed by converters, and other matching methods than `-m int`, are left alone.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { rangeInWord } from "./options.js";
import { readCriterion } from "./sample-expr.js";

const OPERATORS = new Set(["eq", "ge", "gt", "le", "lt"]);
const INTEGER = /^(?:\d+|\d+:\d*|:\d+)$/;

function patternReports(words: readonly Word[]): Report[] {
  const criterion = readCriterion(words);
  if (!criterion || criterion.word.value.includes(",") || criterion.word.value.includes("$")) return [];
  if (criterion.method !== undefined && criterion.method !== "int") return [];
  if (criterion.base !== criterion.fetch && criterion.method !== "int") return [];
  if (haproxyFetch(criterion.fetch)?.output !== "sint") return [];
  const reports: Report[] = [];
  for (let i = 0; i < criterion.patterns.length; i++) {
    const pattern = criterion.patterns[i]!;
    if (OPERATORS.has(pattern.value) || INTEGER.test(pattern.value) || pattern.value.includes("$")) continue;
    const after = criterion.patterns[i - 1] && OPERATORS.has(criterion.patterns[i - 1]!.value);
    reports.push({
      range: rangeInWord(pattern, 0, pattern.value.length),
      message: `'${pattern.value}' is not ${after ? "a number" : "a number, a range or an operator"}, which '${criterion.fetch}' (an integer) is matched against`,
    });
  }
  return reports;
}

export const aclIntegerPattern: HaproxyRule = {
  meta: {
    id: "HA064",
    alias: "acl-integer-pattern",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "an ACL pattern that is not a number for a fetch that gives an integer",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { section, reading } of model.withKeyword("acl")) {
      if (reading.kind !== "known") continue;
      for (const found of patternReports(reading.args.slice(1))) report({ uri: section.uri, ...found });
    }
    const placedList = model.statements();
    for (let at = 0; at < placedList.length; at++) {
      const { statement, section } = placedList[at]!;
      // Anonymous ACLs stand in conditions; most lines have none, and asking is free.
      if (!statement.hasCondition) continue;
      for (const alternative of statement.condition?.expression?.alternatives ?? []) {
        for (const term of alternative.terms) {
          if (term.kind === "anonymous-acl") for (const found of patternReports(term.words)) report({ uri: section.uri, ...found });
        }
      }
    }
  },
};
