// Hand-written searches for the patterns haproxy rules look for in the whole text of a file (see
// TextProbe). Each starts from a character `indexOf` finds quickly, where the regular expression it
// stands for would try every position of a text of several megabytes (measured on the 3.8 MB bench
// file, first call of a process: 0.1 ms against 2.3 ms and 0.9 ms). A search that must look at every
// line start is left to its regular expression: a loop over 80,000 lines in JavaScript, run once,
// stays in the interpreter and took twice as long as the regular expression's native code.
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
