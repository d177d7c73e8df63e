// Reads the options of `bind`, `server`, `default-server` and `server-template` lines: which words
// are option names and which are their values, as haproxy walks them. The reading is a shape (where
// each option stands among the arguments, its table entry, how many values it takes), which lines
// whose option words are the same share: in a large file most server lines differ only in name and
// address, and the rules look at each shape once.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyBindOption, haproxyServerOption } from "../../facts/haproxy.js";
import type { HaproxyOption } from "../../facts/types.js";
import type { StatementReading } from "./keywords.js";

export interface OptionWord {
  readonly name: Word;
  /** Undefined when haproxy does not know the option. */
  readonly spec: HaproxyOption | undefined;
  readonly values: readonly Word[];
}

export interface OptionLine {
  readonly kind: "bind" | "server";
  /** Words before the options: the address of a bind; name and address of a server. */
  readonly leading: readonly Word[];
  readonly options: readonly OptionWord[];
}

/** One option of a line: where it stands among the reading's arguments. */
export interface ShapedOption {
  /** Index of the option's name in `reading.args`. */
  readonly at: number;
  /** Undefined when haproxy does not know the option. */
  readonly spec: HaproxyOption | undefined;
  /** How many value words follow the name. */
  readonly count: number;
}

/** The options of a line, by position: lines with the same option words have equal shapes. */
export interface OptionShape {
  readonly kind: "bind" | "server";
  /** How many arguments come before the options. */
  readonly leading: number;
  readonly options: readonly ShapedOption[];
}

/** How many leading words come before the options, per keyword (a Map: looked up for every statement, faster than a record). */
const LEADING: ReadonlyMap<string, { readonly kind: "bind" | "server"; readonly count: number }> = new Map([
  ["bind", { kind: "bind", count: 1 }],
  // `stats socket <address> [bind options]`: the manual gives it every bind option.
  ["stats socket", { kind: "bind", count: 1 }],
  ["server", { kind: "server", count: 2 }],
  // `peer NAME ADDRESS [server options]`: 2.6.12 reads them as a server's ("'server (null)/lb1' : unknown keyword 'bogus'"; a sweep).
  ["peer", { kind: "server", count: 2 }],
  ["default-server", { kind: "server", count: 0 }],
  // a peers section's `default-bind [bind options]` (2.6.12: "unknown keyword 'SSL'"; a sweep)
  ["default-bind", { kind: "bind", count: 0 }],
  ["server-template", { kind: "server", count: 3 }],
]);

/** Whether a keyword's lines have options (`optionShape` gives them a shape). */
export function takesOptions(keywordName: string): boolean {
  return LEADING.has(keywordName);
}

/** Shapes already read, by option words; for plain lines only (see `optionShape`). */
export class ShapeCache {
  readonly byWords = new Map<string, OptionShape>();
  /** The last line read: the next one is often its twin (the same option words, `text` from the first one on). */
  last: { readonly count: number; readonly length: number; readonly kind: string; readonly shape: OptionShape; readonly text: string | undefined } | undefined;
}

type KnownReading = Extract<StatementReading, { kind: "known" }>;

/** A word that starts as no option name does (`10.0.0.1:80`, `[::1]:80`, `:80`, `*:80`), for `plainArgMatches`. */
const ADDRESS_LIKE = /[0-9[:*]\S*/y;

function textOf(reading: KnownReading, index: number): string {
  return reading.text(index)!;
}

function valueAt(reading: KnownReading, index: number): string {
  return reading.value(index)!;
}

/**
 * The option shape of a line, or undefined for other keywords. `plain` says the line is known to
 * be plain, so that a word's text is its value; `shared` keeps one shape per distinct option words,
 * for plain lines only (a quoted word's value says nothing about its variables). The words are read
 * from the reading one by one, without making them.
 */
export function optionShape(reading: StatementReading, plain = false, shared?: ShapeCache): OptionShape | undefined {
  if (reading.kind !== "known" || reading.match.negated) return undefined;
  const layout = LEADING.get(reading.match.keyword.name);
  if (!layout) return undefined;
  const lookup = layout.kind === "bind" ? haproxyBindOption : haproxyServerOption;
  const length = reading.count;
  // A function rather than a closure: this runs for every server line.
  const valueOf = plain ? textOf : valueAt;
  let count = layout.count;
  // A peers `server NAME` may have no address: its second word is then already an option (or nothing).
  // (An address that starts as no option name can, a digit or `[:*`, is told in place.)
  if (layout.kind === "server" && count === 2 && length > 1 && !reading.plainArgMatches(1, ADDRESS_LIKE) && lookup(valueOf(reading, 1))) count = 1;
  let key: string | undefined;
  let text: string | undefined;
  if (shared) {
    // Plain words with the same text from the first option on are the same options: one comparison
    // in place, without cutting the line's text out.
    const last = shared.last;
    if (last && last.count === count && last.length === length && last.kind === layout.kind && (count >= length || reading.textFromIs(count, last.text!))) return last.shape;
    text = reading.textFrom(count);
    key = `${layout.kind} ${count}`;
    for (let i = count; i < length; i++) key += `\u0000${valueOf(reading, i)}`;
    const known = shared.byWords.get(key);
    if (known) {
      shared.last = { count, length, kind: layout.kind, shape: known, text };
      return known;
    }
  }
  const options: ShapedOption[] = [];
  let i = count;
  while (i < length) {
    const at = i++;
    const spec = lookup(valueOf(reading, at));
    let values = 0;
    if (spec && layout.kind !== "bind" && spec.name === "source") {
      // `source ADDRESS [usesrc VALUE] [interface NAME]`: haproxy reads the address, then these pairs
      // (in any order, a missing value refused), and stops at any other word, which is an option again
      // (measured on 2.6.12, 3.0.11, 3.2.26: `source A foo` is "unknown keyword 'foo'").
      if (i < length) {
        values++;
        i++;
      }
      while (i < length && (valueOf(reading, i) === "usesrc" || valueOf(reading, i) === "interface")) {
        const pair = i + 1 < length ? 2 : 1;
        values += pair;
        i += pair;
      }
    } else if (spec) {
      const min = spec.args?.min ?? 0;
      const max = spec.args?.max ?? min;
      // Optional values are taken while the next word is not itself an option.
      const limit = max < 0 ? Infinity : max;
      while (values < limit && i < length && (values < min || !lookup(valueOf(reading, i)))) {
        values++;
        i++;
      }
    }
    options.push({ at, spec, count: values });
  }
  const shape: OptionShape = { kind: layout.kind, leading: count, options };
  if (shared && key !== undefined) {
    shared.byWords.set(key, shape);
    shared.last = { count, length, kind: layout.kind, shape, text };
  }
  return shape;
}

/** The words of one shaped option of a line. */
export function optionWord(option: ShapedOption, args: readonly Word[]): OptionWord {
  return { name: args[option.at]!, spec: option.spec, values: args.slice(option.at + 1, option.at + 1 + option.count) };
}

export function readOptions(reading: StatementReading): OptionLine | undefined {
  const shape = optionShape(reading);
  if (!shape || reading.kind !== "known") return undefined;
  const args = reading.args;
  return { kind: shape.kind, leading: args.slice(0, shape.leading), options: shape.options.map((option) => optionWord(option, args)) };
}
