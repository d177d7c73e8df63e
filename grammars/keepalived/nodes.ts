// Turns keepalived tokens into tree nodes. Kept apart from the Chevrotain parser so that the
// grammar reads as grammar, and so the same constructors serve the edit API.
import type { IToken } from "chevrotain";
import type { LineIndex } from "../common/text.js";
import type {
  Brace,
  ConfigIdPrefix,
  Definition,
  SequencePrefix,
  Statement,
  StatementToken,
  Trivia,
  VariableReference,
  Word,
} from "./ast.js";
import { Comment, ConfigId, Newline, Quoted, Sequence } from "./lexer.js";

// `${NAME}`, `${NAME 1 10}` (numeric parameters, as `${_RANDOM MIN MAX}` takes) or `$NAME`.
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)[ 0-9]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * keepalived substitutes `$NAME` only when a blank, `,`, `)` or the end of the line (a comment ends
 * it too) follows, inside quotes as well: `$A "x $A" $A,b` has three, `$A"x"` and `$A/24` none.
 */
function endsBareName(source: string, at: number, quoted: boolean): boolean {
  const next = source[at];
  return next === undefined || " \t,)\r\n".includes(next) || (!quoted && (next === "#" || next === "!"));
}

function variablesIn(text: string, start: number, lines: LineIndex, quoted: boolean): VariableReference[] {
  if (!text.includes("$")) return [];
  const found: VariableReference[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const at = start + m.index;
    const end = at + m[0].length;
    if (m[2] !== undefined && !endsBareName(lines.text, end, quoted)) continue;
    found.push({
      kind: "variable",
      text: m[0],
      name: m[1] ?? m[2] ?? "",
      braced: m[1] !== undefined,
      range: lines.range(at, end),
    });
  }
  return found;
}

export function makeWord(token: IToken, lines: LineIndex): Word {
  const text = token.image;
  const start = token.startOffset;
  const range = lines.range(start, start + text.length);
  if (token.tokenType === Quoted) {
    const terminated = text.length > 1 && text.endsWith('"');
    const value = text.slice(1, terminated ? -1 : undefined);
    return { kind: "word", text, value, quoted: true, terminated, variables: variablesIn(value, start + 1, lines, true), range };
  }
  return { kind: "word", text, value: text, quoted: false, terminated: true, variables: variablesIn(text, start, lines, false), range };
}

export function makeTrivia(token: IToken, lines: LineIndex): Trivia {
  const kind = token.tokenType === Newline ? "newline" : token.tokenType === Comment ? "comment" : "whitespace";
  return { kind, text: token.image, range: lines.range(token.startOffset, token.startOffset + token.image.length) };
}

export function makeBrace(token: IToken, lines: LineIndex, kind: Brace["kind"]): Brace {
  return { kind, text: token.image, range: lines.range(token.startOffset, token.startOffset + token.image.length) };
}

function makeConfigId(token: IToken, lines: LineIndex): ConfigIdPrefix {
  const text = token.image;
  const negated = text.startsWith("@^");
  return {
    kind: "config-id",
    text,
    id: text.slice(negated ? 2 : 1),
    negated,
    range: lines.range(token.startOffset, token.startOffset + text.length),
  };
}

function makeSequence(token: IToken, lines: LineIndex): SequencePrefix {
  const text = token.image;
  const open = text.indexOf("(");
  const inner = text.slice(open + 1, text.lastIndexOf(")"));
  return {
    kind: "sequence",
    text,
    form: text.slice(1, open).trim(),
    params: inner.split(",").map((param) => param.trim()),
    range: lines.range(token.startOffset, token.startOffset + text.length),
  };
}

/** Builds a statement from its tokens, which start with a prefix or a word and end with a word. */
export function makeStatement(raw: readonly IToken[], lines: LineIndex, prefixesAsWords = false): Statement {
  const tokens: StatementToken[] = [];
  const words: Word[] = [];
  let configId: ConfigIdPrefix | undefined;
  let sequence: SequencePrefix | undefined;
  for (const token of raw) {
    if (prefixesAsWords && (token.tokenType === ConfigId || token.tokenType === Sequence)) {
      const word = makeWord(token, lines);
      tokens.push(word);
      words.push(word);
    } else if (token.tokenType === ConfigId) {
      const prefix = makeConfigId(token, lines);
      configId ??= prefix;
      tokens.push(prefix);
    } else if (token.tokenType === Sequence) {
      // Prefixes chain (`~SEQ(a, 1, 2) ~SEQ(b, 1, 2) …`): the fields keep the first, `tokens` has all.
      const prefix = makeSequence(token, lines);
      sequence ??= prefix;
      tokens.push(prefix);
    } else if (token.tokenType === Newline || token.tokenType === Comment || token.image.trim() === "") tokens.push(makeTrivia(token, lines));
    else {
      const word = makeWord(token, lines);
      tokens.push(word);
      words.push(word);
    }
  }
  const keyword = words[0];
  // A prefix alone on its line is read by keepalived as a (meaningless) keyword.
  if (!keyword) return makeStatement(raw, lines, true);
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return {
    kind: "statement",
    keyword,
    args: words.slice(1),
    words,
    tokens,
    configId,
    sequence,
    line: lines.lineOf(keyword.range.startOffset),
    sharesLine: false,
    range: lines.range(first.range.startOffset, last.range.endOffset),
  };
}

export function makeDefinition(token: IToken, lines: LineIndex): Definition {
  const text = token.image;
  const equals = text.indexOf("=");
  const start = token.startOffset;
  return {
    kind: "definition",
    text,
    name: text.slice(1, equals),
    nameRange: lines.range(start + 1, start + equals),
    value: text.slice(equals + 1),
    // The token only spans lines through continuations (`\` may be followed by blanks or a comment).
    multiline: text.includes("\n"),
    range: lines.range(start, start + text.length),
  };
}
