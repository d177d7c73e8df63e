// keepalived.conf tokens, following keepalived 2.2.7's read_line() and alloc_strvec():
// `#` and `!` start a comment anywhere outside double quotes; unquoted `{` and `}` are tokens of
// their own wherever they stand; a double-quoted string is one word and starts a new word; there are
// no escapes. Three line-level forms are recognised at the start of a line: `$NAME=value`
// definitions (continued by a trailing backslash), `@id`/`@^id` prefixes, and `~SEQ(...)`.
import { createToken, Lexer, type CustomPatternMatcherFunc } from "chevrotain";
import { TEMPLATE_EXPRESSION } from "../common/templates.js";

/** True when only spaces or tabs stand between the start of the line and `offset`. */
function atLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** True at the start of a statement: the start of a line or just after a brace. */
function atStatementStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n" || c === "\r" || c === "{" || c === "}") return true;
    if (c !== " " && c !== "\t") return false;
  }
  return true;
}

function match(image: string): RegExpExecArray {
  return [image] as unknown as RegExpExecArray;
}

const DEFINITION_HEAD = /\$[A-Za-z_][A-Za-z0-9_]*=/y;

/** Reads `$NAME=value` up to a comment or the end of the line, following `\` continuations. */
const matchDefinition: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "$" || !atLineStart(text, offset)) return null;
  DEFINITION_HEAD.lastIndex = offset;
  if (!DEFINITION_HEAD.test(text)) return null;
  let i = DEFINITION_HEAD.lastIndex;
  let inQuotes = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "#" || c === "!")) break;
    else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      const lineBreak = c === "\r" ? 2 : 1;
      // A backslash before the line break continues the definition on the next line.
      if (text[i - 1] === "\\") {
        i += lineBreak;
        inQuotes = false;
        continue;
      }
      break;
    }
    i++;
  }
  return match(text.slice(offset, i));
};

const CONFIG_ID = /@\^?[^\s{}#!"]+/y;

const matchConfigId: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "@" || !atLineStart(text, offset)) return null;
  CONFIG_ID.lastIndex = offset;
  const found = CONFIG_ID.exec(text);
  return found && found[0].length > 1 ? found : null;
};

const SEQUENCE = /~(?:SEQx?|LST)[ \t]*\([^)\r\n]*\)/y;

const matchSequence: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "~" || !atStatementStart(text, offset)) return null;
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
// for braces. A template expression (`{{ vip }}`) is one word, so that templates still parse.
export const WordToken = createToken({
  name: "Word",
  pattern: new RegExp(`(?:${TEMPLATE_EXPRESSION.source}|[^ \\t\\v\\f\\r\\n{}"#!$]+|\\$\\{[^}\\s"]*\\}|\\$)+`),
  line_breaks: true,
});

// Word comes before the braces so that a template expression wins over a lone `{`.
export const keepalivedTokens = [Newline, Whitespace, Comment, Definition, ConfigId, Sequence, WordToken, LBrace, RBrace, Quoted];

export const keepalivedLexer = new Lexer(keepalivedTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});
