// The keepalived.conf syntax tree. It follows the braces as written (blocks nest), and each
// statement is what keepalived itself reads: keepalived cuts every line at unquoted `{` and `}` and
// reads each piece as ONE statement, so `state BACKUP priority 150` is the statement `state` with
// three arguments, of which keepalived uses one. `Statement.sharesLine` and `Block.header` let a
// checker say what was written and what keepalived will do with it.
// Every byte of the source belongs to exactly one token, so printing the tree gives the file back.
import type { SourceSpan } from "../common/text.js";

/** Spaces, a comment or a line break. */
export interface Trivia {
  readonly kind: "whitespace" | "comment" | "newline";
  readonly text: string;
  readonly range: SourceSpan;
}

/** `${NAME}` anywhere, or `$NAME` at the end of a word (keepalived substitutes both). */
export interface VariableReference {
  readonly kind: "variable";
  readonly text: string;
  readonly name: string;
  readonly braced: boolean;
  readonly range: SourceSpan;
}

/** A keepalived word: as written, and as keepalived reads it. */
export interface Word {
  readonly kind: "word";
  /** As written, quotes included. */
  readonly text: string;
  /** What keepalived reads: the text inside the quotes for a quoted word. */
  readonly value: string;
  readonly quoted: boolean;
  /** A quoted word whose closing quote is missing runs to the end of the line. */
  readonly terminated: boolean;
  readonly variables: readonly VariableReference[];
  readonly range: SourceSpan;
}

/** `@id` or `@^id` at the start of a line: keep the line only on the host whose config id is (not) `id`. */
export interface ConfigIdPrefix {
  readonly kind: "config-id";
  readonly text: string;
  readonly id: string;
  readonly negated: boolean;
  readonly range: SourceSpan;
}

/**
 * `~SEQ(var, start, step, end)` before a statement: the statement is repeated for each value. Several
 * may stand before one statement (nested loops); `Statement.sequence` is the first.
 */
export interface SequencePrefix {
  readonly kind: "sequence";
  readonly text: string;
  /** `SEQ`, `SEQx` or `LST`. */
  readonly form: string;
  /** The comma-separated parameters inside the parentheses, trimmed. */
  readonly params: readonly string[];
  readonly range: SourceSpan;
}

/** One token of a statement: a word, a prefix, or the spaces between them. */
export type StatementToken = Word | Trivia | ConfigIdPrefix | SequencePrefix;

/** One statement as keepalived reads it: a keyword and its arguments, with any `@id` / `~SEQ` prefixes. */
export interface Statement {
  readonly kind: "statement";
  readonly keyword: Word;
  readonly args: readonly Word[];
  readonly words: readonly Word[];
  /**
   * How many words, and their texts and values one by one: what `words` gives, read without making
   * the word objects (a large file has hundreds of thousands).
   */
  readonly wordCount: number;
  wordText(index: number): string | undefined;
  wordValue(index: number): string | undefined;
  /** Whether `wordValue(index)` is `value` (compared without making a string). */
  wordIs(index: number, value: string): boolean;
  /** `words[index].range`, made without making the word objects (for a finding on one word). */
  wordRange(index: number): SourceSpan | undefined;
  /** The tokens from the first to the last word, inner spaces and prefixes included. */
  readonly tokens: readonly StatementToken[];
  readonly configId: ConfigIdPrefix | undefined;
  readonly sequence: SequencePrefix | undefined;
  /** Whether `configId` or `sequence` is set, known without making the words. */
  readonly hasPrefix: boolean;
  /** 0-based line of the keyword. */
  readonly line: number;
  /**
   * True when the statement is only an `@id` or `~SEQ(…)` prefix with nothing after it. keepalived
   * reads nothing from such a line; the tree keeps the prefix as the keyword so that no byte is lost.
   */
  readonly prefixOnly: boolean;
  /**
   * True when a brace or another statement stands on the same physical line (`a { b c }`,
   * `} priority 200`): the places where keepalived's reading differs from what people expect.
   */
  sharesLine: boolean;
  readonly range: SourceSpan;
}

/** A `{` or `}`. */
export interface Brace {
  readonly kind: "open-brace" | "close-brace";
  readonly text: string;
  readonly range: SourceSpan;
}

/** A block: the statement before its `{`, its items, and its `}`. */
export interface Block {
  readonly kind: "block";
  /** The statement before the `{` (on the same line or on an earlier one); undefined for a bare `{`. */
  readonly header: Statement | undefined;
  /** Spaces, comments and line breaks between the header and its `{` (made on first use). */
  readonly beforeOpen: readonly Trivia[];
  readonly open: Brace;
  /** Statements, blocks, definitions and stray braces, in order; first the alternative headers, if any. */
  readonly items: readonly KeepalivedItem[];
  /** The headers other hosts read this block under (see AlternativeHeader), in order; usually none. */
  readonly alternatives: readonly AlternativeHeader[];
  /** Calls `visit` with each of `items`, in order, without making the list when it is not made yet. */
  forEachItem(visit: (item: KeepalivedItem) => void): void;
  /** The items with the spaces, comments and line breaks between them, in order (made on first use). */
  readonly children: readonly KeepalivedChild[];
  /** Undefined when the file ends before the block is closed. */
  readonly close: Brace | undefined;
  readonly range: SourceSpan;
}

/** `$NAME=value`, possibly continued over several lines with a trailing `\`. */
export interface Definition {
  readonly kind: "definition";
  readonly text: string;
  readonly name: string;
  readonly nameRange: SourceSpan;
  /** The value as written (continuation backslashes, line breaks and comments of continued lines included). */
  readonly value: string;
  readonly multiline: boolean;
  readonly range: SourceSpan;
}

/**
 * A `}` with no block to close (keepalived reports it as an unknown keyword), or a `{` nested deeper
 * than MAX_BLOCK_DEPTH, which lblint reads flat rather than run out of stack.
 */
export interface StrayBrace {
  readonly kind: "stray-brace";
  readonly brace: Brace;
  /** True for the braces read flat past the nesting limit (both `{` and its `}`). */
  readonly deep: boolean;
  readonly range: SourceSpan;
}

/**
 * A block header for other hosts, written right after a block's own `@id` header:
 * `@lb1 vrrp_instance A {` then `@lb2 vrrp_instance B {` share one body and one `}`. keepalived keeps a
 * `@id` line only on the host of that config id and drops it, `{` and all, everywhere else, so when
 * no host keeps two of the lines (`@a` and `@b`, or `@a` and `@^a`) each host reads one block, under
 * the header it keeps. The first line is the block's `header`; the others are these items, at the
 * start of its body, each with its own `{`. Each line must end at its `{`.
 */
export interface AlternativeHeader {
  readonly kind: "alternative-header";
  readonly header: Statement;
  readonly open: Brace;
  readonly range: SourceSpan;
}

/** What a block or the file holds: statements, blocks, definitions, stray braces and alternative headers. */
export type KeepalivedItem = Statement | Block | Definition | StrayBrace | AlternativeHeader;
/** An item or the trivia between items. */
export type KeepalivedChild = KeepalivedItem | Trivia;

/** The root of a keepalived tree. */
export interface KeepalivedConfig {
  readonly kind: "config";
  readonly format: "keepalived";
  /** Top-level statements, blocks, definitions and stray braces, in order. */
  readonly items: readonly KeepalivedItem[];
  /** The items with every space, comment and line break of the file between them (made on first use). */
  readonly children: readonly KeepalivedChild[];
  readonly range: SourceSpan;
}

/** Any node of a keepalived tree. */
export type KeepalivedNode = KeepalivedConfig | KeepalivedItem | Word | Trivia | Brace | ConfigIdPrefix | SequencePrefix;
