// Configuration files are often templates (Ansible's Jinja2, consul-template and Helm's Go templates,
// Chef's ERB). What a template expression renders to is not known: a finding on one (`'{{ port }}' is
// not a port`, an unknown keyword `{% if tls %}`) says nothing about the file that will be deployed.
// Nor does a finding that ties two lines of a template's exclusive branches together (`bind` set
// twice, once under `{% if %}` and once under `{% else %}`): at most one of them is rendered. Such
// findings are dropped; the rest of the file is checked as usual, and the grammar's
// `template-syntax` warning says once per file that this is a template.
import { templateSpans } from "../../../grammars/common/templates.js";
import type { Problem } from "./report.js";

/** The problems that do not stand on a template expression (all of them when the text has none). */
export function outsideTemplates(problems: readonly Problem[], text: string, uri?: string): readonly Problem[] {
  if (problems.length === 0) return problems;
  const spans = templateSpans(text);
  if (spans.length === 0) return problems;
  let branches: TemplateBranches | undefined;
  return problems.filter((problem) => {
    if (problem.code === "template-syntax") return true;
    if (onTemplate(problem, spans)) return false;
    const related = problem.related?.filter((location) => uri === undefined || location.uri === uri);
    if (!related?.length) return true;
    branches ??= new TemplateBranches(text, spans);
    const at = problem.range.start.offset;
    return !related.some((location) => branches!.exclusive(at, location.range.start.offset));
  });
}

/**
 * Whether a problem's range meets a template expression. A range over several lines (a whole block or
 * section) is judged by where it starts: a template somewhere inside does not make it unknown.
 */
function onTemplate(problem: Problem, spans: readonly number[]): boolean {
  const { start, end } = problem.range;
  const from = start.offset;
  const to = start.line === end.line ? Math.max(end.offset, from + 1) : from + 1;
  const index = spanAfter(spans, from);
  return index < spans.length / 2 && spans[index * 2]! < to;
}

/** The index of the first span that ends after `offset` (spans are in order and do not overlap). */
function spanAfter(spans: readonly number[], offset: number): number {
  let low = 0;
  let high = spans.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle * 2 + 1]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What a template tag does to the branches around it. */
type TagEffect = "open" | "branch" | "close" | undefined;

// Jinja2 (`{% if %}`, `{% for %}`, `{% macro %}` … `{% endif %}`), Go templates (`{{ if }}`,
// `{{ range }}`, `{{ with }}` … `{{ end }}`) and ERB (`<% if %>`, `<% x.each do |y| %>` … `<% end %>`).
const JINJA_OPEN = new Set(["if", "for", "macro", "call", "filter", "block", "with", "raw", "autoescape", "trans"]);
const JINJA_BRANCH = new Set(["elif", "else"]);
const GO_OPEN = new Set(["if", "range", "with", "block", "define"]);
const GO_BRANCH = new Set(["else"]);
const ERB_OPEN = new Set(["if", "unless", "case", "while", "until", "for", "begin"]);
const ERB_BRANCH = new Set(["elsif", "else", "when", "rescue", "ensure"]);

/** The effect of the tag `text` (a whole `{% … %}`, `{{ … }}` or `<% … %>`). */
function tagEffect(text: string): TagEffect {
  const opener = text.slice(0, 2);
  // The tag's inside, without its whitespace-control marks (`{%-`, `-%}`, `{{-`, `<%-`).
  const inside = text.slice(2, -2).replace(/^[-+=#]?\s*/, "");
  const word = /^[a-z]+/.exec(inside)?.[0] ?? "";
  if (opener === "{%") {
    if (JINJA_OPEN.has(word)) return "open";
    if (JINJA_BRANCH.has(word)) return "branch";
    // `{% set x %}` … `{% endset %}` holds a block; `{% set x = 1 %}` does not.
    if (word === "set" && !inside.includes("=")) return "open";
    return word.startsWith("end") ? "close" : undefined;
  }
  if (opener === "{{") {
    if (GO_OPEN.has(word)) return "open";
    if (GO_BRANCH.has(word)) return "branch";
    return word === "end" ? "close" : undefined;
  }
  if (opener !== "<%" || /^<%[=#]/.test(text)) return undefined;
  if (ERB_OPEN.has(word) || /\bdo(?:\s*\|[^|]*\|)?\s*-?$/.test(text.slice(2, -2).trim())) return "open";
  if (ERB_BRANCH.has(word)) return "branch";
  return word === "end" ? "close" : undefined;
}

/**
 * The branches of a template's conditionals: for any offset, which branch of which enclosing
 * conditional (or loop, or macro) it lies in. Two offsets are exclusive when they lie in different
 * branches of the same conditional: no rendering holds both.
 */
class TemplateBranches {
  /** Offsets where the path changes, in order, and the path from each on (`id:branch` per level). */
  private readonly starts: number[] = [0];
  private readonly paths: (readonly string[])[] = [[]];

  constructor(text: string, spans: readonly number[]) {
    const stack: { id: number; branch: number }[] = [];
    let next = 0;
    for (let i = 0; i < spans.length; i += 2) {
      const effect = tagEffect(text.slice(spans[i]!, spans[i + 1]!));
      if (effect === undefined) continue;
      if (effect === "open") stack.push({ id: next++, branch: 0 });
      else if (effect === "branch") {
        if (stack.length > 0) stack[stack.length - 1]!.branch++;
      } else stack.pop();
      this.starts.push(spans[i + 1]!);
      this.paths.push(stack.map((level) => `${level.id}:${level.branch}`));
    }
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
