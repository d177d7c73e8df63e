// One haproxy word and how haproxy 2.6 reads it: backslash escapes, 'strong' and "weak" quotes
// (concatenated freely inside one word), and environment variables, which haproxy expands only
// inside double quotes (`"${ADDR}"`, `"$ADDR"`, `"${ADDR-127.0.0.1}"`, `"${LIST[*]}"`).
// Decoding is lazy: most words are plain and never need it.
import { excerpt } from "../common/excerpt.js";
import { ForwardSearch } from "../common/forward-search.js";
import { WordBase } from "../common/word-base.js";
import type { LineIndex, SourceSpan } from "../common/text.js";

/** An environment variable reference inside double quotes: `${NAME}`, `$NAME`, `${NAME[*]}`. */
export interface VariableReference {
  readonly kind: "variable";
  /** The reference as written: `$NAME`, `${NAME}`, `${NAME-default}`, `${NAME[*]}`. */
  readonly text: string;
  readonly name: string;
  readonly defaultValue: string | undefined;
  readonly braced: boolean;
  /** `${NAME[*]}` expands to several words. */
  readonly list: boolean;
  readonly range: SourceSpan;
}

/** A piece of a word: plain text, an escape, a quoted part or a variable. */
export type WordPart =
  | { readonly kind: "text"; readonly text: string; readonly value: string; readonly range: SourceSpan }
  | { readonly kind: "escape"; readonly text: string; readonly value: string; readonly range: SourceSpan }
  | {
      readonly kind: "single-quoted";
      readonly text: string;
      readonly value: string;
      readonly terminated: boolean;
      readonly range: SourceSpan;
    }
  | {
      readonly kind: "double-quoted";
      readonly text: string;
      /** Decoded content; variables are kept as written. */
      readonly value: string;
      readonly terminated: boolean;
      readonly parts: readonly WordPart[];
      readonly range: SourceSpan;
    }
  | VariableReference;

/** Something in a word that haproxy refuses: a bad `\x` escape or a malformed variable reference. */
export interface WordProblem {
  readonly code: "invalid-escape" | "invalid-variable";
  readonly message: string;
  readonly range: SourceSpan;
}

interface Decoded {
  /** Whether the word has no quote and no backslash. */
  plain: boolean;
  parts: WordPart[];
  value: string;
  variables: VariableReference[];
  unterminatedQuote: WordPart | undefined;
  problems: WordProblem[];
}

/** No quote and no backslash (three searches: a regular expression would be compiled at first use, in every run). */
function isPlain(text: string): boolean {
  return text.indexOf("\\") < 0 && text.indexOf("'") < 0 && text.indexOf('"') < 0;
}

/** Stands for the decoding of a plain word, whose value is its text. */
const PLAIN_WORD: Decoded = { plain: true, parts: [], value: "", variables: [], unterminatedQuote: undefined, problems: [] };

/** A haproxy word: its text as written, its decoded value, its quoted parts and variables, and its range. */
export class Word extends WordBase {
  readonly kind = "word" as const;
  /** PLAIN_WORD for a plain word, else its decoding (a plain word's parts are made when asked for). */
  private decoded: Decoded;

  /**
   * `plain`: the scanner saw no quote, backslash or template expression in the word. Few words are
   * not plain, so decoding them here costs little, and leaves `value` one read: rules read it very
   * often, mostly in a command's one cold run. (It stays an accessor, which the rule-scaling test
   * counts.)
   */
  constructor(text: string, lines: LineIndex, start: number, plain = false) {
    super(text, lines, start);
    this.decoded = plain || isPlain(text) ? PLAIN_WORD : decodeWord(text, this.range, false);
  }

  /** True when the word has no quote and no backslash: its value is its text. */
  get isPlain(): boolean {
    return this.decoded.plain;
  }

  /** What haproxy sees, with quotes and escapes removed and variables left as written. */
  get value(): string {
    const decoded = this.decoded;
    return decoded.plain ? this.text : decoded.value;
  }

  toJSON(): { kind: "word"; text: string; range: SourceSpan } {
    return { kind: this.kind, text: this.text, range: this.range };
  }

  get parts(): readonly WordPart[] {
    return this.decode().parts;
  }

  /** Environment variable references (inside double quotes, where haproxy expands them). */
  get variables(): readonly VariableReference[] {
    return this.isPlain ? [] : this.decode().variables;
  }

  /** The quoted part that runs to the end of the line without its closing quote, if any. */
  get unterminatedQuote(): WordPart | undefined {
    return this.isPlain ? undefined : this.decode().unterminatedQuote;
  }

  /** Escapes and variable references that haproxy refuses. */
  get problems(): readonly WordProblem[] {
    return this.isPlain ? [] : this.decode().problems;
  }

  /** The value with variables replaced from `env` (unset ones expand to their default or to ""). */
  expand(env: Readonly<Record<string, string | undefined>>): string {
    if (this.isPlain) return this.text;
    let out = "";
    const visit = (parts: readonly WordPart[]): void => {
      for (const part of parts) {
        if (part.kind === "variable") out += env[part.name] ?? part.defaultValue ?? "";
        else if (part.kind === "double-quoted") visit(part.parts);
        else out += part.value;
      }
    };
    visit(this.decode().parts);
    return out;
  }

  /** The decoding, which a plain word also gets when its parts are asked for. */
  private decode(): Decoded {
    const decoded = this.decoded;
    if (decoded !== PLAIN_WORD) return decoded;
    this.decoded = decodeWord(this.text, this.range, true);
    return this.decoded;
  }
}

// No `\<TAB>`: haproxy 2.6 keeps that backslash (and outside quotes splits the word at the tab).
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  " ": " ",
  "#": "#",
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Reads a backslash sequence at `i`; returns its length and value (unknown escapes keep the backslash). */
function readEscape(text: string, i: number, inDoubleQuotes: boolean): { length: number; value: string } {
  const next = text[i + 1];
  if (next === undefined) return { length: 1, value: "\\" };
  if (next === "x" && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
    return { length: 4, value: String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16)) };
  }
  if (inDoubleQuotes && next === "$") return { length: 2, value: "$" };
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { length: 2, value: simple };
  return { length: 2, value: "\\" + next };
}

const PSEUDO_VARIABLES: ReadonlySet<string> = new Set([".FILE", ".LINE", ".SECTION"]);

/** haproxy accepts `\x` only before two hexadecimal digits. */
function checkEscape(text: string, i: number, at: (from: number, to: number) => SourceSpan, problems: WordProblem[]): void {
  if (text[i + 1] === "x" && !/^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
    problems.push({ code: "invalid-escape", message: "'\\x' must be followed by two hexadecimal digits", range: at(i, Math.min(text.length, i + 4)) });
  }
}

/** Why a `$` inside double quotes does not start a valid reference, as haproxy says it. */
function variableProblem(text: string, i: number, closeBrace: ForwardSearch): string {
  if (text[i + 1] !== "{") return "'$' must be followed by a variable name inside double quotes (write '\\$' for a dollar sign)";
  return closeBrace.indexOf(i) < 0 ? "this '${' is never closed by '}'" : "only '${NAME}', '${NAME-default}' and '${NAME[*]}' are valid here";
}

const VARIABLE = /\$(?:\{(\.?[A-Za-z_][A-Za-z0-9_]*)(\[\*\])?(?:-([^}]*))?\}|(\.?[A-Za-z_][A-Za-z0-9_]*))/y;

function decodeWord(text: string, span: SourceSpan, plain: boolean): Decoded {
  const base = span.localStart;
  const lines = span.lines;
  const at = (from: number, to: number) => lines.range(base + from, base + to);
  const parts: WordPart[] = [];
  const variables: VariableReference[] = [];
  const problems: WordProblem[] = [];
  let unterminatedQuote: WordPart | undefined;
  let value = "";
  let i = 0;
  let textStart = -1;
  const flushText = (end: number) => {
    if (textStart >= 0) {
      const raw = text.slice(textStart, end);
      parts.push({ kind: "text", text: raw, value: raw, range: at(textStart, end) });
      textStart = -1;
    }
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") {
      flushText(i);
      checkEscape(text, i, at, problems);
      const escape = readEscape(text, i, false);
      parts.push({ kind: "escape", text: text.slice(i, i + escape.length), value: escape.value, range: at(i, i + escape.length) });
      value += escape.value;
      i += escape.length;
    } else if (c === "'") {
      flushText(i);
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close + 1;
      const inner = text.slice(i + 1, close < 0 ? text.length : close);
      const part: WordPart = { kind: "single-quoted", text: text.slice(i, end), value: inner, terminated: close >= 0, range: at(i, end) };
      parts.push(part);
      if (close < 0) unterminatedQuote = part;
      value += inner;
      i = end;
    } else if (c === '"') {
      flushText(i);
      const inner = decodeDoubleQuoted(text, i, at, variables, problems);
      parts.push(inner.part);
      if (!inner.part.terminated) unterminatedQuote = inner.part;
      value += inner.part.value;
      i = inner.end;
    } else {
      if (textStart < 0) textStart = i;
      value += c;
      i++;
    }
  }
  flushText(text.length);
  return { plain, parts, value, variables, unterminatedQuote, problems };
}

function decodeDoubleQuoted(
  text: string,
  start: number,
  at: (from: number, to: number) => SourceSpan,
  variables: VariableReference[],
  problems: WordProblem[],
): { part: WordPart & { kind: "double-quoted" }; end: number } {
  const parts: WordPart[] = [];
  let value = "";
  let i = start + 1;
  let textStart = -1;
  let terminated = false;
  let closeBrace: ForwardSearch | undefined;
  const flushText = (end: number) => {
    if (textStart >= 0) {
      const raw = text.slice(textStart, end);
      parts.push({ kind: "text", text: raw, value: raw, range: at(textStart, end) });
      textStart = -1;
    }
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      terminated = true;
      break;
    }
    if (c === "\\") {
      flushText(i);
      checkEscape(text, i, at, problems);
      const escape = readEscape(text, i, true);
      parts.push({ kind: "escape", text: text.slice(i, i + escape.length), value: escape.value, range: at(i, i + escape.length) });
      value += escape.value;
      i += escape.length;
      continue;
    }
    if (c === "$") {
      // The search for a `}` is shared by every `$` of the word: `"${A-${A-…` would otherwise read
      // the rest of the word at each one.
      closeBrace ??= new ForwardSearch(text, "}");
      VARIABLE.lastIndex = i;
      const match = text[i + 1] === "{" && closeBrace.indexOf(i) < 0 ? null : VARIABLE.exec(text);
      if (match) {
        flushText(i);
        const raw = match[0];
        const reference: VariableReference = {
          kind: "variable",
          text: raw,
          name: match[1] ?? match[4] ?? "",
          defaultValue: match[3],
          braced: match[1] !== undefined,
          list: match[2] !== undefined,
          range: at(i, i + raw.length),
        };
        parts.push(reference);
        variables.push(reference);
        if (reference.name.startsWith(".") && !PSEUDO_VARIABLES.has(reference.name)) {
          problems.push({ code: "invalid-variable", message: `'${excerpt(reference.name)}' is not a pseudo-variable haproxy knows (.FILE, .LINE, .SECTION)`, range: reference.range });
        }
        value += raw;
        i += raw.length;
        continue;
      }
      problems.push({ code: "invalid-variable", message: variableProblem(text, i, closeBrace), range: at(i, i + 1) });
    }
    if (textStart < 0) textStart = i;
    value += c;
    i++;
  }
  flushText(i);
  const end = terminated ? i + 1 : i;
  return {
    part: { kind: "double-quoted", text: text.slice(start, end), value, terminated, parts, range: at(start, end) },
    end,
  };
}
