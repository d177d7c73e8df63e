// The fast path of the haproxy lexer: a hand-written scanner that produces exactly the tokens the
// Chevrotain lexer in lexer.ts produces (the same token types, images and offsets; a test holds the
// two to that over the corpus and random input), about ten times faster. lexer.ts stays the
// definition of the tokens; this is how they are found quickly.
import type { IToken, TokenType } from "chevrotain";
import { TemplateFinder } from "../common/templates.js";
import { scannedToken } from "../common/token.js";
import type { LineIndex } from "../common/text.js";
import { Comment, Newline, Whitespace, WordToken } from "./lexer.js";
import { Word } from "./words.js";

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

function token(tokenType: TokenType, text: string, start: number, end: number): IToken {
  return scannedToken(text, tokenType, start, end);
}

/** End of the word that starts at `i`, following the alternatives of WordToken's pattern in order. */
function wordEnd(text: string, start: number, templates: TemplateFinder): number {
  const length = text.length;
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (i >= length) return i;
    const template = templates.end(i);
    if (template >= 0) {
      i = template;
      continue;
    }
    if (c === Char.Backslash) {
      // An escape takes the next character unless it is a tab, a line break or another blank than space.
      const next = text.charCodeAt(i + 1);
      const escapes = i + 1 < length && next !== Char.Tab && next !== Char.VerticalTab && next !== Char.FormFeed && next !== Char.CarriageReturn && next !== Char.LineFeed;
      i += escapes ? 2 : 1;
      continue;
    }
    if (c === Char.DoubleQuote) {
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
    if (isBlank(c) || c === Char.CarriageReturn || c === Char.LineFeed || c === Char.Hash) return i;
    // A run of plain characters; like the regex, it does not stop at a `{` that could open a template.
    i++;
    while (i < length) {
      const d = text.charCodeAt(i);
      if (isBlank(d) || d === Char.CarriageReturn || d === Char.LineFeed || d === Char.Hash || d === Char.DoubleQuote || d === Char.SingleQuote || d === Char.Backslash) break;
      i++;
    }
  }
}

/**
 * Splits haproxy text into tokens. Spaces are left out unless `withWhitespace` is set: the tree
 * recovers them as the gaps between tokens, which are spaces by construction. With `lines`, words
 * come out as the tree's Word nodes.
 */
export function scanHaproxy(text: string, withWhitespace = false, lines?: LineIndex): IToken[] {
  const tokens: IToken[] = [];
  const length = text.length;
  const templates = new TemplateFinder(text);
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === Char.LineFeed || (c === Char.CarriageReturn && text.charCodeAt(i + 1) === Char.LineFeed)) {
      i += c === Char.LineFeed ? 1 : 2;
      tokens.push(token(Newline, text, start, i));
    } else if (isBlank(c) || c === Char.CarriageReturn) {
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (isBlank(d) || (d === Char.CarriageReturn && text.charCodeAt(i + 1) !== Char.LineFeed && i < length)) i++;
        else break;
      }
      if (withWhitespace) tokens.push(token(Whitespace, text, start, i));
    } else if (c === Char.Hash) {
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (i >= length || d === Char.LineFeed || (d === Char.CarriageReturn && text.charCodeAt(i + 1) === Char.LineFeed)) break;
        i++;
      }
      tokens.push(token(Comment, text, start, i));
    } else {
      i = wordEnd(text, i, templates);
      // Given the line index, words are made as tree nodes straight away: they are tokens too.
      tokens.push(lines ? new Word(text.slice(start, i), lines, start) : token(WordToken, text, start, i));
    }
  }
  return tokens;
}
