// The node behind every haproxy line. It keeps the words and the offsets of the comment and the line
// break; the spaces between them, the trivia objects and the ranges are made when first asked for,
// which keeps a 75,000-line file cheap to parse.
import type { LineIndex, SourceSpan } from "../common/text.js";
import type { Condition, ConditionalBranch, DirectiveName, Predicate, Token, Trivia } from "./ast.js";
import type { Word } from "./words.js";

const NO_WORDS: readonly Word[] = [];

export class LineNode {
  guard: ConditionalBranch | undefined = undefined;
  private span: SourceSpan | undefined;
  private allTokens: Token[] | undefined;
  private argWords: readonly Word[] | undefined;

  constructor(
    readonly kind: "empty" | "statement" | "directive",
    private readonly lines: LineIndex,
    private readonly start: number,
    private readonly end: number,
    readonly words: readonly Word[],
    /** Offset of the `#` comment, or -1. */
    private readonly commentStart: number,
    /** Offset of the line break, or -1 for a last line without one. */
    private readonly newlineStart: number,
    /** 0-based line within the piece's LineIndex. */
    private readonly localLine: number,
    readonly keyword: Word | undefined,
    /** Index in `words` just after the last argument (before an `if`/`unless`). */
    private readonly argsEnd: number,
    readonly condition: Condition | undefined,
    readonly name: DirectiveName | undefined,
    readonly predicate: Predicate | undefined,
  ) {}

  /** The words after the keyword, up to an `if`/`unless` condition (made on first use). */
  get args(): readonly Word[] {
    this.argWords ??= this.argsEnd <= 1 ? NO_WORDS : this.words.slice(1, this.argsEnd);
    return this.argWords;
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
