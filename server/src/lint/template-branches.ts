// The control structure of a template: which branch of which conditional (or loop) each offset lies in,
// and which stretches are the bodies of macros (Jinja's `{% macro %}` and `{% call %}`, Go's
// `{{ define }}`), text rendered wherever the macro is called rather than where it is written.

/** What a template tag does to the branches around it. */
type TagEffect = "open" | "branch" | "close";

// Jinja2 (`{% if %}`, `{% for %}`, `{% macro %}` … `{% endif %}`), Go templates (`{{ if }}`,
// `{{ range }}`, `{{ with }}` … `{{ end }}`) and ERB (`<% if %>`, `<% x.each do |y| %>` … `<% end %>`).
const JINJA_OPEN = new Set(["if", "for", "macro", "call", "filter", "block", "with", "raw", "autoescape", "trans"]);
const JINJA_BRANCH = new Set(["elif", "else"]);
const GO_OPEN = new Set(["if", "range", "with", "block", "define"]);
const GO_BRANCH = new Set(["else"]);
const ERB_OPEN = new Set(["if", "unless", "case", "while", "until", "for", "begin"]);
const ERB_BRANCH = new Set(["elsif", "else", "when", "rescue", "ensure"]);
/** Openers whose body is rendered where the macro is called, not where it is written. */
const JINJA_DETACHED = new Set(["macro", "call"]);
const GO_DETACHED = new Set(["define"]);

/** A condition that tests one subject against constants: `x == 'a' or x == 'b'`, Go's `eq .X "a" "b"`. */
interface Choice {
  readonly subject: string;
  readonly values: readonly string[];
}

// A constant: a quoted string, a number, true/false/none, or a constant's name (`constants.HTTP`).
const CONSTANT = String.raw`(?:'[^'\n]*'|"[^"\n]*"|-?\d+(?:\.\d+)?|true|false|none|nil|True|False|None|(?:[a-z_]\w*\.)*[A-Z][A-Z0-9_]*)`;
const EQUALS = new RegExp(String.raw`^\(?\s*([\w.$@:\[\]'"]+)\s*==\s*(${CONSTANT})\s*\)?$`);
const GO_EQ = new RegExp(String.raw`^eq\s+([\w.$]+)((?:\s+${CONSTANT})+)$`);

// A truth test of one value: `x`, `not x`, `x is defined`, `x is not defined` (Jinja), `.X`,
// `not .X` (Go), `@x` (ERB, with `unless` for its negation).
const TRUTH = /^(not\s+)?([\w.$@:[\]'"]+)(\s+is\s+(not\s+)?defined)?$/;

/**
 * The choice an `if` (or ERB `unless`) tag's condition makes, if it is one (`{% if mode == 'tcp' %}`,
 * `{% if not tls %}`), else undefined. A truth test is a choice between true and false of a subject
 * of its own (`truth:x`), so that `if x` is exclusive with `if not x` but not with `if x == 'a'`.
 */
function choiceOf(inside: string, go: boolean, negated = false): Choice | undefined {
  if (inside.length > 400) return undefined;
  const condition = inside.replace(/^[-+=]?\s*(?:if|unless)\b/, "").replace(/-$/, "").replace(/\s+/g, " ").trim();
  const truth = TRUTH.exec(condition);
  if (truth && !/^(?:and|or|not|true|false|none|nil)$/i.test(truth[2]!)) {
    const falsy = (truth[1] !== undefined) !== (truth[4] !== undefined) !== negated;
    return { subject: `truth:${truth[2]}${truth[3] ? " is defined" : ""}`, values: [falsy ? "false" : "true"] };
  }
  if (negated) return undefined;
  if (go) {
    const match = GO_EQ.exec(condition);
    return match ? { subject: match[1]!, values: match[2]!.trim().split(" ") } : undefined;
  }
  const parts = condition.replace(/^\((.*)\)$/, "$1").split(/ (?:or|\|\|) /);
  let subject: string | undefined;
  const values: string[] = [];
  for (const part of parts) {
    const match = EQUALS.exec(part.trim());
    if (!match || (subject !== undefined && match[1] !== subject)) return undefined;
    subject = match[1]!;
    values.push(match[2]!);
  }
  return subject === undefined ? undefined : { subject, values };
}

/** Whether two choices cannot both hold: the same subject, no value in common. */
function disjoint(a: Choice | undefined, b: Choice | undefined): boolean {
  return a !== undefined && b !== undefined && a.subject === b.subject && !a.values.some((value) => b.values.includes(value));
}

/** The first word of a tag's inside, without its whitespace-control marks (`{%-`, `{{-`, `<%-`). */
function firstWord(inside: string): string {
  return /^[-+=#]?\s*([a-z]*)/.exec(inside)?.[1] ?? "";
}

/** The effects of the tag `text` (a whole `{% … %}`, `{{ … }}` or `<% … %>`), in order, and whether it opens a macro body. */
function tagEffects(text: string): { effects: TagEffect[]; detached: boolean; choice?: Choice } {
  const opener = text.slice(0, 2);
  const inside = text.slice(2, -2);
  const word = firstWord(inside);
  if ((word === "if" || (word === "unless" && opener === "<%")) && (opener !== "<%" || !/[\n;]/.test(inside.trim()))) {
    const choice = choiceOf(inside, opener === "{{", word === "unless");
    return { effects: ["open"], detached: false, ...(choice ? { choice } : {}) };
  }
  if (opener === "{%") {
    if (JINJA_OPEN.has(word)) return { effects: ["open"], detached: JINJA_DETACHED.has(word) };
    if (JINJA_BRANCH.has(word)) return { effects: ["branch"], detached: false };
    // `{% set x %}` … `{% endset %}` holds a block; `{% set x = 1 %}` does not.
    if (word === "set" && !inside.includes("=")) return { effects: ["open"], detached: false };
    return { effects: word.startsWith("end") ? ["close"] : [], detached: false };
  }
  if (opener === "{{") {
    if (GO_OPEN.has(word)) return { effects: ["open"], detached: GO_DETACHED.has(word) };
    if (GO_BRANCH.has(word)) return { effects: ["branch"], detached: false };
    return { effects: word === "end" ? ["close"] : [], detached: false };
  }
  if (opener !== "<%" || /^<%[=#]/.test(text)) return { effects: [], detached: false };
  // A Ruby block between `<%` and `%>` may hold several statements, one a line (`end`, then `if x`).
  const effects: TagEffect[] = [];
  for (const line of inside.replace(/^-/, "").replace(/-$/, "").split(/[\n;]/)) effects.push(...rubyEffects(line));
  return { effects, detached: false };
}

/** What one line of Ruby does: `end` closes, `if` or `… do |x|` opens, `else` branches (`end.each do` both). */
function rubyEffects(line: string): TagEffect[] {
  const code = line.replace(/#.*$/, "").trim();
  const word = /^[a-z]*/.exec(code)?.[0] ?? "";
  const effects: TagEffect[] = [];
  if (word === "end") effects.push("close");
  else if (ERB_BRANCH.has(word)) effects.push("branch");
  else if (ERB_OPEN.has(word)) return ["open"];
  if (/\bdo(?:\s*\|[^|]*\|)?$/.test(code)) effects.push("open");
  return effects;
}

/** One level of a path: a branch of a conditional (or a loop, or a macro), inside its parent's. */
interface Level {
  readonly id: number;
  readonly branch: number;
  readonly parent: Level | undefined;
  readonly depth: number;
}

/** Deeper than this, two paths are not compared (kept as not exclusive), so each comparison is bounded. */
const MAX_DEPTH = 256;

/**
 * The branches of a template's conditionals: for any offset, which branch of which enclosing
 * conditional (or loop, or macro) it lies in. Two offsets are exclusive when they lie in different
 * branches of the same conditional: no rendering holds both. Paths share their levels (each tag adds
 * one), so building them is linear however deep the nesting.
 */
export class TemplateBranches {
  /** Offsets where the path changes, in order, and the innermost level from each on. */
  private readonly starts: number[] = [0];
  private readonly paths: (Level | undefined)[] = [undefined];
  /** Macro bodies, as [start, end) pairs in order (an unclosed one runs to the end of the text). */
  private readonly detached: number[] = [];
  /** The choice each conditional's first branch makes, by conditional id. */
  private readonly choices = new Map<number, Choice>();

  constructor(text: string, spans: readonly number[]) {
    let top: Level | undefined;
    /** Where the outermost open macro body starts, and how many levels up its opener is. */
    let body = -1;
    let bodyDepth = -1;
    let next = 0;
    for (let i = 0; i < spans.length; i += 2) {
      const { effects, detached, choice } = tagEffects(text.slice(spans[i]!, spans[i + 1]!));
      if (effects.length === 0) continue;
      for (const effect of effects) {
        if (effect === "open") {
          if (choice) this.choices.set(next, choice);
          top = { id: next++, branch: 0, parent: top, depth: (top?.depth ?? 0) + 1 };
          if (detached && body < 0) {
            body = spans[i + 1]!;
            bodyDepth = top.depth;
          }
        } else if (effect === "branch") {
          if (top) top = { ...top, branch: top.branch + 1 };
        } else if (top) {
          if (top.depth === bodyDepth) {
            this.detached.push(body, spans[i]!);
            body = -1;
            bodyDepth = -1;
          }
          top = top.parent;
        }
      }
      this.starts.push(spans[i + 1]!);
      this.paths.push(top);
    }
    if (body >= 0) this.detached.push(body, text.length);
  }

  exclusive(a: number, b: number): boolean {
    let first = this.pathAt(a);
    let second = this.pathAt(b);
    if (!first || !second || first.depth > MAX_DEPTH || second.depth > MAX_DEPTH) return false;
    while (first.depth > second.depth) first = first.parent!;
    while (second.depth > first.depth) second = second.parent!;
    // One path holds the other: the offsets can render together.
    if (sameLevel(first, second)) return false;
    while (!sameLevel(first.parent, second.parent)) {
      first = first.parent!;
      second = second.parent!;
    }
    // The same conditional in another branch: exclusive. Two conditionals whose first branches test
    // one subject against different values (`mode == 'tcp'`, `mode == 'http'`): exclusive too.
    if (first.id === second.id) return true;
    return first.branch === 0 && second.branch === 0 && disjoint(this.choices.get(first.id), this.choices.get(second.id));
  }

  /** The macro body holding `offset`, as [start, end), or undefined. */
  macroBody(offset: number): readonly [number, number] | undefined {
    // The bodies are outermost ones only, so they do not overlap and come in order.
    let low = 0;
    let high = this.detached.length / 2;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.detached[middle * 2 + 1]! <= offset) low = middle + 1;
      else high = middle;
    }
    const start = this.detached[low * 2];
    return start !== undefined && start <= offset ? [start, this.detached[low * 2 + 1]!] : undefined;
  }

  private pathAt(offset: number): Level | undefined {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return this.paths[low]!;
  }
}

/** Whether two levels are one: the same branch of the same conditional, inside the same levels. */
function sameLevel(a: Level | undefined, b: Level | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.id === b.id && a.branch === b.branch);
}
