// The haproxy scanner: a hand-written loop that finds exactly the tokens of the Chevrotain lexer in
// lexer.ts (the same types, images and offsets; test/grammars/scanner-agreement.test.ts holds the
// two to that over the corpus and random input). lexer.ts stays the definition of the tokens; this
// is how they are found quickly. The scanner is a cursor: `next()` says what the next token is and
// where it lies, and makes no object, so that a parse allocates only the tree.
import { TemplateFinder } from "../common/templates.js";

/** Token kinds, named as the lexer's token types (see TOKEN_NAMES). */
export const END = 0;
export const NEWLINE = 1;
export const WHITESPACE = 2;
export const COMMENT = 3;
export const WORD = 4;

/** The lexer's name of each token kind. */
export const TOKEN_NAMES = ["EOF", "Newline", "Whitespace", "Comment", "Word"] as const;

const enum Char {
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Hash = 35,
  SingleQuote = 39,
  Backslash = 92,
}

function isBlank(c: number): boolean {
  return c === Char.Space || c === Char.Tab || c === Char.VerticalTab || c === Char.FormFeed;
}

export class HaproxyScanner {
  /** Where the last token starts. */
  start = 0;
  /** Where the last token ends (exclusive). */
  end = 0;
  /**
   * For a word: false when it holds no quote, no backslash and no template expression, so that its
   * value is its text (see Word.isPlain). True asks for a closer look, not for a quote.
   */
  special = false;
  private readonly templates: TemplateFinder;
  private readonly length: number;

  /** Spaces are skipped unless `withWhitespace` is set: the tree recovers them from the gaps. */
  constructor(
    private readonly text: string,
    private readonly withWhitespace = false,
  ) {
    this.templates = new TemplateFinder(text);
    this.length = text.length;
  }

  /** The kind of the next token (END at the end of the text); its offsets are in `start` and `end`. */
  next(): number {
    const text = this.text;
    const length = this.length;
    let i = this.end;
    for (;;) {
      if (i >= length) {
        this.start = this.end = length;
        return END;
      }
      const c = text.charCodeAt(i);
      const start = i;
      if (c === Char.LineFeed || (c === Char.CarriageReturn && text.charCodeAt(i + 1) === Char.LineFeed)) {
        this.start = start;
        this.end = i + (c === Char.LineFeed ? 1 : 2);
        return NEWLINE;
      }
      if (isBlank(c) || c === Char.CarriageReturn) {
        i++;
        for (;;) {
          const d = text.charCodeAt(i);
          if (isBlank(d) || (d === Char.CarriageReturn && text.charCodeAt(i + 1) !== Char.LineFeed && i < length)) i++;
          else break;
        }
        if (!this.withWhitespace) continue;
        this.start = start;
        this.end = i;
        return WHITESPACE;
      }
      this.start = start;
      if (c === Char.Hash) {
        i++;
        for (;;) {
          const d = text.charCodeAt(i);
          if (i >= length || d === Char.LineFeed || (d === Char.CarriageReturn && text.charCodeAt(i + 1) === Char.LineFeed)) break;
          i++;
        }
        this.end = i;
        return COMMENT;
      }
      this.end = this.wordEnd(i);
      return WORD;
    }
  }

  /** End of the word that starts at `start`, following the alternatives of WordToken's pattern in order. */
  private wordEnd(start: number): number {
    const text = this.text;
    const length = this.length;
    const templates = this.templates;
    let special = false;
    let i = start;
    for (;;) {
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c === 123 /* { */) {
        const template = templates.end(i);
        if (template >= 0) {
          special = true;
          i = template;
          continue;
        }
      }
      if (c === Char.Backslash) {
        special = true;
        // An escape takes the next character unless it is a tab, a line break or another blank than space.
        const next = text.charCodeAt(i + 1);
        const escapes = i + 1 < length && next !== Char.Tab && next !== Char.VerticalTab && next !== Char.FormFeed && next !== Char.CarriageReturn && next !== Char.LineFeed;
        i += escapes ? 2 : 1;
        continue;
      }
      if (c === Char.DoubleQuote) {
        special = true;
        i++;
        while (i < length) {
          const d = text.charCodeAt(i);
          if (d === Char.DoubleQuote) {
            i++;
            break;
          }
          if (d === Char.CarriageReturn || d === Char.LineFeed) break;
          if (d === Char.Backslash) {
            const next = text.charCodeAt(i + 1);
            i += i + 1 < length && next !== Char.CarriageReturn && next !== Char.LineFeed ? 2 : 1;
          } else i++;
        }
        continue;
      }
      if (c === Char.SingleQuote) {
        special = true;
        i++;
        while (i < length) {
          const d = text.charCodeAt(i);
          if (d === Char.SingleQuote) {
            i++;
            break;
          }
          if (d === Char.CarriageReturn || d === Char.LineFeed) break;
          i++;
        }
        continue;
      }
      if (isBlank(c) || c === Char.CarriageReturn || c === Char.LineFeed || c === Char.Hash) break;
      // A run of plain characters; like the regex, it does not stop at a `{` that could open a template.
      // Every character that ends it is below 40 but the backslash.
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d > 39 ? d === Char.Backslash : isBlank(d) || d === Char.CarriageReturn || d === Char.LineFeed || d === Char.Hash || d === Char.DoubleQuote || d === Char.SingleQuote) break;
        i++;
      }
    }
    this.special = special;
    return i;
  }
}

/** Every token of a text, for tests that hold the scanner to the lexer. */
export function scanHaproxy(text: string, withWhitespace = false): { kind: number; start: number; end: number }[] {
  const scanner = new HaproxyScanner(text, withWhitespace);
  const tokens: { kind: number; start: number; end: number }[] = [];
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) tokens.push({ kind, start: scanner.start, end: scanner.end });
  return tokens;
}
