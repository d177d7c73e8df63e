// How keepalived reads one line of a value block (`virtual_ipaddress`, `track_script`, `unicast_peer`,
// a sync group's `group`, …), from the `entries` facts of generated/keepalived.ts. The generated
// entries carry three fields beyond the schema type (see overrides-keepalived.mjs): `positional`,
// `byFirst` and `freeForm`; this module is the typed way to read them.
import { keepalivedBlock } from "./keepalived.js";
import type { ShapeText } from "./types.js";

export interface KeepalivedEntries {
  /** Shape of an entry's first word. */
  readonly first: ShapeText;
  /** Option words that may follow the first one, with how many values each takes. */
  readonly options: Readonly<Record<string, number>>;
  /** A word list: keepalived reads every word of every line as one entry (`notification_email`, `group`, `interfaces`). */
  readonly single?: boolean;
  /** Words read by position after the first one, before any option; a trailing `?` marks an optional one. */
  readonly positional?: readonly ShapeText[];
  /** Positional words when the first word is this literal (`fwmark N [inet|inet6]` in a virtual_server_group). */
  readonly byFirst?: Readonly<Record<string, readonly ShapeText[]>>;
  /** An `ip route` / `ip rule` argument list: any order, the first word may be an option; `options` is for completion only. */
  readonly freeForm?: boolean;
  /**
   * Options read by position: the n-th option word must be one of `sequence[n]` (a tracker entry's
   * `NAME [weight N [reverse|noreverse]]`); a word out of its place is an unknown option.
   */
  readonly sequence?: readonly (readonly string[])[];
}

/** The entry grammar of a value block; undefined for a block of keywords or an unknown id. */
export function keepalivedEntries(blockId: string): KeepalivedEntries | undefined {
  return keepalivedBlock(blockId)?.entries as KeepalivedEntries | undefined;
}

export interface ValueEntry {
  /** Index of the entry's first word in the line. */
  readonly first: number;
  /** Indexes of the positional words read with it. */
  readonly positional: readonly number[];
  /** Options read with it: index of the option word and of its values. */
  readonly options: readonly { readonly name: number; readonly values: readonly number[] }[];
}

export interface ValueLineProblem {
  /** Index of the word (the line's length when a value is missing at its end). */
  readonly index: number;
  /**
   * `unknown-option`: not an option of the entry (often a second entry written on the same line,
   * which keepalived takes for an option and drops); `missing-value`: an option or positional value
   * that is not there.
   */
  readonly kind: "unknown-option" | "missing-value";
}

export interface ValueLineReading {
  readonly entries: readonly ValueEntry[];
  readonly problems: readonly ValueLineProblem[];
}

/**
 * Reads the words of one value-block line as keepalived does: a word list gives one entry per word;
 * other blocks give one entry per line, its first word followed by positional words and options.
 * Free-form lines (routes, rules) are one entry with no problems. Undefined when `blockId` is not a value block.
 */
export function readValueLine(blockId: string, words: readonly string[]): ValueLineReading | undefined {
  const grammar = keepalivedEntries(blockId);
  if (!grammar) return undefined;
  if (words.length === 0) return { entries: [], problems: [] };
  if (grammar.single) {
    return { entries: words.map((_, i) => ({ first: i, positional: [], options: [] })), problems: [] };
  }
  if (grammar.freeForm) {
    return { entries: [{ first: 0, positional: words.slice(1).map((_, i) => i + 1), options: [] }], problems: [] };
  }
  const problems: ValueLineProblem[] = [];
  const positional: number[] = [];
  const options: { name: number; values: number[] }[] = [];
  const isOption = (word: string) => Object.hasOwn(grammar.options, word);
  let i = 1;
  const firstWord = words[0] ?? "";
  const slots = (grammar.byFirst && Object.hasOwn(grammar.byFirst, firstWord) ? grammar.byFirst[firstWord] : grammar.positional) ?? [];
  for (const slot of slots) {
    const optional = slot.endsWith("?");
    const word = words[i];
    if (word === undefined || (optional && isOption(word))) {
      if (!optional) problems.push({ index: words.length, kind: "missing-value" });
      break;
    }
    positional.push(i++);
  }
  let place = 0;
  while (i < words.length) {
    const word = words[i] ?? "";
    const inPlace = grammar.sequence === undefined || (place < grammar.sequence.length && grammar.sequence[place]!.includes(word));
    if (!isOption(word) || !inPlace) {
      problems.push({ index: i++, kind: "unknown-option" });
      continue;
    }
    place++;
    const count = grammar.options[word] ?? 0;
    const values: number[] = [];
    const name = i++;
    for (let v = 0; v < count; v++) {
      if (i >= words.length) {
        problems.push({ index: words.length, kind: "missing-value" });
        break;
      }
      values.push(i++);
    }
    options.push({ name, values });
  }
  return { entries: [{ first: 0, positional, options }], problems };
}

/**
 * The words keepalived reads for a command argument (shape `command`: `script`, `notify*`,
 * `misc_path`, …). Such lines are tokenized again by keepalived's script reader, which also groups
 * single-quoted words (daemon dump: `script 'echo -n haproxy'` runs `echo -n haproxy`, while
 * `router_id 'a b'` is `'a`). `words` are the arguments as lblint's grammar splits them (double
 * quotes only); the result counts as keepalived does.
 */
export function keepalivedCommandWords(words: readonly string[]): string[] {
  const out: string[] = [];
  let open: string[] | undefined;
  for (const word of words) {
    const quotes = (word.match(/(?<!\\)'/g) ?? []).length;
    if (open) {
      open.push(word);
      if (quotes % 2 === 1) {
        out.push(open.join(" "));
        open = undefined;
      }
    } else if (quotes % 2 === 1) {
      open = [word];
    } else {
      out.push(word);
    }
  }
  if (open) out.push(open.join(" "));
  return out;
}
