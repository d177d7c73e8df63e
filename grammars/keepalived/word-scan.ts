// Where a keepalived word or `~SEQ(…)` prefix ends, for the scanner: what the WORD, INCLUDE_PATTERN
// and SEQUENCE expressions of lexer.ts match, found without re-reading text. Those expressions stay
// the definition (the Chevrotain lexer uses them, and a test holds the scanner to it), but a
// backtracking engine re-reads the rest of the line at every `{{`, `{%`, `${` or `~SEQ(` that is
// never closed, so `${${${…`, `{%{%…` or `{~SEQ({~SEQ(…` took time quadratic in the length of the
// line. Here each search for a missing closer is done once per scan (see ForwardSearch).
import { ForwardSearch, LineBreakSearch } from "../common/forward-search.js";
import { TemplateFinder } from "../common/templates.js";

/** What `\s` matches beyond ASCII. */
const OTHER_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** A character that ends the name of a `${NAME}`: `}`, `"` or what `\s` matches. */
function endsName(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 125 /* } */ || c === 34 /* " */ || c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && OTHER_SPACE.test(text[i]!);
}

/** A letter or `_`: what a name starts with. */
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Characters a word is made of between the special ones: not a blank, line break, brace, quote, `#`, `!` or `$` (nor a backslash before `#` or `!`). */
function isWordCharacter(c: number): boolean {
  return !(c === 32 || (c >= 9 && c <= 13) || c === 123 || c === 125 || c === 34 || c === 35 || c === 33 || c === 36 || Number.isNaN(c));
}

/** Characters of an `include` argument: anything but a blank, a line break, a quote, `#` or `!`. */
function isIncludeCharacter(c: number): boolean {
  return !(c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 35 || c === 33 || Number.isNaN(c));
}

const SEQUENCE_HEAD = /~(?:SEQx?|LST)[ \t]*\(/y;

export class KeepalivedWords {
  private readonly templates: TemplateFinder;
  private readonly closeParenthesis: ForwardSearch;
  private readonly lineBreaks: LineBreakSearch;
  /** The last `${` looked at: names from `nameFrom` on run to `nameEnd`, and the reference to `referenceEnd`. */
  private nameFrom = -1;
  private nameEnd = -1;
  private referenceEnd = -1;

  constructor(private readonly text: string) {
    this.templates = new TemplateFinder(text);
    this.closeParenthesis = new ForwardSearch(text, ")");
    this.lineBreaks = new LineBreakSearch(text);
  }

  /** End of `~SEQ(…)`, `~SEQx(…)` or `~LST(…)` at `start`, closed on its line, or -1. */
  sequenceEnd(start: number): number {
    SEQUENCE_HEAD.lastIndex = start;
    if (!SEQUENCE_HEAD.test(this.text)) return -1;
    const open = SEQUENCE_HEAD.lastIndex;
    const close = this.closeParenthesis.indexOf(open);
    return close < 0 || this.lineBreaks.between(open, close) ? -1 : close + 1;
  }

  /** End of the word at `start` (WORD in lexer.ts): templates, plain runs, `${NAME}` and lone `$`. */
  wordEnd(start: number): number {
    const text = this.text;
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 123 /* { */) {
        const end = this.templates.end(i);
        if (end < 0) return i;
        i = end;
      } else if (c === 36 /* $ */) {
        const end = text.charCodeAt(i + 1) === 123 ? this.referenceAt(i) : -1;
        i = end < 0 ? i + 1 : end;
      } else if (isWordCharacter(c) && !this.startsComment(i)) {
        i++;
        while (isWordCharacter(text.charCodeAt(i)) && !this.startsComment(i)) i++;
      } else return i;
    }
  }

  /** Whether a backslash at `i` starts a comment (`\#`, `\!`): it ends the word before it. */
  private startsComment(i: number): boolean {
    const next = this.text.charCodeAt(i + 1);
    return this.text.charCodeAt(i) === 92 /* \ */ && (next === 35 /* # */ || next === 33 /* ! */);
  }

  /** End of an `include` argument at `start` (INCLUDE_PATTERN): braces belong to the file name. */
  includeEnd(start: number): number {
    const text = this.text;
    let i = start;
    for (;;) {
      // The pattern tries a template at every character, `{` included, before taking it as one.
      const template = text.charCodeAt(i) === 123 ? this.templates.end(i) : -1;
      if (template >= 0) i = template;
      else if (isIncludeCharacter(text.charCodeAt(i))) i++;
      else return i;
    }
  }

  /**
   * End of `${NAME}`, `${NAME 1 10}` or `${_ENV NAME}` at `i` (the pattern's `\$\{[^}\s"]*(?:[ 0-9]*|…)\}`), or -1. Every
   * `${` up to the same end of name gives the same answer, so `${${${…` reads its run once.
   */
  private referenceAt(i: number): number {
    const from = i + 2;
    if (this.nameFrom < 0 || from < this.nameFrom || from > this.nameEnd) {
      const text = this.text;
      let end = from;
      while (end < text.length && !endsName(text, end)) end++;
      this.nameFrom = from;
      this.nameEnd = end;
      this.referenceEnd = -1;
      // Numeric parameters follow a space; the name's own digits are in the run already. Without a
      // name (`${}`) keepalived substitutes nothing and reads the braces as braces.
      if (end === from) this.referenceEnd = -1;
      else if (text.charCodeAt(end) === 125) this.referenceEnd = end + 1;
      else if (text.charCodeAt(end) === 32) {
        let j = end;
        while (text.charCodeAt(j) === 32 || (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)) j++;
        if (text.charCodeAt(j) === 125) this.referenceEnd = j + 1;
        // `${_ENV NAME}`: one name after a single space.
        else if (end - from === 4 && text.startsWith("_ENV", from) && isNameStart(text.charCodeAt(end + 1))) {
          j = end + 2;
          while (isNameStart(text.charCodeAt(j)) || (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)) j++;
          if (text.charCodeAt(j) === 125) this.referenceEnd = j + 1;
        }
      }
    }
    return this.referenceEnd;
  }
}
