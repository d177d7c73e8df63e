// KA003: a keyword with too few words after it, or a value keepalived cannot use (`state master`,
// `priority 300`, `virtual_router_id abc`). keepalived logs the problem and falls back to a
// default or skips the setting, so the instance runs with something else than what is written.
import type { KeepalivedRule } from "../../lint/rule.js";
import { checkShape, parseShape } from "../../facts/shapes.js";
import { replacementFixes } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import { isVariable, keywordStatements, readKeyword } from "./keywords.js";
import { readArguments } from "./arguments.js";

export const invalidArguments: KeepalivedRule = {
  meta: {
    id: "KA003",
    alias: "invalid-arguments",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a keyword with a missing or invalid value",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const { statement, uri, blockId } of keywordStatements(model)) {
      const reading = readKeyword(statement, blockId);
      if (reading.kind !== "known" || !reading.keyword.args) continue;
      const { min, shapes = [], rest } = reading.keyword.args;
      const name = statement.keyword.value;
      const { groups } = readArguments(statement, reading.keyword);
      if (groups.length < min) {
        const first = shapes[0] ? parseShape(shapes[0]) : undefined;
        const expected = first?.values ? ` (${first.values.join(" or ")})` : "";
        report({
          uri,
          range: statement.keyword.range,
          message: min === 1 ? `'${name}' needs a value${expected}; keepalived skips it without one` : `'${name}' needs at least ${min} values; keepalived skips it without them`,
        });
        continue;
      }
      groups.forEach((group, index) => {
        const shapeText = shapes[index] ?? rest;
        const word = group[0]!;
        if (!shapeText || group.length > 1 || isVariable(word)) return;
        const problem = checkShape(shapeText, word.value, "keepalived");
        if (!problem) return;
        const shape = parseShape(shapeText);
        const candidates = shape.values ? suggest(word.value, shape.values, 1) : [];
        report({
          uri,
          range: word.range,
          message: `'${word.value}' ${problem} for '${name}'`,
          ...replacementFixes(word.range, candidates),
        });
      });
    }
  },
};
