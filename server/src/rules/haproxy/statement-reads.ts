// Reads of one statement or word that haproxy rules share: argument values and `option` names read
// by index (without making the words), conditions and `.if` guards, word spans, times and the names
// a server-template makes.
import type { ConditionalBranch, Line, Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";

/** Whether a word's value is computed at run time (a log-format expression), so it names nothing statically. */
export function isDynamic(word: Word): boolean {
  return word.value.includes("%[") || word.value.includes("%{");
}

/** Whether a statement stands in a `.if` branch; rules that compare statements skip such pairs. */
export function isGuarded(statement: Statement): boolean {
  return statement.guard !== undefined;
}

/**
 * Whether two lines can never both be read: they stand in different branches of one `.if` block.
 * Rules that compare two statements (a duplicate, an order) skip such pairs.
 */
export function exclusive(a: Line, b: Line): boolean {
  if (a.guard === undefined || b.guard === undefined) return false;
  const branches = (line: Line): ConditionalBranch[] => {
    const found: ConditionalBranch[] = [];
    for (let branch = line.guard; branch; branch = branch.block.parent) found.push(branch);
    return found;
  };
  const ofB = branches(b);
  return branches(a).some((x) => ofB.some((y) => x !== y && x.block === y.block));
}

/** The value of argument `index` (what `statement.args[index]?.value` gives), read without making the words. */
export function argValue(statement: Statement, index: number): string | undefined {
  return index < statement.argCount ? statement.wordValue(index + 1) : undefined;
}

/** `option NAME` and `no option NAME`: the option's name and whether it is turned off. */
export function optionOf(statement: Statement): { readonly name: string; readonly negated: boolean; readonly range: Range } | undefined {
  // Read by index, without making the words: most options are only compared.
  const keyword = statement.wordValue(0);
  const name = keyword === "option" ? argValue(statement, 0) : keyword === "no" && argValue(statement, 0) === "option" ? argValue(statement, 1) : undefined;
  return name === undefined ? undefined : new OptionWords(name, keyword === "no", statement, keyword === "no" ? 2 : 1);
}

/** What `optionOf` finds; the range is made when asked for. */
class OptionWords {
  constructor(
    readonly name: string,
    readonly negated: boolean,
    private readonly statement: Statement,
    /** The option name's word: the range runs from the keyword to it. */
    private readonly last: number,
  ) {}

  get range(): Range {
    return span(this.statement.keyword.range, this.statement.args[this.last - 1]!.range);
  }
}

/** From the start of one range to the end of another (two words of one line). */
export function span(from: Range, to: Range): Range {
  return { start: from.start, end: to.end };
}

/** The server names `server-template PREFIX N` or `PREFIX A-B` makes: PREFIX1…PREFIXN. */
export function templateNames(prefix: string, count: string): string[] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(count);
  if (!match) return [];
  const from = match[2] === undefined ? 1 : Number(match[1]);
  const to = match[2] === undefined ? Number(match[1]) : Number(match[2]);
  const names: string[] = [];
  for (let i = from; i <= to && names.length < 10_000; i++) names.push(`${prefix}${i}`);
  return names;
}

/** haproxy's time units (configuration manual 2.5); a number without one is in milliseconds. */
const TIME_UNITS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A time value as haproxy reads it: its length in milliseconds and the unit as written (undefined
 * when there is none, which haproxy reads as milliseconds). Undefined when it is not a time.
 */
export function parseTime(text: string): { readonly ms: number; readonly unit: string | undefined; readonly number: string } | undefined {
  const match = /^(\d+)(us|ms|s|m|h|d)?$/.exec(text);
  if (!match) return undefined;
  return { ms: Number(match[1]) * TIME_UNITS[match[2] ?? "ms"]!, unit: match[2], number: match[1]! };
}

/** Whether a statement has an `if`/`unless` condition. */
export function isConditional(statement: Statement): boolean {
  return statement.condition !== undefined;
}
