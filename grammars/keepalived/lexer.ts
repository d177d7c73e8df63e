// keepalived.conf tokens, following keepalived 2.2.7's read_line() and alloc_strvec():
// `#` and `!` start a comment anywhere outside double quotes; unquoted `{` and `}` are tokens of
// their own wherever they stand; a double-quoted string is one word and starts a new word; words have
// no escapes. Three line-level forms are recognised where keepalived starts reading a line (at the
// start of a physical line, or just after a brace, whose residue it reads as a new line):
// `$NAME=value` definitions (continued by a trailing backslash), `@id`/`@^id` prefixes, and
// `~SEQ(...)`, which may follow another prefix (`@lb1 ~SEQ(i, 1, 3) …`).
import { createToken, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from "chevrotain";
import { TEMPLATE_EXPRESSION } from "../common/templates.js";

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

const DEFINITION_HEAD = /\$[A-Za-z_][A-Za-z0-9_]*=/y;

/**
 * Where one line of a definition ends and whether the next line continues it, as keepalived's
 * decomment() reads it: an unquoted `#` or `!` starts a comment, a backslash escapes the character
 * after it, and the line continues when it ends in a backslash once the comment and trailing blanks
 * are cut (`$A=x \ # note`), or when its very last character is a backslash, even inside the comment.
 */
function definitionLine(text: string, start: number): { end: number; continues: boolean; next: number | undefined } {
  const newline = text.indexOf("\n", start);
  const next = newline < 0 ? undefined : newline + 1;
  let end = newline < 0 ? text.length : newline;
  if (newline >= 0 && text[end - 1] === "\r") end--;
  let quoted = false;
  let comment = -1;
  let backslashLast = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"') {
      if (comment < 0) quoted = !quoted;
    } else if (c === "\\") {
      if (i + 1 < end) i++;
      else backslashLast = true;
    } else if (!quoted && comment < 0 && (c === "#" || c === "!")) comment = i;
  }
  let content = comment < 0 ? end : comment;
  while (content > start && (text[content - 1] === " " || text[content - 1] === "\t")) content--;
  const continues = backslashLast || (content > start && text[content - 1] === "\\");
  // A continued line keeps its comment inside the definition; the last line leaves it to a Comment.
  return { end: continues || comment < 0 ? end : comment, continues, next };
}

/** Reads `$NAME=value` up to a comment or the end of the line, following `\` continuations. */
export const matchDefinition: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (text[offset] !== "$" || !atStatementStart(tokens)) return null;
  DEFINITION_HEAD.lastIndex = offset;
  if (!DEFINITION_HEAD.test(text)) return null;
  for (let start = DEFINITION_HEAD.lastIndex; ; ) {
    const line = definitionLine(text, start);
    if (!line.continues || line.next === undefined) return match(text.slice(offset, line.end));
    start = line.next;
  }
};

const CONFIG_ID = /@\^?[^\s{}#!"]+/y;

export const matchConfigId: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (text[offset] !== "@" || !atPrefixStart(tokens, [Sequence])) return null;
  CONFIG_ID.lastIndex = offset;
  const found = CONFIG_ID.exec(text);
  return found && found[0].length > 1 ? found : null;
};

const SEQUENCE = /~(?:SEQx?|LST)[ \t]*\([^)\r\n]*\)/y;

export const matchSequence: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (text[offset] !== "~" || !atPrefixStart(tokens, [ConfigId, Sequence])) return null;
  SEQUENCE.lastIndex = offset;
  return SEQUENCE.exec(text);
};

export const Newline = createToken({ name: "Newline", pattern: /\r?\n/, line_breaks: true });
export const Whitespace = createToken({ name: "Whitespace", pattern: /(?:[ \t\v\f]|\r(?!\n))+/ });
export const Comment = createToken({ name: "Comment", pattern: /[#!](?:[^\r\n]|\r(?!\n))*/ });
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
// for braces; so does `${_RANDOM 1 10}`, whose numeric parameters follow a space. A template
// expression (`{{ vip }}`) is one word, so that templates still parse. These two patterns define the
// words; the scanner finds the same ends without backtracking (word-scan.ts).
const WORD = new RegExp(`(?:${TEMPLATE_EXPRESSION.source}|[^ \\t\\v\\f\\r\\n{}"#!$]+|\\$\\{[^}\\s"]*[ 0-9]*\\}|\\$)+`, "y");
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
