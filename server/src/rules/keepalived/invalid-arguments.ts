// KA003: a keyword with too few words after it, or a value keepalived cannot use (`state master`,
// `priority 300`, `virtual_router_id abc`). keepalived logs the problem and falls back to a
// default or skips the setting, so the instance runs with something else than what is written.
import type { KeepalivedRule, Report } from "../../lint/rule.js";
import type { KeepalivedKeyword } from "../../facts/types.js";
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { isIp, parseShape, type Shape } from "../../facts/shapes.js";
import { replacementFixes } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import { isVariable, keywordStatements, linesByReading, readingOfLines, wordCounts, type KeywordReading } from "./keywords.js";
import { gluedCommand, isCommand, readArguments } from "./arguments.js";
import { namedOptionReports } from "./named-options.js";
import { wordValueReports } from "./word-values.js";
import { CARRIES_ON_WITHOUT_VALUE, CARRIES_ON_WITHOUT_VALUE_2_3, DECIMAL_PLACES, LATER_DECIMAL_PLACES, MEASURED_RANGES, SILENT_WITHOUT_NAME, SILENT_WITHOUT_VALUE, SKIPPED_WITHOUT_NAME } from "./numbers.js";
import { KEEPALIVED_VARIABLE } from "../../facts/shapes.js";
import { compareVersions } from "../../facts/versions.js";
import { pastedCharacterReports } from "./pasted-characters.js";
import { addressAsRead } from "./ip.js";
import type { KeepalivedModel } from "./model.js";

/** Shapes of the keywords keepalived reads with inet_stosockaddr (see `addressAsRead`). */
const ADDRESS_KINDS = new Set(["ip", "ip4", "ip6", "cidr"]);

/**
 * Shapes later releases read differently from 2.2.7, whose shapes the tables hold: keepalived 2.3.3
 * takes a vrrp_script `interval` and `timeout` in fractions of a second, 0.001 to 4294 (2.2.7: a whole
 * number from 1, "invalid number '.2'", "vrrp script timeout '1.5' invalid"; 2.3.3 answers `timeout 0.5`
 * and `timeout .5` with nothing, `timeout 4294.5` with "outside range [0.000, 4294.000]", `timeout 0` with
 * "must be greater than 0"); the current manual says <DECIMAL> too.
 */
const LATER_SHAPES: Readonly<Record<string, { readonly since: string; readonly shape: string }>> = {
  "vrrp_script interval": { since: "2.3", shape: "number:0.001..4294" },
  "vrrp_script timeout": { since: "2.3", shape: "number:0.001..4294" },
};

/** The first value's shape at `version`. */
function shapeAt(shapeText: string, block: string, keyword: string, version: string): string {
  const later = LATER_SHAPES[`${block} ${keyword}`];
  return later && compareVersions(version, later.since) >= 0 ? later.shape : measuredShape(shapeText, block, keyword);
}

/** The decimal places keepalived keeps of the first value at `version`, or undefined where it takes no fraction. */
function placesAt(block: string, keyword: string, version: string): number | undefined {
  const key = `${block} ${keyword}`;
  const later = LATER_SHAPES[key];
  if (later && compareVersions(version, later.since) >= 0) return LATER_DECIMAL_PLACES[key];
  const places = DECIMAL_PLACES[key] ?? 6;
  return places > 0 ? places : undefined;
}

/**
 * A number with more decimal places than keepalived keeps: it says "number '1.0000001' has too many
 * decimal places" and reads the value rounded at the last place it keeps (by the next digit alone:
 * `1.0000005` is 1.000001, `1.00000049` is 1.000000; measured on 2.2.7 and 2.3.3).
 */
function tooManyPlaces(value: string, places: number): string | undefined {
  const match = /^\+?(\d*)\.(\d+)$/.exec(value);
  if (!match || match[2]!.length <= places) return undefined;
  const [, whole = "", fraction = ""] = match;
  const scaled = BigInt(`${whole || "0"}${fraction.slice(0, places)}`) + (fraction[places]! >= "5" ? 1n : 0n);
  const digits = scaled.toString().padStart(places + 1, "0");
  return `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
}

/** A number's shape with the range keepalived holds it to (numbers.ts) where the tables give none. */
function measuredShape(shapeText: string, block: string, keyword: string): string {
  if (shapeText !== "int" && shapeText !== "number") return shapeText;
  const range = MEASURED_RANGES[`${block} ${keyword}`];
  if (range?.startsWith("int:")) return range;
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
  if (block ? SKIPPED_WITHOUT_NAME.has(key) : CARRIES_ON_WITHOUT_VALUE.has(key) || CARRIES_ON_WITHOUT_VALUE_2_3.has(key)) {
    return { reported: true, consequence: block ? "keepalived reports it and skips the whole block" : "keepalived reports it and skips the line" };
  }
  return { reported: true, consequence: "keepalived reports a missing parameter and exits without reading further" };
}

/** What KA003 checks on the lines of one known reading. */
interface Plan {
  readonly keyword: KeepalivedKeyword;
  readonly min: number;
  /** Only commands group several words into one argument; other keywords take one word each. */
  readonly command: boolean;
  /** The shape of each listed value, parsed once; undefined where there is none or any value fits. */
  readonly checked: readonly (Shape | undefined)[];
  /** The decimal places keepalived keeps of the first value, where it takes a fraction. */
  readonly places: number | undefined;
  /** The shape of every value beyond the listed ones. */
  readonly restShape: Shape | undefined;
  /** Without groups (a command) and with no shape to check, only the count can be wrong. */
  readonly onlyCount: boolean;
  /** `emptied`: why the value is missing when the line has words (an empty-defined name). */
  reportMissing(statement: Statement, uri: string, name: string, emptied?: string): void;
}

/** The plan of a reading whose lines KA003 checks (keyword `name`), or undefined. */
function planFor(reading: KeywordReading, name: string, version: string, report: (report: Report) => void): Plan | undefined {
  if (reading.kind !== "known" || !reading.keyword.args) return undefined;
  const { min, shapes = [], rest } = reading.keyword.args;
  const command = isCommand(reading.keyword);
  // The lines of a known reading share their keyword, hence the first value's shape.
  const firstShape = shapes[0] ? shapeAt(shapes[0], reading.block.id, name, version) : undefined;
  const checked: (Shape | undefined)[] = [];
  for (let index = 0; index < shapes.length; index++) checked.push(checkedShape(index === 0 && firstShape ? firstShape : shapes[index]));
  const restShape = checkedShape(rest);
  const places = checked[0]?.kind === "number" ? placesAt(reading.block.id, name, version) : undefined;
  return {
    keyword: reading.keyword,
    min,
    command,
    checked,
    places,
    restShape,
    onlyCount: !command && restShape === undefined && checked.every((shape) => shape === undefined),
    reportMissing(statement, uri, name, emptied = "") {
      const first = shapes[0] ? parseShape(shapes[0]) : undefined;
      const expected = first?.values ? ` (${first.values.join(" or ")})` : "";
      const without = consequenceWithout(`${reading.block.id} ${name}`, Boolean(reading.keyword.block));
      report({
        uri,
        range: statement.keyword.range,
        ...(without.reported ? {} : { severity: "warning" as const }),
        message: min === 1 ? `'${name}' needs a value${expected}${emptied}; ${without.consequence}` : `'${name}' needs at least ${min} values${emptied}; ${without.consequence}`,
      });
    },
  };
}

/** A command glued to its keyword by a quote (`notify_master"/bin/x.sh"`): keepalived reads one word, and no command or the next word's. */
function reportGlued(statement: Statement, uri: string, name: string, report: (report: Report) => void): void {
  const [first, ...rest] = statement.args;
  const joined = `${name}${first!.value}`;
  const runs = rest.length === 0 ? `so '${name}' has no command (keepalived -t reports it)` : `and runs '${rest.map((word) => word.text).join(" ")}' instead`;
  report({
    uri,
    range: { start: statement.keyword.range.start, end: first!.range.end },
    message: `keepalived's script reader takes '${name}${first!.text}' for one word, '${joined}', ${runs}; put a blank before the quote`,
    fix: { description: "put a blank before the quote", edits: [{ start: first!.range.start.offset, end: first!.range.start.offset, newText: " " }] },
  });
}

/**
 * The names every `$NAME=` of the configuration defines empty (`$VAL=`), with the first such
 * definition's line: a word that is only such a name is replaced by nothing, so keepalived 2.2.7 and
 * 2.3.3 find no value there ("is missing a parameter after keyword `priority`", and stop reading).
 */
function emptyDefinitions(model: KeepalivedModel): Map<string, number> {
  const empty = new Map<string, number>();
  const filled = new Set<string>();
  for (const step of model.reading) {
    const item = step.item;
    if (item.kind !== "definition") continue;
    if (item.value.trim() === "" && !item.multiline) {
      if (!empty.has(item.name)) empty.set(item.name, item.range.start.line);
    } else filled.add(item.name);
  }
  for (const name of filled) empty.delete(name);
  return empty;
}

/** How many words of a line are one empty-defined name alone (`$VAL`, `${VAL}`), and the first of them. */
function emptyWords(statement: Statement, empty: ReadonlyMap<string, number>): { count: number; first?: string } {
  let count = 0;
  let first: string | undefined;
  for (let index = 1; index < statement.wordCount; index++) {
    const text = statement.wordText(index)!;
    const name = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$/.exec(text);
    if (name && empty.has(name[1] ?? name[2]!)) {
      count++;
      first ??= text;
    }
  }
  return { count, first };
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
    const definitions = variables && model.definesVariables();
    const counts = wordCounts(model);
    const groups = linesByReading(model);
    const { ids, readings } = readingOfLines(model);
    // What to check for the lines of each reading, worked out once per reading.
    const plans = readings.map((reading) => planFor(reading, lines[groups.get(reading)![0]!]!.keyword, model.version, report));
    const empty = definitions ? emptyDefinitions(model) : undefined;
    // The lines in order: most are checked, and they lie in memory in this order.
    for (let i = 0; i < lines.length; i++) {
      const plan = plans[ids[i]!];
      if (plan === undefined) continue;
      if (empty !== undefined && empty.size > 0 && plan.min > 0 && !plan.command) {
        const { statement, uri, keyword: name } = lines[i]!;
        const blank = emptyWords(statement, empty);
        if (blank.count > 0 && counts[i]! - 1 - blank.count < plan.min) {
          const defined = empty.get(blank.first!.replace(/[${}]/g, ""))!;
          plan.reportMissing(statement, uri, name, ` ('${blank.first}' is defined empty, line ${defined + 1}, and keepalived reads the line without it)`);
          continue;
        }
      }
      // Only the lines with too few words, for a count (a line has at least its keyword).
      if (plan.onlyCount && (plan.min <= 0 || counts[i]! - 1 >= plan.min)) continue;
      const { statement, uri, keyword: name } = lines[i]!;
      if (plan.onlyCount) {
        plan.reportMissing(statement, uri, name);
        continue;
      }
      if (plan.command && gluedCommand(statement)) {
        reportGlued(statement, uri, name, report);
        continue;
      }
      const argGroups = plan.command ? readArguments(statement, plan.keyword).groups : undefined;
      // Without groups the words are read from the table, and made only for a problem.
      const count = argGroups ? argGroups.length : counts[i]! - 1;
      if (count < plan.min) {
        plan.reportMissing(statement, uri, name);
        continue;
      }
      const { checked, restShape } = plan;
      for (let index = 0; index < count; index++) {
        const shape = index < checked.length ? checked[index] : restShape;
        if (!shape || (argGroups && argGroups[index]!.length > 1)) continue;
        const value = argGroups ? argGroups[index]![0]!.value : statement.wordValue(index + 1)!;
        // Without any definition keepalived substitutes nothing: an unbraced `$NAME` is read as written.
        const literal = !definitions && !value.includes("${");
        if (variables && !literal && isVariable(argGroups ? argGroups[index]![0]! : statement.args[index]!)) continue;
        // A value holding a variable is known only at run time (as checkShape).
        // keepalived checks the range of the value it rounded (`timeout 0.0005` is 0.001 at 2.3.3).
        const rounded = index === 0 && plan.places !== undefined && value.includes(".") ? tooManyPlaces(value, plan.places) : undefined;
        const problem = !literal && value.includes("$") && KEEPALIVED_VARIABLE.test(value) ? undefined : shape.check(rounded ?? value, "keepalived");
        if (rounded !== undefined) {
          const word = argGroups ? argGroups[index]![0]! : statement.args[index]!;
          report({
            uri,
            range: word.range,
            severity: "warning",
            message: `'${word.value}' has more decimal places than keepalived keeps for '${name}' (${plan.places}); it reports "too many decimal places" and reads ${rounded}`,
            ...(problem ? {} : { fix: { description: `use ${rounded}`, edits: [{ start: word.range.start.offset, end: word.range.end.offset, newText: rounded }] } }),
          });
        }
        if (!problem) continue;
        const word = argGroups ? argGroups[index]![0]! : statement.args[index]!;
        // keepalived 2.2.7 reads these addresses up to a `-` or a `/` and drops the rest without a
        // word (`connect_ip 10.0.0.1/24`, `real_server 10.0.0.2-5 80`; measured by
        // test/rules/KA003-values-oracle.test.ts): worth a look, not an error. What is left must be
        // an address (`10.0.0.5/-1` is cut to `10.0.0.5/`: "malformed src address").
        const asRead = ADDRESS_KINDS.has(shape.kind) ? addressAsRead(word.value) : undefined;
        if (asRead && isIp(asRead.address) && !shape.check(asRead.address, "keepalived")) {
          const what = asRead.range
            ? `is read as ${asRead.address}: '${name}' takes one address, not a range, and keepalived drops '${asRead.dropped}'`
            : shape.kind === "cidr"
              ? `${problem} for '${name}'`
              : `has a prefix length, which '${name}' does not take`;
          report({ uri, range: word.range, severity: "warning", message: `'${word.value}' ${what}; keepalived -t says nothing about it` });
          continue;
        }
        const candidates = shape.values ? suggest(word.value, shape.values, 1) : [];
        // `state $state` from a shell heredoc or an envsubst template: say why it is read as written.
        const unsubstituted = literal && KEEPALIVED_VARIABLE.test(value) ? "; keepalived reads it as written, as no '$NAME=' line defines a variable (a template tool must fill it in first)" : "";
        report({
          uri,
          range: word.range,
          message: `'${word.value}' ${problem} for '${name}'${unsubstituted}`,
          ...replacementFixes(word.range, candidates),
        });
      }
    }
    namedOptionReports(model, report);
    wordValueReports(model, report);
    pastedCharacterReports(model, report);
  },
};
