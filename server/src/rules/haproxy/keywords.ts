// What the keyword tables say about each haproxy statement, worked out once and shared by the
// keyword rules (unknown, wrong section, arguments, values, versions, options).
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyKeywordFamily, matchHaproxyKeyword, type HaproxyKeywordMatch } from "../../facts/haproxy.js";
import type { SectionModel } from "./model.js";

export type StatementReading =
  | {
      readonly kind: "known";
      readonly match: HaproxyKeywordMatch;
      /** The words after the keyword's own words, up to a condition. */
      readonly args: readonly Word[];
      /** `args.length`, and each argument's text and value, read without making the words. */
      readonly count: number;
      text(index: number): string | undefined;
      value(index: number): string | undefined;
      /** The text of arguments [from, count) as written, from the first one's start to the last one's end. */
      textFrom(from: number): string | undefined;
      /** Whether `textFrom(from)` is `value`, compared in place. */
      textFromIs(from: number, value: string): boolean;
      /** Whether argument `index` is plain and wholly matched by `sticky` (see `Statement.plainWordMatches`). */
      plainArgMatches(index: number, sticky: RegExp): boolean;
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

/** Keyword matches already made, shared by the statements of one configuration. */
export class KeywordMatches {
  /** Per first word: the match when it does not depend on the words after it, else MULTI. */
  readonly byFirst = new Map<string, HaproxyKeywordMatch | null | typeof MULTI>();
  /** Per leading words (`option httpchk GET /`): the match. */
  readonly byLeading = new Map<string, HaproxyKeywordMatch | null>();
  /** Per text of the leading words of a plain line, as written: the same text is the same words. */
  readonly byText = new Map<string, HaproxyKeywordMatch | null>();
}

const MULTI = Symbol("several words");

/**
 * `readStatement` without the cache, for the model, which keeps the reading with the statement.
 * With `known`, statements share their keyword match: per first word for keywords that are one
 * word whatever follows (`server`, `acl`), else per leading words. `plain` says that no word is
 * quoted or escaped, `keyword` is the first word's value when already read.
 */
export function computeReading(statement: Statement, known?: KeywordMatches, plain = false, keyword?: string): StatementReading {
  // A plain keyword (no quote, no escape) holds no variable.
  if (!plain && hasVariable(statement.keyword)) return UNJUDGED;
  const argCount = statement.argCount;
  const first = keyword ?? statement.wordValue(0)!;
  const byFirst = known?.byFirst.get(first);
  let match: HaproxyKeywordMatch | null | undefined;
  if (byFirst !== undefined && byFirst !== MULTI) match = byFirst;
  else if (known && plain && byFirst === MULTI) {
    // `option httpchk GET /health` on every backend: one cut of the line's text instead of its words
    // read one by one and joined (a plain line's words are their text, split as the text says).
    const text = statement.wordsText(0, 1 + Math.min(3, argCount))!;
    match = known.byText.get(text);
    if (match === undefined) known.byText.set(text, (match = leadingMatch(statement, known, first, argCount)));
  } else {
    match = leadingMatch(statement, known, first, argCount);
    if (known && byFirst === undefined) {
      const family = first === "no" || first === "default" ? undefined : haproxyKeywordFamily(first);
      if (family && family.length === 0) known.byFirst.set(first, null);
      else if (family && family.every((keyword) => !keyword.name.includes(" "))) known.byFirst.set(first, match);
      else known.byFirst.set(first, MULTI);
    }
  }
  if (!match) return UNKNOWN;
  return new KnownReading(match, statement);
}

/** The match of a statement's leading words, kept in `known` by their values. */
function leadingMatch(statement: Statement, known: KeywordMatches | undefined, first: string, argCount: number): HaproxyKeywordMatch | null {
  // A keyword has at most three words, after a `no` or `default` prefix. The arguments are the
  // words after the keyword: their values are read without making the words.
  const leading = [first];
  for (let i = 0; i < 3 && i < argCount; i++) leading.push(statement.wordValue(i + 1)!);
  const key = known && leading.join("\u0000");
  let match = key === undefined ? undefined : known!.byLeading.get(key);
  if (match === undefined) {
    match = matchHaproxyKeyword(leading) ?? null;
    if (key !== undefined) known!.byLeading.set(key, match);
  }
  return match;
}

/**
 * A known statement's reading. Its arguments are read from the statement's words one by one, and
 * the word objects are made only when `args` is asked for (most lines of a large file are only
 * counted and compared).
 */
class KnownReading {
  readonly kind = "known" as const;
  private rest: readonly Word[] | undefined = undefined;
  private argCount = -1;

  constructor(
    readonly match: HaproxyKeywordMatch,
    private readonly statement: Statement,
  ) {}

  get args(): readonly Word[] {
    if (this.rest === undefined) {
      const args = this.statement.args;
      const from = this.match.wordCount - 1;
      const count = this.count;
      this.rest = from === 0 && count === args.length ? args : args.slice(from, from + count);
    }
    return this.rest;
  }

  /** The number of arguments: after the keyword's words, up to the condition. */
  get count(): number {
    if (this.argCount < 0) {
      const statement = this.statement;
      // Arguments are words [wordCount, end) of the statement.
      const first = this.match.wordCount;
      let end = statement.argCount + 1;
      // A keyword that takes a condition, which the grammar did not cut off: the condition is not an argument.
      if (this.match.keyword.conditional && !statement.hasCondition) {
        for (let i = first; i < end; i++) {
          const value = statement.wordValue(i);
          if (value === "if" || value === "unless") {
            end = i;
            break;
          }
        }
      }
      this.argCount = Math.max(0, end - first);
    }
    return this.argCount;
  }

  text(index: number): string | undefined {
    return index >= 0 && index < this.count ? this.statement.wordText(this.match.wordCount + index) : undefined;
  }

  value(index: number): string | undefined {
    return index >= 0 && index < this.count ? this.statement.wordValue(this.match.wordCount + index) : undefined;
  }

  textFrom(from: number): string | undefined {
    const first = this.match.wordCount;
    return this.statement.wordsText(first + from, first + this.count);
  }

  textFromIs(from: number, value: string): boolean {
    const first = this.match.wordCount;
    return this.statement.wordsTextIs(first + from, first + this.count, value);
  }

  plainArgMatches(index: number, sticky: RegExp): boolean {
    return index >= 0 && index < this.count && this.statement.plainWordMatches(this.match.wordCount + index, sticky);
  }
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

/**
 * A `timeout` other than `connect` and `server` in a ring section: haproxy 2.6.12 reads only those
 * two there and ignores any other, with its arguments, without a word (measured).
 */
export function ignoredInRing(section: SectionModel, keywordName: string): boolean {
  return section.type === "ring" && keywordName.startsWith("timeout ") && keywordName !== "timeout connect" && keywordName !== "timeout server";
}

/**
 * A `stick on|match|store-…` rule in a frontend: haproxy 2.6.12, 3.0.11 and 3.2.26 skip the line
 * unread, arguments and all, with a warning ("'stick' ignored because frontend 'f' has no backend
 * capability"; HA002 says so; the sixteenth mutation round).
 */
export function ignoredInFrontend(section: SectionModel, keywordName: string): boolean {
  return section.type === "frontend" && keywordName.startsWith("stick ");
}

/**
 * `log-format` and `log-format-sd` in a backend: haproxy 2.6.12, 3.0.11 and 3.2.26 ignore the line,
 * string and all, with a warning ("'log-format' directive is ignored in backends"; HA002 says so), so
 * what the string holds is never parsed (found by the thirteenth mutation round). `error-log-format`
 * there is ignored too, but its string is parsed first (`"%[src"` is refused); `unique-id-format` is read.
 */
export function ignoredInBackend(section: SectionModel, keywordName: string): boolean {
  return section.type === "backend" && (keywordName === "log-format" || keywordName === "log-format-sd");
}

export function describeSection(section: SectionModel): string {
  return section.name === undefined ? `the ${section.type} section` : `${section.type} '${section.name}'`;
}
