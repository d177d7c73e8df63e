// keepalived.conf tokens, following keepalived 2.2.7's read_line() and alloc_strvec():
// `#` and `!` start a comment anywhere outside double quotes, and so does a backslash right before
// them (`\#`, `\!`: the backslash is part of the comment, not of a word); unquoted `{` and `}` are
// tokens of their own wherever they stand; a double-quoted string is one word and starts a new word;
// words have no other escapes. Three line-level forms are recognised where keepalived starts reading a line (at the
// start of a physical line, or just after a brace, whose residue it reads as a new line):
// `$NAME=value` definitions (continued by a trailing backslash), `@id`/`@^id` prefixes, and
// `~SEQ(...)`, which may follow another prefix (`@lb1 ~SEQ(i, 1, 3) …`).
//
// This is the definition the scanner (scanner.ts) is held to by test/grammars/scanner-agreement.test.ts;
// only the tests load it, so the shipped bundles carry no Chevrotain.
import { createToken, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from "chevrotain";
import { TEMPLATE_EXPRESSION } from "../common/templates.js";
import { configIdEnd, definitionEnd } from "./line-forms.js";

/**
 * True where keepalived starts reading a line: when the tokens before index `end` are nothing, a
 * line break or a brace token, then perhaps spaces. Tokens, not characters, so that the `}` of a
 * `${A}` or `{{ x }}` word is no brace.
 */
function atStatementStart(tokens: readonly IToken[], end = tokens.length): boolean {
  const last = tokens[end - 1]?.tokenType === Whitespace ? end - 2 : end - 1;
  const type = tokens[last]?.tokenType;
  return type === undefined || type === Newline || type === LBrace || type === RBrace;
}

/**
 * True at the start of a statement or just after one of the `after` prefixes: keepalived strips an
 * `@id` and then looks for `~SEQ`, and reads the text after a `~SEQ(...)` as a new line, so
 * `@lb1 ~SEQ(…) x`, `~SEQ(…) ~SEQ(…) x` and `~SEQ(…) @lb1 x` chain, but `@a @b x` does not.
 */
export function atPrefixStart(tokens: readonly IToken[], after: readonly TokenType[]): boolean {
  if (atStatementStart(tokens)) return true;
  const last = tokens[tokens.length - 1];
  const prefix = last?.tokenType === Whitespace ? tokens[tokens.length - 2] : undefined;
  return prefix !== undefined && after.includes(prefix.tokenType);
}

function match(image: string): RegExpExecArray {
  return [image] as unknown as RegExpExecArray;
}

/** Reads `$NAME=value` up to a comment or the end of the line, following `\` continuations. */
export const matchDefinition: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (text[offset] !== "$" || !atStatementStart(tokens)) return null;
  const end = definitionEnd(text, offset);
  return end < 0 ? null : match(text.slice(offset, end));
};

export const matchConfigId: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (text[offset] !== "@" || !atPrefixStart(tokens, [Sequence])) return null;
  const end = configIdEnd(text, offset);
  return end < 0 ? null : match(text.slice(offset, end));
};

const SEQUENCE = /~(?:SEQx?|LST)[ \t]*\([^)\r\n]*\)/y;

export const matchSequence: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (text[offset] !== "~" || !atPrefixStart(tokens, [ConfigId, Sequence])) return null;
  SEQUENCE.lastIndex = offset;
  return SEQUENCE.exec(text);
};

export const Newline = createToken({ name: "Newline", pattern: /\r?\n/, line_breaks: true });
export const Whitespace = createToken({ name: "Whitespace", pattern: /(?:[ \t\v\f]|\r(?!\n))+/ });
// keepalived 2.2.7 reads `priority 100 \# note` as `priority 100` (measured), and a line that starts
// with `\#` as no statement of the block it stands in; the backslash goes with the comment.
export const Comment = createToken({ name: "Comment", pattern: /\\?[#!](?:[^\r\n]|\r(?!\n))*/ });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/ });
export const Definition = createToken({
  name: "Definition",
  pattern: { exec: matchDefinition },
  line_breaks: true,
  start_chars_hint: ["$"],
});
export const ConfigId = createToken({ name: "ConfigId", pattern: { exec: matchConfigId }, start_chars_hint: ["@"] });
export const Sequence = createToken({ name: "Sequence", pattern: { exec: matchSequence }, start_chars_hint: ["~"] });
// An unterminated quote runs to the end of the line.
export const Quoted = createToken({ name: "Quoted", pattern: /"(?:[^"\r\n]|\r(?!\n))*"?/ });
// `${NAME}` keeps its braces inside the word: keepalived substitutes defined names before it looks
// for braces; so does `${_RANDOM 1 10}`, whose numeric parameters follow a space, and `${_ENV HOME}`
// (keepalived 2.4's environment variables: one name after the space); `${}`, with no name, is not one. A template
// expression (`{{ vip }}`) is one word, so that templates still parse. These two patterns define the
// words; the scanner finds the same ends without backtracking (word-scan.ts).
const WORD = new RegExp(`(?:${TEMPLATE_EXPRESSION.source}|(?:[^ \\t\\v\\f\\r\\n{}"#!$\\\\]|\\\\(?![#!]))+|\\$\\{[^}\\s"]+(?:[ 0-9]*|(?<=\\$\\{_ENV) [A-Za-z_][A-Za-z0-9_]*)\\}|\\$)+`, "y");
// keepalived takes an `include` line whole before it looks for braces, so the braces of a csh-style
// glob (`include /etc/keepalived/{vrrp,lvs}.conf`) belong to the file name.
const INCLUDE_PATTERN = new RegExp(`(?:${TEMPLATE_EXPRESSION.source}|[^ \\t\\v\\f\\r\\n"#!])+`, "y");

/** True for the word after an `include` that starts a statement. */
export function includeArgument(tokens: readonly IToken[]): boolean {
  const include = tokens[tokens.length - 2];
  return (
    tokens[tokens.length - 1]?.tokenType === Whitespace &&
    include?.tokenType === WordToken &&
    include.image === "include" &&
    atStatementStart(tokens, tokens.length - 2)
  );
}

export const matchWord: CustomPatternMatcherFunc = (text, offset, tokens) => {
  const pattern = includeArgument(tokens) ? INCLUDE_PATTERN : WORD;
  pattern.lastIndex = offset;
  return pattern.exec(text);
};

export const WordToken = createToken({ name: "Word", pattern: { exec: matchWord }, line_breaks: true });

// Word comes before the braces so that a template expression wins over a lone `{`.
export const keepalivedTokens = [Newline, Whitespace, Comment, Definition, ConfigId, Sequence, WordToken, LBrace, RBrace, Quoted];

export const keepalivedLexer = new Lexer(keepalivedTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});
