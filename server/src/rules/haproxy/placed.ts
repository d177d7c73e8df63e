// A body statement of a haproxy configuration with what is worked out once for all rules (its
// keyword, the characters its line holds, its readings), and the keyword indexes built from them.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { computeReading, KeywordMatches, type StatementReading } from "./keywords.js";
import { optionShape, ShapeCache, type OptionShape } from "./option-words.js";
import type { Located, SectionModel } from "./section-model.js";

/**
 * Characters a statement's words may hold, found by searching the file text (comments included,
 * so a flag may be set for nothing), so that rules can pass over the many statements that cannot
 * concern them: a server line has no `%[`.
 */
export const HAS_PERCENT = 1;
/** A `(`: a sample fetch or converter call, `do-resolve(…)`, `http_auth(…)`. */
export const HAS_PAREN = 2;
/** A quote or a backslash: a word's value may differ from its text and hold variables. */
export const NOT_PLAIN = 4;
export const HAS_DOLLAR = 8;
export const ALL_FLAGS = HAS_PERCENT | HAS_PAREN | NOT_PLAIN | HAS_DOLLAR;

/**
 * A body statement with its section and what is worked out once for all rules: its keyword, the
 * characters its line holds, and (on first use) what the keyword tables say about it.
 */
export class Placed implements Located {
  /** HAS_PERCENT, HAS_PAREN, NOT_PLAIN, HAS_DOLLAR: set from the file text (see text-search.ts). */
  flags = 0;
  private cachedReading: StatementReading | undefined = undefined;
  private cachedOptions: OptionShape | null | undefined = undefined;

  constructor(
    readonly statement: Statement,
    readonly section: SectionModel,
    /** The first word's value. */
    readonly keyword: string,
    private readonly shared: SharedReadings,
  ) {}

  /**
   * Whether some word's value may hold a character of `flag` (HAS_PERCENT, HAS_PAREN, HAS_DOLLAR):
   * the line holds it, or a quote or escape (`\x25`) may make it appear in a value.
   */
  mayHold(flag: number): boolean {
    return (this.flags & (flag | NOT_PLAIN)) !== 0;
  }

  /** Whether no word is quoted or escaped, so that every word's value is its text. */
  get plain(): boolean {
    return (this.flags & NOT_PLAIN) === 0;
  }

  /** The value of argument `index` (of `statement.args`), read without decoding when the line is plain. */
  value(index: number): string | undefined {
    const statement = this.statement;
    if (index < 0 || index >= statement.argCount) return undefined;
    return this.plain ? statement.wordText(index + 1) : statement.wordValue(index + 1);
  }

  /** Where `value` first stands among the arguments' values, or -1 (compared without making the words). */
  indexOf(value: string): number {
    const statement = this.statement;
    const count = statement.argCount;
    for (let i = 0; i < count; i++) if (statement.wordIs(i + 1, value)) return i;
    return -1;
  }

  /** Whether an argument's value is `value`. */
  has(value: string): boolean {
    return this.indexOf(value) >= 0;
  }

  /** What the keyword tables say about the statement (see keywords.ts). */
  get reading(): StatementReading {
    this.cachedReading ??= computeReading(this.statement, this.shared.matches, this.plain, this.keyword);
    return this.cachedReading;
  }

  /**
   * Where the options of a bind, server, default-server or server-template line stand (see
   * option-words.ts); plain lines with the same option words share one shape.
   */
  get options(): OptionShape | undefined {
    if (this.cachedOptions === undefined) {
      this.cachedOptions = (this.plain ? optionShape(this.reading, true, this.shared.optionShapes) : optionShape(this.reading)) ?? null;
    }
    return this.cachedOptions ?? undefined;
  }
}

/** What the statements of one model share: readings of one-word keywords, option shapes. */
export interface SharedReadings {
  readonly matches: KeywordMatches;
  readonly optionShapes: ShapeCache;
}

/** Per-section indexes, built in one pass over the configuration on first use. */
export interface SectionIndex {
  readonly placed: Placed[];
  readonly byKeyword: Map<string, Statement[]>;
  /** The keys of `byKeyword`, in order: a backend of servers has a few. */
  readonly keywords: string[];
}

/**
 * Places every body statement of `sections`: fills in each section's index and gives every
 * statement in order and the statements of each keyword. The flags are left for the text search.
 */
export function placeStatements(sections: readonly SectionModel[]): { readonly all: Placed[]; readonly byKeyword: Map<string, Placed[]> } {
  const shared: SharedReadings = { matches: new KeywordMatches(), optionShapes: new ShapeCache() };
  const all: Placed[] = [];
  const byKeyword = new Map<string, Placed[]>();
  for (const section of sections) {
    const placed: Placed[] = [];
    const own = new Map<string, Statement[]>();
    const keywords: string[] = [];
    const statements = section.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      let keyword = statement.wordValue(0)!;
      const global = byKeyword.get(keyword);
      // Statements of one keyword share its first string: the others' copies die young.
      if (global) keyword = global[0]!.keyword;
      const entry = new Placed(statement, section, keyword, shared);
      placed.push(entry);
      all.push(entry);
      const list = own.get(keyword);
      if (list) list.push(statement);
      else {
        own.set(keyword, [statement]);
        keywords.push(keyword);
      }
      if (global) global.push(entry);
      else byKeyword.set(keyword, [entry]);
    }
    section.index = { placed, byKeyword: own, keywords };
  }
  return { all, byKeyword };
}
