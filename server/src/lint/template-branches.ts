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

/** The first word of a tag's inside, without its whitespace-control marks (`{%-`, `{{-`, `<%-`). */
function firstWord(inside: string): string {
  return /^[-+=#]?\s*([a-z]*)/.exec(inside)?.[1] ?? "";
}

/** The effects of the tag `text` (a whole `{% … %}`, `{{ … }}` or `<% … %>`), in order, and whether it opens a macro body. */
function tagEffects(text: string): { effects: TagEffect[]; detached: boolean } {
  const opener = text.slice(0, 2);
  const inside = text.slice(2, -2);
  const word = firstWord(inside);
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

/**
 * The branches of a template's conditionals: for any offset, which branch of which enclosing
 * conditional (or loop, or macro) it lies in. Two offsets are exclusive when they lie in different
 * branches of the same conditional: no rendering holds both.
 */
export class TemplateBranches {
  /** Offsets where the path changes, in order, and the path from each on (`id:branch` per level). */
  private readonly starts: number[] = [0];
  private readonly paths: (readonly string[])[] = [[]];
  /** Macro bodies, as [start, end) pairs in order (an unclosed one runs to the end of the text). */
  private readonly detached: number[] = [];

  constructor(text: string, spans: readonly number[]) {
    const stack: { id: number; branch: number; detachedFrom: number }[] = [];
    let next = 0;
    for (let i = 0; i < spans.length; i += 2) {
      const { effects, detached } = tagEffects(text.slice(spans[i]!, spans[i + 1]!));
      if (effects.length === 0) continue;
      for (const effect of effects) {
        if (effect === "open") {
          const outermost = detached && !stack.some((level) => level.detachedFrom >= 0);
          stack.push({ id: next++, branch: 0, detachedFrom: outermost ? spans[i + 1]! : -1 });
        } else if (effect === "branch") {
          if (stack.length > 0) stack[stack.length - 1]!.branch++;
        } else {
          const level = stack.pop();
          if (level && level.detachedFrom >= 0) this.detached.push(level.detachedFrom, spans[i]!);
        }
      }
      this.starts.push(spans[i + 1]!);
      this.paths.push(stack.map((level) => `${level.id}:${level.branch}`));
    }
    const open = stack.find((level) => level.detachedFrom >= 0);
    if (open) this.detached.push(open.detachedFrom, text.length);
  }

  exclusive(a: number, b: number): boolean {
    const first = this.pathAt(a);
    const second = this.pathAt(b);
    for (let level = 0; level < first.length && level < second.length; level++) {
      if (first[level] === second[level]) continue;
      // The same conditional (same id) in another branch: exclusive. Different ids: they part here.
      return first[level]!.split(":")[0] === second[level]!.split(":")[0];
    }
    return false;
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

  private pathAt(offset: number): readonly string[] {
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
