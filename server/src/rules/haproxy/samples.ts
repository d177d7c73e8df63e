// Sample expressions in haproxy lines: `fetch(args),converter(args),…` as ACL criteria, in
// `%[…]` log-format parts, and as the argument of the actions that take one. Found once per
// statement, with the exact place of every fetch and converter name when the word is written plain.
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import type { HaproxyKeyword } from "../../facts/types.js";
import type { StatementReading } from "./keywords.js";
import { balanceNeverParsed, formatNeverParsed } from "./format-readers.js";
import { HAS_PERCENT, type HaproxyModel, type Placed } from "./model.js";
import { readArguments } from "./sample-expr.js";
import { searchFor } from "./text-search.js";

export interface SampleName {
  readonly kind: "fetch" | "converter";
  /** The name without its arguments: `req.hdr` of `req.hdr(host)`. */
  readonly name: string;
  readonly range: Range;
  /** True for an ACL criterion, which may also be an ACL keyword alias (`path_beg`). */
  readonly aclCriterion: boolean;
  /** How many arguments it is given: 0 without parentheses or with `()`; an empty one between commas counts. */
  readonly argumentCount: number;
  /** Its arguments as written (quotes kept), each with its place; none without parentheses. */
  arguments(): readonly { readonly text: string; readonly range: Range }[];
  /** True when a '(' opens its arguments and nothing closes them (`req.hdr(host`). */
  readonly unclosed: boolean;
  /** Whether haproxy reads the word it stands in as lblint does: no environment variable in it (quotes and escapes are taken out of its value). */
  readonly valueKnown: boolean;
  /** True when a ')' stands inside its arguments, before the one that closes them (`hdr((host))`, `regsub((a),b)`). */
  readonly nestedClose: boolean;
  /**
   * How haproxy 2.6 reads a call with a nested ')': the arguments up to the first ')' and what comes
   * after it (`var(a,bytes(0),lower` is `var(a,bytes(0)` then `,lower`), and whether the expression
   * ends right after that ')'. Undefined without a nested ')'.
   */
  firstCloseReading(): { readonly args: readonly string[]; readonly after: string; readonly ends: boolean } | undefined;
}

/**
 * What stands right after a sample expression where haproxy wants a `,` (before a converter), the
 * end of the word, or in a `%[…]` part its `]`: `hdr(host)x`. Only on plain words.
 */
export interface SampleTail {
  readonly word: Word;
  /** Where the expression starts and where it stops, in the word's value. */
  readonly from: number;
  readonly at: number;
  /** In a `%[…]` part, where `]` is wanted. */
  readonly inLogFormat: boolean;
  /**
   * Set when a ',' is followed by no converter name rather than the expression by something
   * (`src,]`, `hdr(host),(x)`). In a `%[…]` part that is HA063's (it knows which words are formats).
   */
  readonly missing?: "converter";
}

const NONE: SampleName[] = [];

searchFor("sni");
const STICK = /^stick (?:on|match|store-request|store-response)$/;

/** Actions whose next word is a sample expression (`set-var-fmt` takes a log format instead). */
const EXPRESSION_ACTIONS = /^(?:set-var(?!-fmt)|set-src|set-dst|set-src-port|set-dst-port|track-sc\d|sc-set-gpt\d?|capture|set-priority-class|set-priority-offset)\b/;

function isExpressionAction(first: string | undefined): boolean {
  return first !== undefined && EXPRESSION_ACTIONS.test(first);
}

function rangeIn(word: Word, from: number, to: number): Range {
  if (!word.isPlain) return word.range;
  const start = word.range.start;
  const at = (offset: number) => ({ offset: start.offset + offset, line: start.line, column: start.column + offset });
  return { start: at(from), end: at(to) };
}

/** A sample name found in a word; its range is made when a finding needs it. */
class Sample implements SampleName {
  constructor(
    readonly kind: "fetch" | "converter",
    readonly name: string,
    readonly aclCriterion: boolean,
    private readonly word: Word,
    private readonly from: number,
    private readonly to: number,
    private readonly text: string,
  ) {}

  get range(): Range {
    return rangeIn(this.word, this.from, this.to);
  }

  get argumentCount(): number {
    if (this.text[this.to] !== "(") return 0;
    const { args } = readArguments(this.text, this.to);
    return args.length === 1 && args[0]!.text.trim() === "" ? 0 : args.length;
  }

  get valueKnown(): boolean {
    // A '$' in single quotes, or not before a name, is no variable (`json_query('$.iss')`; found by the eleventh mutation round).
    return this.word.isPlain || !this.text.includes("$") || this.word.variables.length === 0;
  }

  get unclosed(): boolean {
    // No ')' at all: haproxy finds none either (it takes the first one, see `nestedClose`).
    return this.text[this.to] === "(" && this.text.indexOf(")", this.to) < 0;
  }

  get nestedClose(): boolean {
    if (this.text[this.to] !== "(") return false;
    const first = this.text.indexOf(")", this.to);
    return first >= 0 && first < readArguments(this.text, this.to).end - 1;
  }

  firstCloseReading(): { readonly args: readonly string[]; readonly after: string; readonly ends: boolean } | undefined {
    if (!this.nestedClose) return undefined;
    const first = this.text.indexOf(")", this.to);
    const after = this.text.slice(first + 1);
    // The expression ends there: at the end of the word, or at the `]` of a `%[…]` part.
    const ends = after === "" || (after[0] === "]" && this.text.lastIndexOf("%[", this.from) >= 0);
    return { args: this.text.slice(this.to + 1, first).split(","), after, ends };
  }

  arguments(): readonly { readonly text: string; readonly range: Range }[] {
    if (this.text[this.to] !== "(") return [];
    return readArguments(this.text, this.to).args.map((piece) => ({ text: piece.text, range: rangeIn(this.word, piece.start, piece.end) }));
  }
}

/** `[A-Za-z0-9_.-]`: the characters of a fetch or converter name. */
function isNameCharacter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

/**
 * A word in one pair of quotes with nothing to decode inside (`"str(a) str(b)"`): haproxy reads its
 * value as written between the quotes, so what follows an expression there is as plain as in a bare
 * word (measured on 2.6.12, 3.0.11 and 3.2.26: "missing comma after fetch keyword").
 */
function simplyQuoted(word: Word): boolean {
  const text = word.text;
  const quote = text[0];
  return (quote === '"' || quote === "'") && text.length >= 2 && text[text.length - 1] === quote && text.slice(1, -1) === word.value;
}

/** Reads `name(args),conv(args),…` from `text` at `index`; stops at `]`, a blank or the end. */
function readChain(word: Word, text: string, index: number, acl: boolean, out: SampleName[], numberAllowed = false, tails?: SampleTail[], inLogFormat = false): number {
  let i = index;
  let first = true;
  // A `$` may stand for anything, and an escape or a quote in the value hides what was written.
  const readable = (from: number, to: number) => !/["'\\$]/.test(text.slice(from, to));
  while (i < text.length) {
    // haproxy skips every ',' before a converter, and a ',' at the end of the word (measured on 2.6.12: `src,,lower` and `src,` pass).
    if (!first) while (text[i] === ",") i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && isNameCharacter(text.charCodeAt(i))) i++;
    // A sign where the expression starts (`set-var(txn.x) +5`, `port +80`): haproxy takes `+5` for
    // the name of a fetch it does not know (measured: "unknown fetch method '+5'").
    if (i === start && first && !acl && text[i] === "+") {
      i++;
      while (i < text.length && isNameCharacter(text.charCodeAt(i))) i++;
      const name = text.slice(start, i);
      // Where the action takes an integer (`sc-set-gpt0(0) +5`), a signed number is one.
      if (name.length > 1 && !(numberAllowed && /^\+\d+$/.test(name))) out.push(new Sample("fetch", name, false, word, start, i, text));
      break;
    }
    // Where an ACL's fetch stands, a word that starts with no name character is still read as its
    // fetch (measured: `acl a /be1 path_beg` is "missing fetch method in ACL expression '/be1'"), and
    // so it is where an action's expression stands (`set-var(txn.x) “str(a)”`: "missing fetch method").
    if (i === start && first && (acl || !inLogFormat) && i < text.length && text[i] !== "$") {
      let end = i;
      while (end < text.length && text[end] !== "(" && text[end] !== ",") end++;
      out.push(new Sample("fetch", text.slice(start, end), acl, word, start, end, text));
      break;
    }
    if (i === start) {
      // Nothing a name is made of after a ',' (measured on 2.6.12: `src,]` and `src,)` are "unknown converter ''").
      if (tails && !first && !inLogFormat && (word.isPlain || simplyQuoted(word)) && readable(i, i + 1)) tails.push({ word, from: index, at: i, inLogFormat, missing: "converter" });
      break;
    }
    const name = text.slice(start, i);
    const lead = name.charCodeAt(0);
    // A flag (`-i`) is no sample, except where an ACL's fetch must stand: haproxy reads `acl a -i
    // hdr(x) v` as the fetch '-i' ("unknown fetch method"). A number where the expression starts is
    // read as a fetch too (`set-var(txn.x) 5`: "unknown fetch method '5'"), except where the action
    // takes an integer (`sc-set-gpt0(0) 1`); elsewhere it is an argument, never a sample.
    // Where the action takes an integer, only a whole one is (measured: `sc-set-gpt0(0) 1abc`, `1.5`
    // and `0x1` are "unknown fetch method"); a negative number where an expression starts is a fetch
    // name too (`set-priority-class -5`: "unknown fetch method '-5'").
    const digit = lead >= 48 && lead <= 57;
    const whole = numberAllowed && /^-?\d+$/.test(name);
    // `51d.single` (51Degrees) is the one converter whose name starts with a digit.
    const skipped = digit ? (!first && !name.startsWith("51d.")) || whole : lead === 45 && !(acl && first) && !(first && !acl && !inLogFormat && !whole && /^-\d/.test(name));
    if (!skipped) out.push(new Sample(first ? "fetch" : "converter", name, acl && first, word, start, i, text));
    if (text[i] === "(") {
      let depth = 0;
      for (; i < text.length; i++) {
        const c = text[i];
        if (c === "\\") i++;
        else if (c === "(") depth++;
        else if (c === ")" && --depth === 0) {
          i++;
          break;
        }
      }
    }
    if (text[i] !== ",") {
      // Measured with haproxy 2.6.12: "missing comma after fetch keyword 'hdr'", "expected ']' after
      // 'hdr(host)', but found 'x'". A quoted or escaped word is left alone (its value is not its text).
      // A '+' belongs to a few fetch names (`base32+src`).
      // In a `%[…]` part of a quoted word too (`"%[src ]"`); HA080 keeps those of log-format arguments.
      if (tails && i < text.length && !(inLogFormat && text[i] === "]") && text[i] !== "+" && (word.isPlain || inLogFormat || simplyQuoted(word)) && readable(index, i)) {
        tails.push({ word, from: index, at: i, inLogFormat });
      }
      break;
    }
    i++;
    first = false;
  }
  return i;
}

function logFormatParts(word: Word, out: SampleName[], tails?: SampleTail[]): void {
  const text = word.value;
  for (let at = text.indexOf("%["); at >= 0; at = text.indexOf("%[", at + 2)) readChain(word, text, at + 2, false, out, false, tails, true);
}

/**
 * The fetch and converter names of a statement. `logFormat: false` skips looking for `%[…]` parts,
 * for a statement known to have none (see `Placed.mayHold`).
 */
export function sampleNames(statement: Statement, reading: StatementReading, logFormat = true, tails?: SampleTail[], mayHoldSni = true): SampleName[] {
  if (reading.kind !== "known") return NONE;
  const name = reading.match.keyword.name;
  // The first argument is read only for a rule keyword (most lines are not).
  const action = reading.match.keyword.actions !== undefined && isExpressionAction(reading.value(0));
  const stick = name.startsWith("stick ") && STICK.test(name);
  // The global section's `set-var NAME EXPR` (evaluated once at start).
  const globalVar = name === "set-var";
  // `tcp-check connect port EXPR`: a port that is not a number is a sample expression.
  const connect = name === "tcp-check connect" || name === "http-check connect";
  // `http-check expect … status-code EXPR` (tcp-check too): measured on 2.6.12, "error detected while
  // parsing status-code expression : unknown fetch method".
  const expectStatus = name === "http-check expect" || name === "tcp-check expect";
  // `balance hash EXPR`: the expression whose hash picks the server.
  const hash = name === "balance" && statement.wordIs(1, "hash");
  // A server's `sni EXPR` (measured: `sni hdr(host` is "error detected while parsing sni expression").
  let sni = -1;
  if (mayHoldSni && (name === "server" || name === "default-server" || name === "server-template")) {
    for (let i = name === "default-server" ? 1 : 3; i < statement.wordCount - 1; i++) if (statement.wordIs(i, "sni")) sni = i;
  }
  // Most lines have no sample at all: nothing to allocate for them (not even their words).
  if (!logFormat && !(name === "acl" && reading.count > 1) && !action && !stick && !globalVar && !connect && !expectStatus && !hash && sni < 0 && !(statement.hasCondition && statement.condition?.expression)) return NONE;
  const args = reading.args;
  const out: SampleName[] = [];
  if (logFormat) {
    if (statement.keyword.value.includes("%[")) logFormatParts(statement.keyword, out, tails);
    for (const word of statement.args) if (word.value.includes("%[")) logFormatParts(word, out, tails);
  }
  if (name === "acl" && args[1]) readChain(args[1], args[1].value, 0, true, out, false, tails);
  if (action && args[0]) {
    const expression = args[0].value === "capture" || /^track-sc/.test(args[0].value) || /^set-(?:src|dst)/.test(args[0].value) ? args[1] : args[1];
    if (expression && !expression.value.includes("%[")) readChain(expression, expression.value, 0, false, out, /^sc-set-gpt/.test(args[0].value), tails);
  }
  if (stick && args[0]) readChain(args[0], args[0].value, 0, false, out, false, tails);
  if ((globalVar || hash) && args[1]) readChain(args[1], args[1].value, 0, false, out, false, tails);
  // statement words count the keyword, reading.args do not
  const sniExpression = sni >= 0 ? args[sni] : undefined;
  if (sniExpression && !sniExpression.value.includes("$")) readChain(sniExpression, sniExpression.value, 0, false, out, false, tails);
  if (connect) {
    const port = args.findIndex((word) => word.value === "port");
    const expression = port >= 0 ? args[port + 1] : undefined;
    // Only a whole number is a port: anything else is read as an expression (measured: `port 0.5`, `port 80x` are unknown fetches).
    // A '-' there is no flag: `port -1` is "unknown fetch method '-1'" (measured).
    if (expression && /^-[\w.-]*$/.test(expression.value)) out.push(new Sample("fetch", expression.value, false, expression, 0, expression.value.length, expression.value));
    else if (expression && !/^\d+$/.test(expression.value) && !expression.value.includes("$")) readChain(expression, expression.value, 0, false, out);
  }
  if (expectStatus) {
    const at = args.findIndex((word) => word.value === "status-code");
    const expression = at >= 0 ? args[at + 1] : undefined;
    // A bare number is check-expect's finding (write int(500)).
    if (expression && !/^\d+$/.test(expression.value) && !expression.value.includes("$")) readChain(expression, expression.value, 0, false, out, false, tails);
  }
  for (const alternative of statement.condition?.expression?.alternatives ?? []) {
    for (const term of alternative.terms) {
      if (term.kind === "anonymous-acl" && term.words[0]) readChain(term.words[0], term.words[0].value, 0, true, out, false, tails);
    }
  }
  return out;
}

/** Per keyword: whether `sampleNames` may find a sample in one of its statements' arguments. */
const expressionKeywords = new WeakMap<HaproxyKeyword, boolean>();

function takesExpression(keyword: HaproxyKeyword): boolean {
  let takes = expressionKeywords.get(keyword);
  if (takes === undefined) {
    const name = keyword.name;
    takes =
      name === "acl" ||
      keyword.actions !== undefined ||
      STICK.test(name) ||
      name === "set-var" ||
      name === "balance" ||
      /^(?:tcp|http)-check (?:connect|expect)$/.test(name) ||
      name === "server" ||
      name === "default-server" ||
      name === "server-template";
    expressionKeywords.set(keyword, takes);
  }
  return takes;
}

/**
 * Whether `sampleNames` would find nothing in a statement, told from what the model already knows:
 * no `%` on its line, no condition, and a keyword that takes no expression (a server line, most of a
 * large file, takes one only after `sni`). The statements of a large file are mostly such.
 */
function namesNoSample(placed: Placed, sni: ReadonlySet<Placed>): boolean {
  if (placed.mayHold(HAS_PERCENT) || placed.statement.hasCondition) return false;
  const reading = placed.reading;
  if (reading.kind !== "known") return true;
  const keyword = reading.match.keyword;
  if (!takesExpression(keyword)) return true;
  const name = keyword.name;
  return (name === "server" || name === "default-server" || name === "server-template") && !sni.has(placed);
}

/** A statement and the fetches and converters it names (see `sampleNames`). */
export interface StatementSamples {
  readonly placed: Placed;
  readonly samples: readonly SampleName[];
  /** What stands after an expression where haproxy wants a `,` or `]` (HA080); absent when nothing. */
  readonly tails?: readonly SampleTail[];
}

const samplesByModel = new WeakMap<HaproxyModel, readonly StatementSamples[]>();

/**
 * The statements of a configuration that name a fetch or converter, with those names, found once
 * per model for every rule that reads them (HA060, HA068): most lines name none.
 */
export function samplesOf(model: HaproxyModel): readonly StatementSamples[] {
  let found = samplesByModel.get(model);
  if (!found) {
    const list: StatementSamples[] = [];
    const tails: SampleTail[] = [];
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    // Server lines are most of a large file: only those whose text holds `sni` are read word by word for it.
    const sni = new Set(model.mentioning("sni"));
    // Each section's last `balance`: an earlier one's `hash` expression is never parsed.
    const lastBalance = new Map<Placed["section"], Placed["statement"]>();
    const balances = model.withKeyword("balance");
    for (let at = 0; at < balances.length; at++) lastBalance.set(balances[at]!.section, balances[at]!.statement);
    for (let at = 0; at < placedList.length; at++) {
      const placed = placedList[at]!;
      if (namesNoSample(placed, sni)) continue;
      // A frontend skips its `stick` lines unread, expression and all (a warning; sixteenth mutation round).
      if (placed.keyword === "stick" && placed.section.type === "frontend") continue;
      if ((placed.section.type === "backend" || placed.section.type === "defaults") && formatNeverParsed(model, placed.section, placed.keyword)) continue;
      if (placed.keyword === "balance" && balanceNeverParsed(model, placed.section, placed.statement, lastBalance.get(placed.section))) continue;
      // One list for every statement, copied only for the rare one with a tail.
      if (tails.length > 0) tails.length = 0;
      const samples = sampleNames(placed.statement, placed.reading, placed.mayHold(HAS_PERCENT), tails, sni.has(placed));
      if (samples.length > 0) list.push(tails.length > 0 ? { placed, samples, tails: [...tails] } : { placed, samples });
    }
    samplesByModel.set(model, (found = list));
  }
  return found;
}
