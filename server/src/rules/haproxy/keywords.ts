// What the keyword tables say about each haproxy statement, worked out once and shared by the
// keyword rules (unknown, wrong section, arguments, values, versions, options).
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { matchHaproxyKeyword, type HaproxyKeywordMatch } from "../../facts/haproxy.js";
import type { SectionModel } from "./model.js";

export type StatementReading =
  | {
      readonly kind: "known";
      readonly match: HaproxyKeywordMatch;
      /** The words after the keyword's own words, up to a condition. */
      readonly args: readonly Word[];
    }
  | { readonly kind: "unknown" }
  /** A keyword made of a variable, known only at run time: not judged. */
  | { readonly kind: "unjudged" };

const readings = new WeakMap<Statement, StatementReading>();

/** Whether a word holds something expanded at run time (`"${X}"`), so its value is not what haproxy reads. */
export function hasVariable(word: Word): boolean {
  return word.variables.length > 0;
}

export function readStatement(statement: Statement): StatementReading {
  let reading = readings.get(statement);
  if (reading) return reading;
  const words = [statement.keyword, ...statement.args];
  if (hasVariable(statement.keyword)) reading = { kind: "unjudged" };
  else {
    const match = matchHaproxyKeyword(words.map((word) => word.value));
    if (!match) reading = { kind: "unknown" };
    else {
      let args = words.slice(match.wordCount);
      // A keyword that takes a condition, which the grammar did not cut off: the condition is not an argument.
      if (match.keyword.conditional && statement.condition === undefined) {
        const at = args.findIndex((word) => word.value === "if" || word.value === "unless");
        if (at >= 0) args = args.slice(0, at);
      }
      reading = { kind: "known", match, args };
    }
  }
  readings.set(statement, reading);
  return reading;
}

/** The words that make up the keyword itself (`no option httplog` → three words). */
export function keywordWords(statement: Statement, match: HaproxyKeywordMatch): Word[] {
  return [statement.keyword, ...statement.args].slice(0, match.wordCount);
}

export function keywordRange(statement: Statement, match: HaproxyKeywordMatch | undefined) {
  const words = match ? keywordWords(statement, match) : [statement.keyword];
  return { start: words[0]!.range.start, end: words[words.length - 1]!.range.end };
}

export function isNamedDefaults(section: SectionModel): boolean {
  return section.type === "defaults" && section.name !== undefined;
}

export function describeSection(section: SectionModel): string {
  return section.name === undefined ? `the ${section.type} section` : `${section.type} '${section.name}'`;
}
