// haproxy.cfg tokens. Keywords are not tokens: a line is words, spaces, a `#` comment and a line
// break, and the meaning of each word comes from the keyword tables. A word is everything up to an
// unquoted space or `#`; quotes and backslash escapes stay inside the word (see words.ts).
import { createToken, Lexer } from "chevrotain";
import { TEMPLATE_EXPRESSION } from "../common/templates.js";

export const Newline = createToken({ name: "Newline", pattern: /\r?\n/, line_breaks: true });

// A lone CR is read as a separator; a CR before LF belongs to the line break. (haproxy only treats a
// lone CR as a separator inside a run of blanks: right after a word it ends the line and the rest of
// the physical line is ignored. That is not modelled.)
export const Whitespace = createToken({ name: "Whitespace", pattern: /(?:[ \t\v\f]|\r(?!\n))+/ });

// `#` starts a comment anywhere outside quotes, even in the middle of a word (`/foo#bar` is `/foo`).
export const Comment = createToken({ name: "Comment", pattern: /#(?:[^\r\n]|\r(?!\n))*/ });

// An unterminated quote runs to the end of the line and is reported by the word decoder. A template
// expression (`{{ backend_name }}`) is one word, so that templates still parse. A CR ends a quote or an
// escape as it ends the line for haproxy, so that a CRLF stays one line break. Only a space can be
// escaped: haproxy keeps a backslash before a tab or another blank and splits the word there (the
// manual's `\<TAB>` is not implemented).
export const WordToken = createToken({
  name: "Word",
  pattern: new RegExp(`(?:${TEMPLATE_EXPRESSION.source}|[^ \\t\\v\\f\\r\\n#"'\\\\]+|\\\\[^\\t\\v\\f\\r\\n]?|"(?:[^"\\\\\\r\\n]|\\\\[^\\r\\n]?)*"?|'[^'\\r\\n]*'?)+`),
  line_breaks: true,
});

export const haproxyTokens = [Newline, Whitespace, Comment, WordToken];

export const haproxyLexer = new Lexer(haproxyTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});
