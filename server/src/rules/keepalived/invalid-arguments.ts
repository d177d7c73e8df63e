// KA003: a keyword with too few words after it, or a value keepalived cannot use (`state master`,
// `priority 300`, `virtual_router_id abc`). keepalived logs the problem and falls back to a
// default or skips the setting, so the instance runs with something else than what is written.
import type { KeepalivedRule } from "../../lint/rule.js";
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { isIp, parseShape, type Shape } from "../../facts/shapes.js";
import { replacementFixes } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import { isVariable, keywordStatements, linesByReading } from "./keywords.js";
import { isCommand, readArguments } from "./arguments.js";
import { namedOptionReports } from "./named-options.js";
import { CARRIES_ON_WITHOUT_VALUE, MEASURED_RANGES, SILENT_WITHOUT_NAME, SILENT_WITHOUT_VALUE, SKIPPED_WITHOUT_NAME } from "./numbers.js";

/** A number's shape with the range keepalived holds it to (numbers.ts) where the tables give none. */
function measuredShape(shapeText: string, block: string, keyword: string): string {
  if (shapeText !== "int" && shapeText !== "number") return shapeText;
  const range = MEASURED_RANGES[`${block} ${keyword}`];
  return range ? `${shapeText}:${range}` : shapeText;
}

/** The shape a value is checked against, or undefined when there is none or any value fits it. */
function checkedShape(text: string | undefined): Shape | undefined {
  if (!text) return undefined;
  const shape = parseShape(text);
  return shape.anyValue ? undefined : shape;
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
      const reportMissing = (statement: Statement, uri: string, name: string) => {
        const first = shapes[0] ? parseShape(shapes[0]) : undefined;
        const expected = first?.values ? ` (${first.values.join(" or ")})` : "";
        const without = consequenceWithout(`${reading.block.id} ${name}`, Boolean(reading.keyword.block));
        report({
          uri,
          range: statement.keyword.range,
          ...(without.reported ? {} : { severity: "warning" as const }),
          message: min === 1 ? `'${name}' needs a value${expected}; ${without.consequence}` : `'${name}' needs at least ${min} values; ${without.consequence}`,
        });
      };
      // The lines of a known reading share their keyword, hence the first value's shape.
      const firstShape = shapes[0] ? measuredShape(shapes[0], reading.block.id, lines[indexes[0]!]!.keyword) : undefined;
      // The reading's shapes, parsed once; a shape any value fits is left out, and its words are
      // not read. Beyond the listed shapes, every value has the rest's.
      const checked: (Shape | undefined)[] = [];
      for (let index = 0; index < shapes.length; index++) checked.push(checkedShape(index === 0 && firstShape ? firstShape : shapes[index]));
      const restShape = checkedShape(rest);
      // Without groups (a command) and with no shape to check, only the count can be wrong.
      const onlyCount = !command && restShape === undefined && checked.every((shape) => shape === undefined);
      for (let n = 0; n < indexes.length; n++) {
        const { statement, uri, keyword: name } = lines[indexes[n]!]!;
        if (onlyCount) {
          if (statement.wordCount - 1 < min) reportMissing(statement, uri, name);
          continue;
        }
        const groups = command ? readArguments(statement, reading.keyword).groups : undefined;
        // Without groups the words are read from the table, and made only for a problem.
        const count = groups ? groups.length : statement.wordCount - 1;
        if (count < min) {
          reportMissing(statement, uri, name);
          continue;
        }
        for (let index = 0; index < count; index++) {
          const shape = index < checked.length ? checked[index] : restShape;
          if (!shape || (groups && groups[index]!.length > 1)) continue;
          if (variables && isVariable(groups ? groups[index]![0]! : statement.args[index]!)) continue;
          const value = groups ? groups[index]![0]!.value : statement.wordValue(index + 1)!;
          // A value holding a variable is known only at run time (as checkShape).
          const problem = value.includes("$") ? undefined : shape.check(value, "keepalived");
          if (!problem) continue;
          const word = groups ? groups[index]![0]! : statement.args[index]!;
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
  },
};
