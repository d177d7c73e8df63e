// What a word of either format shares: its text, its place in its piece, and a range made on first
// use. Words themselves are made on first use too, from the parse's SpanTable (see span-table.ts).
import type { LineIndex, SourceSpan } from "./text.js";

export abstract class WordBase {
  private span: SourceSpan | undefined = undefined;

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
}
