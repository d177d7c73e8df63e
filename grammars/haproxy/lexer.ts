// haproxy.cfg tokens. Keywords are not tokens: a line is words, spaces, a `#` comment and a line
// break, and the meaning of each word comes from the keyword tables. A word is everything up to an
// unquoted space or `#`; quotes and backslash escapes stay inside the word (see words.ts).
import { createToken, Lexer } from "chevrotain";

export const Newline = createToken({ name: "Newline", pattern: /\r?\n/, line_breaks: true });

// A lone CR is a separator, as it is for haproxy's line reader; a CR before LF belongs to the line break.
export const Whitespace = createToken({ name: "Whitespace", pattern: /(?:[ \t\v\f]|\r(?!\n))+/ });

// `#` starts a comment anywhere outside quotes, even in the middle of a word (`/foo#bar` is `/foo`).
export const Comment = createToken({ name: "Comment", pattern: /#(?:[^\r\n]|\r(?!\n))*/ });

// An unterminated quote runs to the end of the line and is reported by the word decoder.
export const WordToken = createToken({
  name: "Word",
  pattern: /(?:[^ \t\v\f\r\n#"'\\]+|\\[^\n]?|"(?:[^"\\\n]|\\[^\n]?)*"?|'[^'\n]*'?)+/,
  line_breaks: true,
});

export const haproxyTokens = [Newline, Whitespace, Comment, WordToken];

export const haproxyLexer = new Lexer(haproxyTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});
