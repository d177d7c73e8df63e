// The node behind every haproxy line. It keeps where its words are in the parse's SpanTable and the
// offsets of the comment and the line break; the word objects, the spaces between them, the trivia
// objects and the ranges are made when first asked for, which keeps a 75,000-line file cheap to parse.
import type { SpanTable } from "../common/span-table.js";
import type { LineIndex, SourceSpan } from "../common/text.js";
import type { Condition, ConditionalBranch, DirectiveName, Predicate, Token, Trivia } from "./ast.js";
import { Word } from "./words.js";

const NO_WORDS: readonly Word[] = [];

/** Flag of a SpanTable entry: the scanner saw a quote, a backslash or a template in the word. */
export const SPECIAL_WORD = 1;

/** The words of entries [first, first + count) of a table. */
export function wordsFromTable(table: SpanTable, first: number, count: number, lines: LineIndex): Word[] {
  const text = lines.text;
  const words = new Array<Word>(count);
  for (let i = 0; i < count; i++) {
    const entry = first + i;
    const start = table.start(entry);
    words[i] = new Word(text.slice(start, table.end(entry)), lines, start, (table.flags(entry) & SPECIAL_WORD) === 0);
  }
  return words;
}

/** What few lines have: a condition, a directive's name and predicate. */
interface Extra {
  readonly condition: Condition | undefined;
  readonly name: DirectiveName | undefined;
  readonly predicate: Predicate | undefined;
}

export class LineNode {
  guard: ConditionalBranch | undefined = undefined;
  private span: SourceSpan | undefined = undefined;
  private allTokens: Token[] | undefined = undefined;
  private argWords: readonly Word[] | undefined = undefined;
  private wordList: readonly Word[] | undefined;

  constructor(
    readonly kind: "empty" | "statement" | "directive",
    private readonly lines: LineIndex,
    private readonly start: number,
    private readonly end: number,
    /** Where the words are: entries [firstWord, firstWord + wordCount) of `table`. */
    private readonly table: SpanTable,
    private readonly firstWord: number,
    private readonly wordCount: number,
    /** Offset of the `#` comment, or -1. */
    private readonly commentStart: number,
    /** Offset of the line break, or -1 for a last line without one. */
    private readonly newlineStart: number,
    /** 0-based line within the piece's LineIndex. */
    private readonly localLine: number,
    /** Index in `words` just after the last argument (before an `if`/`unless`). */
    private readonly argsEnd: number,
    private readonly extra: Extra | undefined,
    /** The words, when the parse needed them already. */
    words: readonly Word[] | undefined,
  ) {
    this.wordList = words;
  }

  /** Every word of the line, in order (made on first use). */
  get words(): readonly Word[] {
    this.wordList ??= this.makeWords();
    return this.wordList;
  }

  /** The first word, for a statement or a directive. */
  get keyword(): Word | undefined {
    return this.wordCount === 0 ? undefined : this.words[0];
  }

  /** The words after the keyword, up to an `if`/`unless` condition (made on first use). */
  get args(): readonly Word[] {
    this.argWords ??= this.argsEnd <= 1 ? NO_WORDS : this.words.slice(1, this.argsEnd);
    return this.argWords;
  }

  get condition(): Condition | undefined {
    return this.extra?.condition;
  }

  get name(): DirectiveName | undefined {
    return this.extra?.name;
  }

  get predicate(): Predicate | undefined {
    return this.extra?.predicate;
  }

  /** 0-based line in the document. */
  get line(): number {
    return this.lines.base.line + this.localLine;
  }

  get range(): SourceSpan {
    this.span ??= this.lines.range(this.start, this.end);
    return this.span;
  }

  get comment(): Trivia | undefined {
    if (this.commentStart < 0) return undefined;
    const end = this.newlineStart < 0 ? this.end : this.newlineStart;
    return this.trivia("comment", this.commentStart, end);
  }

  /** Every token in order: words, the spaces between them, the comment and the line break. */
  get tokens(): readonly Token[] {
    this.allTokens ??= this.collectTokens();
    return this.allTokens;
  }

  toJSON(): object {
    const { kind, words, line, keyword, args, condition, name, predicate } = this;
    return { kind, range: this.range, line, words, keyword, args, condition, name, predicate, comment: this.comment };
  }

  private makeWords(): readonly Word[] {
    return this.wordCount === 0 ? NO_WORDS : wordsFromTable(this.table, this.firstWord, this.wordCount, this.lines);
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
    if (this.newlineStart >= 0) {
      gapTo(this.newlineStart);
      tokens.push(this.trivia("newline", this.newlineStart, this.end));
      cursor = this.end;
    }
    gapTo(this.end);
    return tokens;
  }

  private trivia(kind: Trivia["kind"], start: number, end: number): Trivia {
    return { kind, text: this.lines.text.slice(start, end), range: this.lines.range(start, end) };
  }
}
