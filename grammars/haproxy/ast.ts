// The haproxy.cfg syntax tree. Every node has a range; every byte of the source belongs to exactly
// one token of one line, so printing the tokens of every line gives the file back unchanged.
import type { SourceSpan } from "../common/text.js";
import type { Word } from "./words.js";

export type { Word, WordPart, VariableReference } from "./words.js";

/** Spaces and tabs, a `#` comment, or a line break. */
export interface Trivia {
  readonly kind: "whitespace" | "comment" | "newline";
  readonly text: string;
  readonly range: SourceSpan;
}

/** One token of a line: a word, or spaces, a comment, a line break. */
export type Token = Word | Trivia;

/** What every haproxy line has, whatever its kind. */
export interface LineBase {
  /** The whole line, from its first byte to the end of its line break. */
  readonly range: SourceSpan;
  /** Every token of the line in order, trivia included. */
  readonly tokens: readonly Token[];
  /** Words only, in order. */
  readonly words: readonly Word[];
  readonly comment: Trivia | undefined;
  /** 0-based line number. */
  readonly line: number;
  /** The innermost `.if`/`.elif`/`.else` branch that encloses this line, if any. */
  guard: ConditionalBranch | undefined;
  /**
   * How many words the line has, and their texts and values one by one: what `words` gives, read
   * without making the word objects (a large file has hundreds of thousands).
   */
  readonly wordCount: number;
  wordText(index: number): string | undefined;
  wordValue(index: number): string | undefined;
  /** Whether `wordValue(index)` is `value` (compared without making a string). */
  wordIs(index: number, value: string): boolean;
  /** The text from the start of word `from` to the end of word `to - 1`, as written (undefined when empty). */
  wordsText(from: number, to: number): string | undefined;
  /** Whether `wordsText(from, to)` is `value` (compared in the text, without making a string). */
  wordsTextIs(from: number, to: number, value: string): boolean;
  /**
   * Whether word `index` is plain (no quote, backslash or template) and `sticky`, a regular
   * expression with the `y` flag, matches the whole of it; tested in the text without making a
   * string. False for a word that is not plain, whatever its value.
   */
  plainWordMatches(index: number, sticky: RegExp): boolean;
}

/** A line with no word: blank, or only a comment. */
export interface EmptyLine extends LineBase {
  readonly kind: "empty";
}

/** A keyword line: a section header, or a statement in a section body. */
export interface Statement extends LineBase {
  readonly kind: "statement";
  /** The first word. Multi-word keywords (`option httplog`, `timeout client`) are the facts layer's business. */
  readonly keyword: Word;
  /** The words after the keyword, up to (not including) an `if`/`unless` condition. */
  readonly args: readonly Word[];
  /** The trailing `if`/`unless` condition, for keywords that take one. */
  readonly condition: Condition | undefined;
  /** `args.length`, without making the words. */
  readonly argCount: number;
  /** Whether `condition` is set, without reading it. */
  readonly hasCondition: boolean;
}

/** The preprocessor directives haproxy knows. */
export type DirectiveName = ".if" | ".elif" | ".else" | ".endif" | ".diag" | ".notice" | ".warning" | ".alert";

/** A preprocessor line: `.if`, `.elif`, `.else`, `.endif`, `.diag`, `.notice`, `.warning`, `.alert`. */
export interface Directive extends LineBase {
  readonly kind: "directive";
  readonly name: DirectiveName;
  readonly keyword: Word;
  readonly args: readonly Word[];
  /** The parsed condition of `.if` and `.elif`. */
  readonly predicate: Predicate | undefined;
}

/** One line of a haproxy file. */
export type Line = EmptyLine | Statement | Directive;

/** A section: its header statement and the lines up to the next header. */
export interface Section {
  readonly kind: "section";
  /** The section keyword: `global`, `defaults`, `frontend`, `backend`, `listen`, `peers`, … */
  readonly type: string;
  readonly header: Statement;
  /** The section's name word, when it has one (`backend app` → `app`). */
  readonly name: Word | undefined;
  /** The `from` parent defaults of `defaults|frontend|backend|listen NAME from PARENT`. */
  readonly from: Word | undefined;
  /** The lines after the header up to the next section header (trailing blank and comment lines included). */
  readonly body: Line[];
  /** From the start of the header to the end of the last body line. */
  readonly range: SourceSpan;
}

/** The root of a haproxy tree: the lines before the first section, the sections, the `.if` blocks. */
export interface HaproxyConfig {
  readonly kind: "config";
  readonly format: "haproxy";
  readonly range: SourceSpan;
  /** Lines before the first section header. */
  readonly preamble: Line[];
  readonly sections: Section[];
  /** The outermost `.if` blocks, in order; nested ones hang below their branches. */
  readonly conditionals: ConditionalBlock[];
}

// ---- conditional blocks -------------------------------------------------------------------

/** An `.if` … `.endif` block: its branches and its end. */
export interface ConditionalBlock {
  readonly kind: "conditional";
  readonly branches: ConditionalBranch[];
  /** The `.endif`, or undefined when the file ends first. */
  end: Directive | undefined;
  readonly parent: ConditionalBranch | undefined;
}

/** One branch of an `.if` block: the `.if`, `.elif` or `.else` and the lines under it. */
export interface ConditionalBranch {
  readonly kind: "branch";
  /** `.if`, `.elif` or `.else`. */
  readonly directive: Directive;
  readonly block: ConditionalBlock;
  /** Lines directly inside this branch (not inside nested blocks), directives excluded. */
  readonly lines: Line[];
  readonly children: ConditionalBlock[];
}

// ---- `.if` predicate expressions ------------------------------------------------------------

/** The parsed condition of an `.if` or `.elif`. */
export type Predicate =
  | { readonly kind: "or" | "and"; readonly operands: Predicate[]; readonly range: SourceSpan }
  | { readonly kind: "not"; readonly operand: Predicate | undefined; readonly range: SourceSpan }
  | { readonly kind: "group"; readonly expression: Predicate | undefined; readonly range: SourceSpan }
  | {
      readonly kind: "call";
      /** `defined`, `feature`, `streq`, `strneq`, `version_atleast`, `version_before`, … */
      readonly name: string;
      readonly nameRange: SourceSpan;
      readonly args: PredicateArgument[];
      readonly range: SourceSpan;
    }
  | { readonly kind: "value"; readonly text: string; readonly range: SourceSpan };

/** One argument of a predicate call such as `defined(NAME)`. */
export interface PredicateArgument {
  /** The argument as written, quotes included. */
  readonly text: string;
  /** The argument with quotes removed (variables left as written). */
  readonly value: string;
  readonly range: SourceSpan;
}

// ---- ACL conditions: `if` / `unless` ---------------------------------------------------------

/** The `if`/`unless` ACL condition at the end of a statement. */
export interface Condition {
  readonly kind: "condition";
  /** The `if` or `unless` word. */
  readonly keyword: Word;
  readonly negated: boolean;
  /** Undefined when nothing follows `if`/`unless`. */
  readonly expression: ConditionOr | undefined;
  readonly range: SourceSpan;
}

/** Alternatives separated by `||` or `or`. */
export interface ConditionOr {
  readonly kind: "or";
  readonly alternatives: ConditionAnd[];
  readonly operators: Word[];
  readonly range: SourceSpan;
}

/** Terms written one after the other, all of which must match. */
export interface ConditionAnd {
  readonly kind: "and";
  readonly terms: ConditionTerm[];
  readonly range: SourceSpan;
}

/** One term of a condition: a named ACL or an inline `{ … }` ACL. */
export type ConditionTerm = AclReference | AnonymousAcl;

/** A named ACL, possibly negated: `is_api`, `!is_api`. */
export interface AclReference {
  readonly kind: "acl";
  readonly negated: boolean;
  /** The name as written, without the `!`. */
  readonly name: string;
  readonly nameRange: SourceSpan;
  readonly word: Word;
  readonly range: SourceSpan;
}

/** An inline ACL: `{ path_beg /api }`. */
export interface AnonymousAcl {
  readonly kind: "anonymous-acl";
  readonly negated: boolean;
  readonly open: Word;
  /** The criterion and its patterns, between the braces. */
  readonly words: Word[];
  readonly close: Word | undefined;
  readonly range: SourceSpan;
}

/** Any node of a haproxy tree. */
export type HaproxyNode = HaproxyConfig | Section | Line | Word | Trivia;
