// The fast path of the keepalived lexer: a hand-written loop that produces exactly the tokens of the
// Chevrotain lexer in lexer.ts (a test holds the two to that over the corpus and random input). The
// simple tokens are found by hand; the context-dependent ones (definitions, `@id`, `~SEQ`) by the very
// matchers the Chevrotain lexer uses, and words and `include` file names by word-scan.ts.
import type { IToken, TokenType } from "chevrotain";
import type { LineIndex } from "../common/text.js";
import { scannedToken } from "../common/token.js";
import {
  atPrefixStart,
  Comment,
  ConfigId,
  Definition,
  LBrace,
  matchConfigId,
  matchDefinition,
  includeArgument,
  Newline,
  Quoted,
  RBrace,
  Sequence,
  Whitespace,
  WordToken,
} from "./lexer.js";
import { WordNode } from "./nodes.js";
import { KeepalivedWords } from "./word-scan.js";

/** What a `~SEQ(…)` may follow besides the start of a statement (as in matchSequence). */
const SEQUENCE_FOLLOWS = [ConfigId, Sequence];

const LF = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** Stands in the matchers' history for a space or a comment that is not returned. */
const WHITESPACE_SEEN = { tokenType: Whitespace, image: " " } as IToken;
const COMMENT_SEEN = { tokenType: Comment, image: "#" } as IToken;

/**
 * Splits keepalived text into tokens. Spaces and comments are left out unless `withTrivia` is set:
 * the tree finds them again in the gaps between its items.
 */
export function scanKeepalived(text: string, withTrivia = false, lines?: LineIndex): IToken[] {
  const tokens: IToken[] = [];
  // What the context-dependent matchers look back at: the last few tokens, trivia included.
  let recent: IToken[] = [];
  const length = text.length;
  const words = new KeepalivedWords(text);
  const push = (tokenType: TokenType, start: number, end: number) => {
    // Given the line index, words come out as the tree's word nodes: they are tokens too.
    const word = lines && (tokenType === WordToken || tokenType === Quoted);
    const token = word ? new WordNode(text.slice(start, end), lines, start, tokenType === Quoted) : scannedToken(text, tokenType, start, end);
    tokens.push(token);
    remember(token);
  };
  const remember = (token: IToken) => {
    recent.push(token);
    if (recent.length > 64) recent = recent.slice(-8);
  };
  const trivia = (tokenType: TokenType, start: number, end: number) => {
    if (withTrivia) push(tokenType, start, end);
    else remember(tokenType === Whitespace ? WHITESPACE_SEEN : COMMENT_SEEN);
  };
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) {
      i += c === LF ? 1 : 2;
      push(Newline, start, i);
      continue;
    }
    if (isBlank(c) || c === CR) {
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (isBlank(d) || (d === CR && text.charCodeAt(i + 1) !== LF)) i++;
        else break;
      }
      trivia(Whitespace, start, i);
      continue;
    }
    if (c === 35 /* # */ || c === 33 /* ! */) {
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === LF || (d === CR && text.charCodeAt(i + 1) === LF)) break;
        i++;
      }
      trivia(Comment, start, i);
      continue;
    }
    let found: RegExpExecArray | null = null;
    let end = -1;
    let type: TokenType = WordToken;
    if (c === 36 /* $ */ && (found = matchDefinition(text, i, recent, {}) as RegExpExecArray | null)) type = Definition;
    else if (c === 64 /* @ */ && (found = matchConfigId(text, i, recent, {}) as RegExpExecArray | null)) type = ConfigId;
    else if (c === 126 /* ~ */ && atPrefixStart(recent, SEQUENCE_FOLLOWS) && (end = words.sequenceEnd(i)) > i) type = Sequence;
    if (found) end = i + found[0].length;
    else if (end <= i) end = includeArgument(recent) ? words.includeEnd(i) : words.wordEnd(i);
    if (end > i) {
      i = end;
      push(type, start, i);
    } else if (c === 123 /* { */) {
      push(LBrace, start, ++i);
    } else if (c === 125 /* } */) {
      push(RBrace, start, ++i);
    } else {
      // A double quote: the quoted word runs to the closing quote or to the end of the line.
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === 34) {
          i++;
          break;
        }
        if (d === LF || (d === CR && text.charCodeAt(i + 1) === LF)) break;
        i++;
      }
      push(Quoted, start, i);
    }
  }
  return tokens;
}
