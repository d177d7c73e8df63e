// Hand-written searches for the patterns haproxy rules look for in the whole text of a file (see
// TextProbe). Each starts from a character `indexOf` finds quickly, where the regular expression it
// stands for would try every position of a text of several megabytes.
import type { TextProbe } from "../search-lines.js";

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const BACKSLASH = 92;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** A `#` right after something other than a blank or a line break, or after an escaped blank. */
export const HASH_AFTER_WORD: TextProbe = {
  pattern: /(?:[^ \t\r\n]|\\[ \t])#/,
  find(text, from) {
    for (let at = text.indexOf("#", from + 1); at >= 0; at = text.indexOf("#", at + 1)) {
      const before = text.charCodeAt(at - 1);
      if (!isBlank(before) && before !== LINE_FEED && before !== CARRIAGE_RETURN) return at - 1;
      if (isBlank(before) && at - 2 >= from && text.charCodeAt(at - 2) === BACKSLASH) return at - 2;
    }
    return -1;
  },
};

/** Whether a JavaScript regular expression's `$` (multiline) holds at `at`: the end, or a line terminator. */
function atLineEnd(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const code = text.charCodeAt(at);
  return code === LINE_FEED || code === CARRIAGE_RETURN || code === 0x2028 || code === 0x2029;
}

/** A backslash followed by nothing but blanks up to the end of its line. */
export const BACKSLASH_AT_LINE_END: TextProbe = {
  pattern: /\\[ \t]*$/m,
  find(text, from) {
    for (let at = text.indexOf("\\", from); at >= 0; at = text.indexOf("\\", at + 1)) {
      let end = at + 1;
      while (end < text.length && isBlank(text.charCodeAt(end))) end++;
      if (atLineEnd(text, end)) return at;
    }
    return -1;
  },
};

const DOT_OR_QUOTE = /^[ \t]*["'\\.]/m;
let lastText: string | undefined;
let lastHasRareBreaks = false;

/**
 * A line whose first non-blank character is a dot, a quote or a backslash. The lines start after
 * each line feed; in a text with a lone carriage return or a Unicode line separator, which also
 * start a line for a JavaScript `^`, the regular expression is run instead.
 */
export const DOT_OR_QUOTE_AT_LINE_START: TextProbe = {
  pattern: DOT_OR_QUOTE,
  find(text, from) {
    if (text !== lastText) {
      lastText = text;
      lastHasRareBreaks = /\r(?!\n)|[\u2028\u2029]/.test(text);
    }
    if (lastHasRareBreaks) {
      const search = new RegExp(DOT_OR_QUOTE.source, "gm");
      search.lastIndex = from;
      return search.exec(text)?.index ?? -1;
    }
    let start = from === 0 || text.charCodeAt(from - 1) === LINE_FEED ? from : text.indexOf("\n", from) + 1;
    while (start > 0 || (start === 0 && from === 0)) {
      let at = start;
      while (at < text.length && isBlank(text.charCodeAt(at))) at++;
      const code = text.charCodeAt(at);
      if (code === 46 || code === 34 || code === 39 || code === BACKSLASH) return start;
      const next = text.indexOf("\n", at);
      if (next < 0) return -1;
      start = next + 1;
    }
    return -1;
  },
};
