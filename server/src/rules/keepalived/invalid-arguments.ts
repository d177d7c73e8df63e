// KA003: a keyword with too few words after it, or a value keepalived cannot use (`state master`,
// `priority 300`, `virtual_router_id abc`). keepalived logs the problem and falls back to a
// default or skips the setting, so the instance runs with something else than what is written.
import type { KeepalivedRule } from "../../lint/rule.js";
import { checkShape, isIp, parseShape } from "../../facts/shapes.js";
import { replacementFixes } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import { isVariable, keywordStatements, linesByReading } from "./keywords.js";
import { isCommand, readArguments } from "./arguments.js";
import { namedOptionReports } from "./named-options.js";
import { wordValueReports } from "./word-values.js";
import { CARRIES_ON_WITHOUT_VALUE, MEASURED_RANGES, SILENT_WITHOUT_NAME, SILENT_WITHOUT_VALUE, SKIPPED_WITHOUT_NAME } from "./numbers.js";

/** A number's shape with the range keepalived holds it to (numbers.ts) where the tables give none. */
function measuredShape(shapeText: string, block: string, keyword: string): string {
  if (shapeText !== "int" && shapeText !== "number") return shapeText;
  const range = MEASURED_RANGES[`${block} ${keyword}`];
  return range ? `${shapeText}:${range}` : shapeText;
}

/** What keepalived 2.2.7 does with a keyword written without its value (measured, numbers.ts). */
function consequenceWithout(key: string, block: boolean): { reported: boolean; consequence: string } {
  if (block ? SILENT_WITHOUT_NAME.has(key) : SILENT_WITHOUT_VALUE.has(key)) {
    return { reported: false, consequence: block ? "keepalived -t says nothing about it" : "keepalived -t says nothing and skips the line, so the setting keeps its default" };
  }
  if (block ? SKIPPED_WITHOUT_NAME.has(key) : CARRIES_ON_WITHOUT_VALUE.has(key)) {
    return { reported: true, consequence: block ? "keepalived reports it and skips the whole block" : "keepalived reports it and skips the line" };
  }
  return { reported: true, consequence: "keepalived reports a missing parameter and exits without reading further" };
}

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
    const lines = keywordStatements(model);
    // Without a `$` anywhere no word is a variable.
    const variables = model.textHolds("$");
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "known" || !reading.keyword.args) continue;
      const { min, shapes = [], rest } = reading.keyword.args;
      // Only commands group several words into one argument; other keywords take one word each.
      const command = isCommand(reading.keyword);
      // The lines of a known reading share their keyword, hence the first value's shape.
      const firstShape = shapes[0] ? measuredShape(shapes[0], reading.block.id, lines[indexes[0]!]!.keyword) : undefined;
      for (const i of indexes) {
        const { statement, uri, keyword: name } = lines[i]!;
        const groups = command ? readArguments(statement, reading.keyword).groups : undefined;
        // Without groups the words are read from the table, and made only for a problem.
        const count = groups ? groups.length : statement.wordCount - 1;
        if (count < min) {
          const first = shapes[0] ? parseShape(shapes[0]) : undefined;
          const expected = first?.values ? ` (${first.values.join(" or ")})` : "";
          const without = consequenceWithout(`${reading.block.id} ${name}`, Boolean(reading.keyword.block));
          report({
            uri,
            range: statement.keyword.range,
            ...(without.reported ? {} : { severity: "warning" as const }),
            message: min === 1 ? `'${name}' needs a value${expected}; ${without.consequence}` : `'${name}' needs at least ${min} values; ${without.consequence}`,
          });
          continue;
        }
        for (let index = 0; index < count; index++) {
          const shapeText = index === 0 && firstShape ? firstShape : (shapes[index] ?? rest);
          if (!shapeText || (groups && groups[index]!.length > 1)) continue;
          if (variables && isVariable(groups ? groups[index]![0]! : statement.args[index]!)) continue;
          const problem = checkShape(shapeText, groups ? groups[index]![0]!.value : statement.wordValue(index + 1)!, "keepalived");
          if (!problem) continue;
          const word = groups ? groups[index]![0]! : statement.args[index]!;
          const shape = parseShape(shapeText);
          // keepalived 2.2.7 takes an address with a prefix length where it wants a plain one
          // (`connect_ip 10.0.0.1/24`), or with one too long, and says nothing (measured by
          // test/rules/KA003-values-oracle.test.ts): worth a look, not an error. A `-` is read as
          // an address range, which these keywords do not take ("malformed src address[10.0.0.5/-1]").
          if ((shape.kind === "ip" || shape.kind === "cidr") && word.value.includes("/") && !word.value.includes("-") && isIp(word.value.slice(0, word.value.indexOf("/")))) {
            const what = shape.kind === "ip" ? `has a prefix length, which '${name}' does not take` : `${problem} for '${name}'`;
            report({ uri, range: word.range, severity: "warning", message: `'${word.value}' ${what}; keepalived -t says nothing about it` });
            continue;
          }
          const candidates = shape.values ? suggest(word.value, shape.values, 1) : [];
          report({
            uri,
            range: word.range,
            message: `'${word.value}' ${problem} for '${name}'`,
            ...replacementFixes(word.range, candidates),
          });
        }
      }
    }
    namedOptionReports(model, report);
    wordValueReports(model, report);
  },
};
