// The keepalived scanner: a hand-written loop that finds exactly the tokens of the Chevrotain lexer in
// lexer.ts (test/grammars/scanner-agreement.test.ts holds the two to that over the corpus and random
// input). The simple tokens are found by hand; definitions and `@id` prefixes by the forms the lexer
// uses too (line-forms.ts), words, `include` file names and `~SEQ(…)` by word-scan.ts. Where the
// lexer's matchers look back at the tokens before, the scanner keeps the kinds of the last two.
// The scanner is a cursor: `next()` says what the next token is and where it lies, and makes no
// object, so that a parse allocates only the tree.
import { configIdEnd, definitionEnd } from "./line-forms.js";
import { KeepalivedWords } from "./word-scan.js";

/** Token kinds, named as the lexer's token types (see TOKEN_NAMES). */
export const END = 0;
export const NEWLINE = 1;
export const WHITESPACE = 2;
export const COMMENT = 3;
export const DEFINITION = 4;
export const CONFIG_ID = 5;
export const SEQUENCE = 6;
export const WORD = 7;
export const LBRACE = 8;
export const RBRACE = 9;
export const QUOTED = 10;

/** The lexer's name of each token kind. */
export const TOKEN_NAMES = ["EOF", "Newline", "Whitespace", "Comment", "Definition", "ConfigId", "Sequence", "Word", "LBrace", "RBrace", "Quoted"] as const;

const LF = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

function isCommentMark(c: number): boolean {
  return c === 35 /* # */ || c === 33 /* ! */;
}

export class KeepalivedScanner {
  /** Where the last token starts. */
  start = 0;
  /** Where the last token ends (exclusive). */
  end = 0;
  /** The kinds of the last token and of the one before it (END: none), spaces and comments included. */
  private last = END;
  private beforeLast = END;
  /** Whether the last word was an `include` that starts a statement. */
  private include = false;
  private readonly words: KeepalivedWords;
  private readonly length: number;

  /** Spaces and comments are skipped unless `withTrivia` is set: the tree finds them in the gaps. */
  constructor(
    private readonly text: string,
    private readonly withTrivia = false,
  ) {
    this.words = new KeepalivedWords(text);
    this.length = text.length;
  }

  /** The kind of the next token (END at the end of the text); its offsets are in `start` and `end`. */
  next(): number {
    for (;;) {
      const kind = this.scan();
      this.beforeLast = this.last;
      this.last = kind;
      if (this.withTrivia || (kind !== WHITESPACE && kind !== COMMENT)) return kind;
    }
  }

  /**
   * Where keepalived starts reading a line (the lexer's atStatementStart): the tokens before are
   * nothing, a line break or a brace, then perhaps spaces.
   */
  private atStatementStart(): boolean {
    const kind = this.last === WHITESPACE ? this.beforeLast : this.last;
    return kind === END || kind === NEWLINE || kind === LBRACE || kind === RBRACE;
  }

  private scan(): number {
    const text = this.text;
    const length = this.length;
    let i = this.end;
    const start = i;
    this.start = start;
    if (i >= length) return END;
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) {
      this.end = i + (c === LF ? 1 : 2);
      return NEWLINE;
    }
    if (isBlank(c) || c === CR) {
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (isBlank(d) || (d === CR && text.charCodeAt(i + 1) !== LF)) i++;
        else break;
      }
      this.end = i;
      return WHITESPACE;
    }
    // A comment, or a backslash right before one (`\#`, `\!`), which starts the comment too.
    if (c === 35 /* # */ || c === 33 /* ! */ || (c === 92 /* \ */ && isCommentMark(text.charCodeAt(i + 1)))) {
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === LF || (d === CR && text.charCodeAt(i + 1) === LF)) break;
        i++;
      }
      this.end = i;
      return COMMENT;
    }
    let end = -1;
    let kind = WORD;
    // The lexer tries Definition, ConfigId and Sequence before Word, each where its context allows.
    if (c === 36 /* $ */ && this.atStatementStart()) {
      end = definitionEnd(text, i);
      if (end > i) kind = DEFINITION;
    } else if (c === 64 /* @ */ && (this.atStatementStart() || this.afterPrefix(false))) {
      end = configIdEnd(text, i);
      if (end > i) kind = CONFIG_ID;
    } else if (c === 126 /* ~ */ && (this.atStatementStart() || this.afterPrefix(true))) {
      end = this.words.sequenceEnd(i);
      if (end > i) kind = SEQUENCE;
    }
    if (end <= i) {
      // The lexer's includeArgument: a space, then an `include` word that starts a statement.
      const include = this.last === WHITESPACE && this.beforeLast === WORD && this.include;
      end = include ? this.words.includeEnd(i) : this.words.wordEnd(i);
      kind = WORD;
    }
    if (end > i) {
      if (kind === WORD) this.include = end - i === 7 && text.startsWith("include", i) && this.atStatementStart();
      this.end = end;
      return kind;
    }
    if (c === 123 /* { */) {
      this.end = i + 1;
      return LBRACE;
    }
    if (c === 125 /* } */) {
      this.end = i + 1;
      return RBRACE;
    }
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
    this.end = i;
    return QUOTED;
  }

  /**
   * After spaces that follow a prefix (the lexer's atPrefixStart): an `@id` may follow a `~SEQ(…)`,
   * and a `~SEQ(…)` may follow either, but an `@id` no other `@id`.
   */
  private afterPrefix(afterConfigIdToo: boolean): boolean {
    return this.last === WHITESPACE && (this.beforeLast === SEQUENCE || (afterConfigIdToo && this.beforeLast === CONFIG_ID));
  }
}

/** Every token of a text, for tests that hold the scanner to the lexer. */
export function scanKeepalived(text: string, withTrivia = false): { kind: number; start: number; end: number }[] {
  const scanner = new KeepalivedScanner(text, withTrivia);
  const tokens: { kind: number; start: number; end: number }[] = [];
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) tokens.push({ kind, start: scanner.start, end: scanner.end });
  return tokens;
}
