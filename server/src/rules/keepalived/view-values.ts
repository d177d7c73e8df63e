// The pieces of the keepalived view (vrrp.ts) that read values: words only known at run time (a
// `$VAR`, an `@id` line, a template expression), numbers and booleans, value-block entries and
// settings with where they come from.
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";
import { parseAddress, type Address } from "./ip.js";
import type { PlacedBlock, PlacedStatement } from "./model.js";
import { KEEPALIVED_VARIABLE } from "../../facts/shapes.js";

export const NONE: readonly PlacedStatement[] = [];
export const NO_BLOCKS: readonly PlacedBlock[] = [];
export const NO_ENTRIES: Entry[] = [];
export const NO_CACHE: readonly (string | Entry[])[] = [];

/** A word whose value is only known once keepalived or a template engine has substituted it. */
export function isDynamic(word: Word): boolean {
  return isDynamicText(word.text);
}

/** Whether an argument of a statement is dynamic (see `isDynamic`), read without making its words. */
export function hasDynamicArgument(statement: Statement): boolean {
  for (let i = 1; ; i++) {
    const text = statement.wordText(i);
    if (text === undefined) return false;
    if (isDynamicText(text)) return true;
  }
}

/**
 * `isDynamic` of a word's text, or of its value: the value is the text without the quotes around
 * it, and no pattern here holds a quote, so both give the same answer (and reading the value alone
 * makes one string instead of two).
 */
export function isDynamicText(text: string): boolean {
  // keepalived substitutes `$NAME` and `${NAME}` only: a `$` before anything else (`100$`, `$5`) is
  // read as written (measured: "invalid number '100$'").
  return (text.includes("$") && KEEPALIVED_VARIABLE.test(text)) || text.includes("{{") || text.includes("{%") || text.includes("<%");
}

/** A statement that holds only on some hosts (`@id`) or stands for several (`~SEQ`). */
export function isConditional(statement: Statement): boolean {
  return statement.hasPrefix;
}

/** The integer a word holds, as keepalived's strtol would take it whole; undefined otherwise. */
export function intOf(word: Word | undefined): number | undefined {
  if (!word || isDynamic(word)) return undefined;
  return /^[-+]?\d+$/.test(word.value) ? Number(word.value) : undefined;
}

/** `intOf(statement.words[index])`, read from the parse's table without making the words. */
export function intAt(statement: Statement | undefined, index: number): number | undefined {
  const value = statement?.wordValue(index);
  if (value === undefined || isDynamicText(value)) return undefined;
  return /^[-+]?\d+$/.test(value) ? Number(value) : undefined;
}

/** keepalived's booleans: a bare keyword is true; `true/on/yes` and `false/off/no` otherwise. */
export function boolOf(statement: Statement): boolean | undefined {
  const word = statement.args[0];
  if (!word) return true;
  if (isDynamic(word)) return undefined;
  if (/^(?:true|on|yes)$/i.test(word.value)) return true;
  if (/^(?:false|off|no)$/i.test(word.value)) return false;
  return undefined;
}

/** Both lists, one after the other; a list is made only when both have items (seldom). */
export function bothOf<T>(first: readonly T[], second: readonly T[]): readonly T[] {
  return second.length === 0 ? first : first.length === 0 ? second : [...first, ...second];
}

/** Where a finding about another node goes: `line N` in the same file, the file otherwise. */
export function where(uri: string, word: { range: { start: { line: number } } }, from: string): string {
  return uri === from ? `line ${word.range.start.line + 1}` : `${uri.slice(uri.lastIndexOf("/") + 1)}:${word.range.start.line + 1}`;
}

/** One line of a value block (`virtual_ipaddress`, `unicast_peer`, `track_script`, …). */
export class Entry {
  constructor(
    readonly placed: PlacedStatement,
    /** The value block it stands in. */
    readonly block: PlacedBlock,
  ) {}

  get statement(): Statement {
    return this.placed.statement;
  }

  get uri(): string {
    return this.placed.uri;
  }

  /** What keepalived takes as the entry: the first word of the line. */
  get word(): Word {
    return this.statement.keyword;
  }

  /** The word after option `name` (`weight` → `-20`); undefined when the option is absent or has no value. */
  option(name: string): Word | undefined {
    const args = this.statement.args;
    const at = args.findIndex((word) => word.value === name);
    return at < 0 ? undefined : args[at + 1];
  }

  has(name: string): boolean {
    return this.statement.args.some((word) => word.value === name);
  }

  get address(): Address | undefined {
    // Read from the table: most entries are only parsed, their words never made.
    if (this.parsed === undefined) {
      const value = this.statement.wordValue(0)!;
      this.parsed = { value: isDynamicText(value) ? undefined : parseAddress(value) };
    }
    return this.parsed.value;
  }

  private parsed: { value: Address | undefined } | undefined;
}

/** The statement keepalived keeps for a single-valued keyword, and whether every host reads the same. */
export interface Setting {
  readonly statement: Statement;
  readonly uri: string;
  readonly value: Word | undefined;
  /**
   * False when another host could read another value: a statement of this keyword with an `@id`
   * or `~SEQ` prefix, a computed value, or a block whose content is partly unknown.
   */
  readonly certain: boolean;
  /** What `value?.value` gives, read without making the statement's words. */
  readonly valueText: string | undefined;
  /** What `intOf(value)` gives, read without making the statement's words. */
  readonly int: number | undefined;
}

/** A setting as `BlockView.setting` finds it; its value word is made when asked for. */
export class SettingRead implements Setting {
  constructor(
    readonly statement: Statement,
    readonly uri: string,
    readonly certain: boolean,
  ) {}

  get value(): Word | undefined {
    return this.statement.args[0];
  }

  get valueText(): string | undefined {
    return this.statement.wordValue(1);
  }

  get int(): number | undefined {
    return intAt(this.statement, 1);
  }
}

/**
 * Blocks with up to this many statements (or sub-blocks) are searched line by line when a rule asks
 * for a keyword, rather than indexed: most blocks are that small, and a map for each would outlive
 * every rule of the lint, which the garbage collector then copies (see docs/performance.md, "Rules").
 */
export const SMALL_BLOCK = 16;

/** The items of `all` with keyword `keyword`, in order; `none` when there is none. */
export function ofKeyword<T extends { readonly keyword: string | undefined }>(all: readonly T[], keyword: string, none: readonly T[]): readonly T[] {
  let found: T[] | undefined;
  for (let i = 0; i < all.length; i++) if (all[i]!.keyword === keyword) (found ??= []).push(all[i]!);
  return found ?? none;
}

/** The items of `all` by keyword, for a large block. */
export function indexByKeyword<T extends { readonly keyword: string | undefined }>(all: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (let i = 0; i < all.length; i++) {
    const key = all[i]!.keyword;
    if (key === undefined) continue;
    const list = index.get(key);
    if (list) list.push(all[i]!);
    else index.set(key, [all[i]!]);
  }
  return index;
}
