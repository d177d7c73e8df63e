// The tokens the hand-written scanners give the Chevrotain parsers. A token keeps its offsets and
// slices its text out of the source only when asked: most tokens (line breaks, braces) never are.
import type { IToken, TokenType } from "chevrotain";

export class ScannedToken implements IToken {
  readonly tokenTypeIdx: number;

  constructor(
    private readonly source: string,
    readonly tokenType: TokenType,
    readonly startOffset: number,
    /** Inclusive, as Chevrotain counts it. */
    readonly endOffset: number,
  ) {
    this.tokenTypeIdx = tokenType.tokenTypeIdx!;
  }

  get image(): string {
    return this.source.slice(this.startOffset, this.endOffset + 1);
  }
}

export function scannedToken(source: string, tokenType: TokenType, start: number, end: number): IToken {
  return new ScannedToken(source, tokenType, start, end - 1);
}
