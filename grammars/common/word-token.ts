// What a word of either format shares: its text, its place in its piece, a range made on first use,
// and the token side that lets the scanner hand the word itself to the Chevrotain parser (one object
// per word instead of a token and a node).
import type { IToken, TokenType } from "chevrotain";
import type { LineIndex, SourceSpan } from "./text.js";

export abstract class WordToken implements IToken {
  private span: SourceSpan | undefined;

  constructor(
    /** The word exactly as written, quotes and backslashes included. */
    readonly text: string,
    protected readonly lines: LineIndex,
    /** Offset in `lines.text`. */
    protected readonly start: number,
  ) {}

  /** Created on first use: most words of a large file are never asked for their range. */
  get range(): SourceSpan {
    this.span ??= this.lines.range(this.start, this.start + this.text.length);
    return this.span;
  }

  // The token side, for the scanners and parsers; `range` is what to use.
  get image(): string {
    return this.text;
  }

  get startOffset(): number {
    return this.lines.base.offset + this.start;
  }

  get endOffset(): number {
    return this.lines.base.offset + this.start + this.text.length - 1;
  }

  abstract get tokenType(): TokenType;

  /** Read by the parser for every token: subclasses answer with a constant. */
  abstract get tokenTypeIdx(): number;
}
