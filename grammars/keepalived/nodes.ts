// Turns keepalived tokens into tree nodes. Kept apart from the Chevrotain parser so that the
// grammar reads as grammar, and so the same constructors serve the edit API.
import type { IToken, TokenType } from "chevrotain";
import { WordToken as WordTokenBase } from "../common/word-token.js";
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
import { Comment, ConfigId, Newline, Quoted, Sequence, Whitespace, WordToken } from "./lexer.js";

// `${NAME}`, `${NAME 1 10}` (numeric parameters, as `${_RANDOM MIN MAX}` takes) or `$NAME`. The
// parameters start with a space: written `[ 0-9]*` right after the name, the digits could belong to
// either, and a long name of digits with no `}` after it backtracked quadratically.
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?: [ 0-9]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

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

/**
 * A word; its range and variable references are worked out when first asked for. It is also the
 * token the Chevrotain parser reads (the scanner makes it directly), one object instead of two.
 */
const WORD_INDEX = WordToken.tokenTypeIdx!;
const QUOTED_INDEX = Quoted.tokenTypeIdx!;

export class WordNode extends WordTokenBase implements Word {
  readonly kind = "word" as const;
  private references: readonly VariableReference[] | undefined;

  constructor(text: string, lines: LineIndex, start: number, readonly quoted: boolean) {
    super(text, lines, start);
  }

  get tokenType(): TokenType {
    return this.quoted ? Quoted : WordToken;
  }

  get tokenTypeIdx(): number {
    return this.quoted ? QUOTED_INDEX : WORD_INDEX;
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

export function makeWord(token: IToken, lines: LineIndex): Word {
  if (token instanceof WordNode) return token;
  return new WordNode(token.image, lines, token.startOffset, token.tokenType === Quoted);
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

export function makeTrivia(token: IToken, lines: LineIndex): Trivia {
  const kind = token.tokenType === Newline ? "newline" : token.tokenType === Comment ? "comment" : "whitespace";
  return new TriviaNode(kind, token.image, token.startOffset, lines);
}

class BraceNode implements Brace {
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

export function makeBrace(token: IToken, lines: LineIndex, kind: Brace["kind"]): Brace {
  return new BraceNode(kind, token.startOffset, lines);
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

/** A statement; its token list (spaces included) and range are made when first asked for. */
class StatementNode implements Statement {
  readonly kind = "statement" as const;
  sharesLine = false;
  private span: SourceSpan | undefined;
  private allTokens: StatementToken[] | undefined;

  private argWords: readonly Word[] | undefined;

  constructor(
    readonly keyword: Word,
    readonly words: readonly Word[],
    readonly configId: ConfigIdPrefix | undefined,
    readonly sequence: SequencePrefix | undefined,
    /** 0-based line of the keyword within the piece's LineIndex. */
    private readonly localLine: number,
    /** Words and prefixes in order; the spaces between them are the gaps. */
    private readonly parts: readonly (Word | ConfigIdPrefix | SequencePrefix)[],
    private readonly lines: LineIndex,
    readonly prefixOnly: boolean,
  ) {}

  get args(): readonly Word[] {
    this.argWords ??= this.words.slice(1);
    return this.argWords;
  }

  /** 0-based line of the keyword in the document. */
  get line(): number {
    return this.lines.base.line + this.localLine;
  }

  get range(): SourceSpan {
    this.span ??= this.lines.range(this.parts[0]!.range.localStart, this.parts[this.parts.length - 1]!.range.localEnd);
    return this.span;
  }

  get tokens(): readonly StatementToken[] {
    if (!this.allTokens) {
      const tokens: StatementToken[] = [];
      let cursor = -1;
      for (const part of this.parts) {
        const start = part.range.localStart;
        if (cursor >= 0 && start > cursor) {
          tokens.push(new TriviaNode("whitespace", this.lines.text.slice(cursor, start), cursor, this.lines));
        }
        tokens.push(part);
        cursor = part.range.localEnd;
      }
      this.allTokens = tokens;
    }
    return this.allTokens;
  }

  toJSON(): object {
    const { kind, keyword, args, configId, sequence, line, sharesLine } = this;
    return { kind, keyword, args, configId, sequence, line, sharesLine, range: this.range };
  }
}

/**
 * Builds a statement from its tokens, which start with a prefix or a word and end with a word; the
 * spaces between them are not kept, they are the gaps.
 */
export function makeStatement(raw: readonly IToken[], lines: LineIndex, prefixesAsWords = false): Statement {
  const parts: (Word | ConfigIdPrefix | SequencePrefix)[] = [];
  const words: Word[] = [];
  let configId: ConfigIdPrefix | undefined;
  let sequence: SequencePrefix | undefined;
  for (const token of raw) {
    const type = token.tokenType;
    if (type === Whitespace) continue;
    if (!prefixesAsWords && type === ConfigId) {
      const prefix = makeConfigId(token, lines);
      configId ??= prefix;
      parts.push(prefix);
    } else if (!prefixesAsWords && type === Sequence) {
      // Prefixes chain (`~SEQ(a, 1, 2) ~SEQ(b, 1, 2) …`): the fields keep the first, `tokens` has all.
      const prefix = makeSequence(token, lines);
      sequence ??= prefix;
      parts.push(prefix);
    } else {
      const word = makeWord(token, lines);
      parts.push(word);
      words.push(word);
    }
  }
  const keyword = words[0];
  // Only a prefix: keepalived reads nothing here; the tree keeps the prefix as the keyword.
  if (!keyword) return makeStatement(raw, lines, true);
  // Without prefixes the parts are the words: one array fewer per statement.
  const localLine = lines.lineOf(parts[0]!.range.localStart);
  return new StatementNode(keyword, words, configId, sequence, localLine, configId || sequence ? parts : words, lines, prefixesAsWords);
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
