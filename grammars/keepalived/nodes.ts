// The keepalived tree's nodes below the blocks: words, trivia, braces, prefixes, statements and
// definitions. A statement keeps where its words and prefixes are in the parse's SpanTable; their
// objects are made when first asked for (see span-table.ts).
import type { SpanTable } from "../common/span-table.js";
import { WordBase } from "../common/word-base.js";
import type { LineIndex, SourceSpan } from "../common/text.js";
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
import { CONFIG_ID, QUOTED, SEQUENCE } from "./scanner.js";

// `${NAME}`, `${NAME 1 10}` (numeric parameters, as `${_RANDOM MIN MAX}` takes), `${_ENV NAME}` or `$NAME`. The
// parameters start with a space: written `[ 0-9]*` right after the name, the digits could belong to
// either, and a long name of digits with no `}` after it backtracked quadratically.
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?: [ 0-9]*|(?<=\{_ENV) [A-Za-z_][A-Za-z0-9_]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

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

const NO_VARIABLES: readonly VariableReference[] = [];

/** A word; its range and variable references are worked out when first asked for. */
export class WordNode extends WordBase implements Word {
  readonly kind = "word" as const;
  private references: readonly VariableReference[] | undefined;

  constructor(text: string, lines: LineIndex, start: number, readonly quoted: boolean) {
    super(text, lines, start);
  }

  get terminated(): boolean {
    return !this.quoted || (this.text.length > 1 && this.text.endsWith('"'));
  }

  get value(): string {
    return this.quoted ? this.text.slice(1, this.terminated ? -1 : undefined) : this.text;
  }

  get variables(): readonly VariableReference[] {
    if (this.references === undefined) {
      this.references = this.text.includes("$")
        ? variablesIn(this.value, this.start + (this.quoted ? 1 : 0), this.lines, this.quoted)
        : NO_VARIABLES;
    }
    return this.references;
  }

  toJSON(): object {
    return { kind: this.kind, text: this.text, value: this.value, range: this.range };
  }
}

/** Spaces, a comment or a line break, with a range made on demand. */
export class TriviaNode implements Trivia {
  private span: SourceSpan | undefined;

  constructor(
    readonly kind: Trivia["kind"],
    readonly text: string,
    private readonly start: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): SourceSpan {
    this.span ??= this.lines.range(this.start, this.start + this.text.length);
    return this.span;
  }

  toJSON(): object {
    return { kind: this.kind, text: this.text, range: this.range };
  }
}

export class BraceNode implements Brace {
  private span: SourceSpan | undefined;

  constructor(
    readonly kind: Brace["kind"],
    private readonly start: number,
    private readonly lines: LineIndex,
  ) {}

  get text(): string {
    return this.kind === "open-brace" ? "{" : "}";
  }

  get range(): SourceSpan {
    this.span ??= this.lines.range(this.start, this.start + 1);
    return this.span;
  }

  toJSON(): object {
    return { kind: this.kind, range: this.range };
  }
}

function makeConfigId(lines: LineIndex, start: number, end: number): ConfigIdPrefix {
  const text = lines.text.slice(start, end);
  const negated = text.startsWith("@^");
  return {
    kind: "config-id",
    text,
    id: text.slice(negated ? 2 : 1),
    negated,
    range: lines.range(start, end),
  };
}

function makeSequence(lines: LineIndex, start: number, end: number): SequencePrefix {
  const text = lines.text.slice(start, end);
  const open = text.indexOf("(");
  const inner = text.slice(open + 1, text.lastIndexOf(")"));
  return {
    kind: "sequence",
    text,
    form: text.slice(1, open).trim(),
    params: inner.split(",").map((param) => param.trim()),
    range: lines.range(start, end),
  };
}

type Part = Word | ConfigIdPrefix | SequencePrefix;

/** A statement's words and prefixes. */
interface Parts {
  /** Words and prefixes in order; the spaces between them are the gaps. */
  readonly parts: readonly Part[];
  readonly words: readonly Word[];
  readonly configId: ConfigIdPrefix | undefined;
  readonly sequence: SequencePrefix | undefined;
}

/** What a statement makes on first use. */
interface Made {
  parts?: Parts;
  args?: readonly Word[];
  tokens?: StatementToken[];
  span?: SourceSpan;
}

/**
 * Every field from the start, in one order: the nodes' `made` objects then share one shape,
 * which keeps reading them fast.
 */
function newMade(): Made {
  return { parts: undefined, args: undefined, tokens: undefined, span: undefined };
}

/**
 * A statement: entries [first, first + count) of the table, each a word, a quoted word or a prefix
 * (the entry's flags are its token kind). Its words, token list and range are made when first asked
 * for. A large file has one per line, so it holds as few fields as it can.
 */
export class StatementNode implements Statement {
  readonly kind = "statement" as const;
  sharesLine = false;
  private made: Made | undefined = undefined;

  constructor(
    private readonly table: SpanTable,
    private readonly first: number,
    private readonly count: number,
    /** 0-based line of the keyword within the piece's LineIndex. */
    private readonly localLine: number,
  ) {}

  get keyword(): Word {
    return this.partsOf().words[0]!;
  }

  get words(): readonly Word[] {
    return this.partsOf().words;
  }

  get configId(): ConfigIdPrefix | undefined {
    return this.partsOf().configId;
  }

  get sequence(): SequencePrefix | undefined {
    return this.partsOf().sequence;
  }

  /** Only prefixes: they are the words. */
  get prefixOnly(): boolean {
    return onlyPrefixes(this.table, this.first, this.count);
  }

  get args(): readonly Word[] {
    const made = (this.made ??= newMade());
    made.args ??= this.words.slice(1);
    return made.args;
  }

  /** Whether the statement has an `@id` or `~SEQ` prefix (`configId` or `sequence` is set), read from the table. */
  get hasPrefix(): boolean {
    if (this.made?.parts) return this.made.parts.configId !== undefined || this.made.parts.sequence !== undefined;
    // Prefixes come first (the scanner reads one only where a statement starts or after another).
    const kind = this.table.flags(this.first);
    return (kind === CONFIG_ID || kind === SEQUENCE) && !this.prefixOnly;
  }

  /** `words.length`, counted in the table without making the words. */
  get wordCount(): number {
    const words = this.made?.parts?.words;
    if (words) return words.length;
    // Prefixes come first: without one at the start, every entry is a word (most statements).
    const table = this.table;
    const kind = table.flags(this.first);
    if (kind !== CONFIG_ID && kind !== SEQUENCE) return this.count;
    // In one pass over the entries: prefixes are not words, unless there is nothing else.
    let prefixes = 0;
    for (let entry = this.first; entry < this.first + this.count; entry++) {
      const kind = table.flags(entry);
      if (kind === CONFIG_ID || kind === SEQUENCE) prefixes++;
    }
    return prefixes === this.count ? this.count : this.count - prefixes;
  }

  /** The text of word `index` as written, read from the table without making the words. */
  wordText(index: number): string | undefined {
    const words = this.made?.parts?.words;
    if (words) return words[index]?.text;
    const entry = this.wordEntry(index);
    return entry < 0 ? undefined : this.table.lines.text.slice(this.table.start(entry), this.table.end(entry));
  }

  /** The value of word `index` (what `words[index].value` gives), read without making the words. */
  wordValue(index: number): string | undefined {
    const words = this.made?.parts?.words;
    if (words) return words[index]?.value;
    const entry = this.wordEntry(index);
    if (entry < 0) return undefined;
    const text = this.table.lines.text.slice(this.table.start(entry), this.table.end(entry));
    if (this.table.flags(entry) !== QUOTED) return text;
    // As WordNode reads it: the quotes taken off, the closing one only when it is there.
    return text.slice(1, text.length > 1 && text.endsWith('"') ? -1 : undefined);
  }

  /** Whether `wordValue(index)` is `value`, compared in the text without making a string. */
  wordIs(index: number, value: string): boolean {
    const words = this.made?.parts?.words;
    if (words) return words[index]?.value === value;
    const entry = this.wordEntry(index);
    if (entry < 0) return false;
    const table = this.table;
    if (table.flags(entry) === QUOTED) return this.wordValue(index) === value;
    const start = table.start(entry);
    return table.end(entry) - start === value.length && table.lines.text.startsWith(value, start);
  }

  /** `words[index].range`, made from the table without making the words. */
  wordRange(index: number): SourceSpan | undefined {
    const words = this.made?.parts?.words;
    if (words) return words[index]?.range;
    const entry = this.wordEntry(index);
    return entry < 0 ? undefined : this.table.lines.range(this.table.start(entry), this.table.end(entry));
  }

  /** The table entry of word `index` (prefixes are not words, unless there is nothing else), or -1. */
  private wordEntry(index: number): number {
    const table = this.table;
    // Prefixes come first: without one at the start, word `index` is entry `first + index`.
    const kind = table.flags(this.first);
    if (kind !== CONFIG_ID && kind !== SEQUENCE) return index >= 0 && index < this.count ? this.first + index : -1;
    const end = this.first + this.count;
    let skipPrefixes: boolean | undefined;
    let n = 0;
    for (let entry = this.first; entry < end; entry++) {
      const kind = table.flags(entry);
      if (kind === CONFIG_ID || kind === SEQUENCE) {
        skipPrefixes ??= !this.prefixOnly;
        if (skipPrefixes) continue;
      }
      if (n === index) return entry;
      n++;
    }
    return -1;
  }

  /** 0-based line of the keyword in the document. */
  get line(): number {
    return this.table.lines.base.line + this.localLine;
  }

  get range(): SourceSpan {
    const made = (this.made ??= newMade());
    made.span ??= this.table.lines.range(this.localStart, this.localEnd);
    return made.span;
  }

  /** Offset of the first word or prefix in the piece's text. */
  get localStart(): number {
    return this.table.start(this.first);
  }

  /** Offset just after the last word in the piece's text. */
  get localEnd(): number {
    return this.table.end(this.first + this.count - 1);
  }

  get tokens(): readonly StatementToken[] {
    const made = (this.made ??= newMade());
    if (!made.tokens) {
      const lines = this.table.lines;
      const tokens: StatementToken[] = [];
      let cursor = -1;
      for (const part of this.partsOf().parts) {
        const start = part.range.localStart;
        if (cursor >= 0 && start > cursor) {
          tokens.push(new TriviaNode("whitespace", lines.text.slice(cursor, start), cursor, lines));
        }
        tokens.push(part);
        cursor = part.range.localEnd;
      }
      made.tokens = tokens;
    }
    return made.tokens;
  }

  toJSON(): object {
    const { kind, keyword, args, configId, sequence, line, sharesLine } = this;
    return { kind, keyword, args, configId, sequence, line, sharesLine, range: this.range };
  }

  private partsOf(): Parts {
    const made = (this.made ??= newMade());
    made.parts ??= this.makeParts();
    return made.parts;
  }

  private makeParts(): Parts {
    const table = this.table;
    const lines = table.lines;
    const text = lines.text;
    const prefixOnly = this.prefixOnly;
    const parts: Part[] = [];
    const words: Word[] = [];
    let configId: ConfigIdPrefix | undefined;
    let sequence: SequencePrefix | undefined;
    for (let entry = this.first; entry < this.first + this.count; entry++) {
      const kind = table.flags(entry);
      const start = table.start(entry);
      const end = table.end(entry);
      if (!prefixOnly && kind === CONFIG_ID) {
        const prefix = makeConfigId(lines, start, end);
        configId ??= prefix;
        parts.push(prefix);
      } else if (!prefixOnly && kind === SEQUENCE) {
        // Prefixes chain (`~SEQ(a, 1, 2) ~SEQ(b, 1, 2) …`): the fields keep the first, `tokens` has all.
        const prefix = makeSequence(lines, start, end);
        sequence ??= prefix;
        parts.push(prefix);
      } else {
        // Only a prefix: keepalived reads nothing here; the tree keeps the prefix as the keyword.
        const word = new WordNode(text.slice(start, end), lines, start, kind === QUOTED);
        parts.push(word);
        words.push(word);
      }
    }
    // Without prefixes the parts are the words: one array fewer per statement.
    return { parts: configId || sequence ? parts : words, words, configId, sequence };
  }
}

/** Whether a statement made of table entries [first, first + count) holds nothing but prefixes. */
function onlyPrefixes(table: SpanTable, first: number, count: number): boolean {
  // Prefixes come first: a statement that does not start with one has words (most of them).
  const kind = table.flags(first);
  if (kind !== CONFIG_ID && kind !== SEQUENCE) return false;
  for (let entry = first + 1; entry < first + count; entry++) {
    const kind = table.flags(entry);
    if (kind !== CONFIG_ID && kind !== SEQUENCE) return false;
  }
  return true;
}

export function makeDefinition(lines: LineIndex, start: number, end: number): Definition {
  const text = lines.text.slice(start, end);
  const equals = text.indexOf("=");
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
