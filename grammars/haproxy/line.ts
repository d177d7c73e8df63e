// The node behind every haproxy line. It keeps where its words are in the parse's SpanTable and the
// offsets of the comment and the line break; the word objects, the spaces between them, the trivia
// objects and the ranges are made when first asked for, which keeps a 75,000-line file cheap to parse.
import type { SpanTable } from "../common/span-table.js";
import type { SourceSpan } from "../common/text.js";
import type { Condition, ConditionalBranch, DirectiveName, Predicate, Token, Trivia } from "./ast.js";
import { parseCondition } from "./condition.js";
import { Word } from "./words.js";

const NO_WORDS: readonly Word[] = [];

/** Flag of a SpanTable entry: the scanner saw a quote, a backslash or a template in the word. */
export const SPECIAL_WORD = 1;

/** The words of entries [first, first + count) of a table. */
export function wordsFromTable(table: SpanTable, first: number, count: number): Word[] {
  const lines = table.lines;
  const text = lines.text;
  const words: Word[] = [];
  for (let entry = first; entry < first + count; entry++) {
    const start = table.start(entry);
    words.push(new Word(text.slice(start, table.end(entry)), lines, start, (table.flags(entry) & SPECIAL_WORD) === 0));
  }
  return words;
}

/** What few lines have: a condition, a directive's name and predicate. */
export interface LineExtra {
  /** Whether the words from `argsEnd` on are an `if`/`unless` condition. */
  readonly hasCondition: boolean;
  readonly name: DirectiveName | undefined;
  readonly predicate: Predicate | undefined;
  /** Index in `words` just after the last argument (before an `if`/`unless`). */
  readonly argsEnd: number;
}

/** What is made on first use besides the words. */
interface Made {
  span?: SourceSpan;
  tokens?: Token[];
  args?: readonly Word[];
  condition?: Condition;
}

/**
 * Every field from the start, in one order: the nodes' `made` objects then share one shape,
 * which keeps reading them fast.
 */
function newMade(): Made {
  return { span: undefined, tokens: undefined, args: undefined, condition: undefined };
}

/**
 * A line: its offsets, where its words are in the parse's table, the offset of its comment. A large
 * file has one per line, so it holds as few fields as it can: the line break is found from the text,
 * the rest is made on first use.
 */
export class LineNode {
  guard: ConditionalBranch | undefined = undefined;
  private wordList: readonly Word[] | undefined;
  private made: Made | undefined = undefined;

  constructor(
    readonly kind: "empty" | "statement" | "directive",
    /** Where the words are: entries [firstWord, firstWord + wordCount) of `table`. */
    private readonly table: SpanTable,
    private readonly start: number,
    private readonly end: number,
    private readonly firstWord: number,
    /** The number of words. */
    readonly wordCount: number,
    /** Offset of the `#` comment, or -1. */
    private readonly commentStart: number,
    /** 0-based line within the piece's LineIndex. */
    private readonly localLine: number,
    private readonly extra: LineExtra | undefined,
    /** The words, when the parse needed them already. */
    words: readonly Word[] | undefined,
  ) {
    this.wordList = words;
  }

  /** Every word of the line, in order (made on first use). */
  get words(): readonly Word[] {
    this.wordList ??= this.wordCount === 0 ? NO_WORDS : wordsFromTable(this.table, this.firstWord, this.wordCount);
    return this.wordList;
  }

  /** The text of word `index` as written, read from the table without making the word. */
  wordText(index: number): string | undefined {
    if (index < 0 || index >= this.wordCount) return undefined;
    if (this.wordList) return this.wordList[index]!.text;
    const entry = this.firstWord + index;
    return this.table.lines.text.slice(this.table.start(entry), this.table.end(entry));
  }

  wordsText(from: number, to: number): string | undefined {
    if (from < 0 || to > this.wordCount || from >= to) return undefined;
    return this.table.lines.text.slice(this.table.start(this.firstWord + from), this.table.end(this.firstWord + to - 1));
  }

  wordsTextIs(from: number, to: number, value: string): boolean {
    if (from < 0 || to > this.wordCount || from >= to) return false;
    const start = this.table.start(this.firstWord + from);
    return this.table.end(this.firstWord + to - 1) - start === value.length && this.table.lines.text.startsWith(value, start);
  }

  plainWordMatches(index: number, sticky: RegExp): boolean {
    if (index < 0 || index >= this.wordCount) return false;
    const entry = this.firstWord + index;
    const table = this.table;
    if ((table.flags(entry) & SPECIAL_WORD) !== 0) return false;
    sticky.lastIndex = table.start(entry);
    return sticky.test(table.lines.text) && sticky.lastIndex === table.end(entry);
  }

  /**
   * The value of word `index` (what `words[index].value` gives): its text, read without making the
   * word, when the scanner saw no quote, backslash or template in it.
   */
  wordValue(index: number): string | undefined {
    if (index < 0 || index >= this.wordCount) return undefined;
    if (this.wordList) return this.wordList[index]!.value;
    if ((this.table.flags(this.firstWord + index) & SPECIAL_WORD) !== 0) return this.words[index]!.value;
    return this.wordText(index);
  }

  /** Whether `wordValue(index)` is `value`, compared in the text without making a string when the word is plain. */
  wordIs(index: number, value: string): boolean {
    if (index < 0 || index >= this.wordCount) return false;
    if (this.wordList) return this.wordList[index]!.value === value;
    const entry = this.firstWord + index;
    const table = this.table;
    if ((table.flags(entry) & SPECIAL_WORD) !== 0) return this.words[index]!.value === value;
    const start = table.start(entry);
    return table.end(entry) - start === value.length && table.lines.text.startsWith(value, start);
  }

  /** The number of arguments: the words after the keyword, up to an `if`/`unless` condition. */
  get argCount(): number {
    const argsEnd = this.extra ? this.extra.argsEnd : this.wordCount;
    return argsEnd <= 1 ? 0 : argsEnd - 1;
  }

  /** Whether the line ends with an `if`/`unless` condition (without reading it). */
  get hasCondition(): boolean {
    return this.extra?.hasCondition === true;
  }

  /** The first word, for a statement or a directive. */
  get keyword(): Word | undefined {
    return this.wordCount === 0 ? undefined : this.words[0];
  }

  /** The words after the keyword, up to an `if`/`unless` condition (made on first use). */
  get args(): readonly Word[] {
    const made = (this.made ??= newMade());
    const argsEnd = this.extra ? this.extra.argsEnd : this.wordCount;
    made.args ??= argsEnd <= 1 ? NO_WORDS : this.words.slice(1, argsEnd);
    return made.args;
  }

  /**
   * The `if`/`unless` condition, made on first use: the parse reads it once for its diagnostics and
   * lets that go, since most consumers of a large file never look at most conditions.
   */
  get condition(): Condition | undefined {
    const extra = this.extra;
    if (!extra?.hasCondition) return undefined;
    const made = (this.made ??= newMade());
    made.condition ??= parseCondition(this.words.slice(extra.argsEnd), this.table.lines, []);
    return made.condition;
  }

  get name(): DirectiveName | undefined {
    return this.extra?.name;
  }

  get predicate(): Predicate | undefined {
    return this.extra?.predicate;
  }

  /** 0-based line in the document. */
  get line(): number {
    return this.table.lines.base.line + this.localLine;
  }

  get range(): SourceSpan {
    const made = (this.made ??= newMade());
    made.span ??= this.table.lines.range(this.start, this.end);
    return made.span;
  }

  get comment(): Trivia | undefined {
    if (this.commentStart < 0) return undefined;
    const newline = this.newlineStart();
    return this.trivia("comment", this.commentStart, newline < 0 ? this.end : newline);
  }

  /** Every token in order: words, the spaces between them, the comment and the line break. */
  get tokens(): readonly Token[] {
    const made = (this.made ??= newMade());
    made.tokens ??= this.collectTokens();
    return made.tokens;
  }

  toJSON(): object {
    const { kind, words, line, keyword, args, condition, name, predicate } = this;
    return { kind, range: this.range, line, words, keyword, args, condition, name, predicate, comment: this.comment };
  }

  /**
   * Offset of the line break, or -1 for a last line without one. A line that has one ends with it,
   * and nothing else in a line can end with a line feed (a quote, a comment or a space stops before
   * one; a template that spans lines ends with `#}`).
   */
  private newlineStart(): number {
    const text = this.table.lines.text;
    if (text.charCodeAt(this.end - 1) !== 10) return -1;
    return this.end - 2 >= this.start && text.charCodeAt(this.end - 2) === 13 ? this.end - 2 : this.end - 1;
  }

  private collectTokens(): Token[] {
    const tokens: Token[] = [];
    let cursor = this.start;
    const gapTo = (offset: number) => {
      if (offset > cursor) tokens.push(this.trivia("whitespace", cursor, offset));
    };
    for (const word of this.words) {
      gapTo(word.range.localStart);
      tokens.push(word);
      cursor = word.range.localEnd;
    }
    const comment = this.comment;
    if (comment) {
      gapTo(comment.range.localStart);
      tokens.push(comment);
      cursor = comment.range.localEnd;
    }
    const newline = this.newlineStart();
    if (newline >= 0) {
      gapTo(newline);
      tokens.push(this.trivia("newline", newline, this.end));
      cursor = this.end;
    }
    gapTo(this.end);
    return tokens;
  }

  private trivia(kind: Trivia["kind"], start: number, end: number): Trivia {
    const lines = this.table.lines;
    return { kind, text: lines.text.slice(start, end), range: lines.range(start, end) };
  }
}
