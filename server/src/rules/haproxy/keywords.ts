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

/** What the keyword tables say about a statement; worked out once per statement. */
export function readStatement(statement: Statement): StatementReading {
  let reading = readings.get(statement);
  if (!reading) readings.set(statement, (reading = computeReading(statement)));
  return reading;
}

/** `readStatement` without the cache, for the model, which keeps the reading with the statement. */
export function computeReading(statement: Statement): StatementReading {
  if (hasVariable(statement.keyword)) return UNJUDGED;
  // A keyword has at most three words, after a `no` or `default` prefix.
  const args = statement.args;
  const leading = [statement.keyword.value];
  for (let i = 0; i < 3 && i < args.length; i++) leading.push(args[i]!.value);
  const match = matchHaproxyKeyword(leading);
  if (!match) return UNKNOWN;
  let rest = match.wordCount === 1 ? args : args.slice(match.wordCount - 1);
  // A keyword that takes a condition, which the grammar did not cut off: the condition is not an argument.
  if (match.keyword.conditional && statement.condition === undefined) {
    const at = rest.findIndex((word) => word.value === "if" || word.value === "unless");
    if (at >= 0) rest = rest.slice(0, at);
  }
  return { kind: "known", match, args: rest };
}

const UNJUDGED: StatementReading = { kind: "unjudged" };
const UNKNOWN: StatementReading = { kind: "unknown" };

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
