// Configuration files are often templates (Ansible's Jinja2, consul-template and Helm's Go templates,
// Chef's ERB). What a template expression renders to is not known: a finding on one (`'{{ port }}' is
// not a port`, an unknown keyword `{% if tls %}`) says nothing about the file that will be deployed.
// Nor does a finding that ties two lines of a template's exclusive branches together (`bind` set
// twice, once under `{% if %}` and once under `{% else %}`): at most one of them is rendered. Nor one
// that counts the words of a line an expression writes some of, one that misses a line an expression
// could write, one about a name an expression could write, or one that depends on where a macro's
// lines land. Such findings are dropped; the rest of the file is checked as usual, and the grammar's
// `template-syntax` warning says once per file that this is a template.
import { templateSpans } from "../../../grammars/common/templates.js";
import type { Problem } from "./report.js";
import { TemplateBranches } from "./template-branches.js";
import { TemplateLayout, type TemplateProduct } from "./template-layout.js";

/** Findings that judge a line's whole list of words: an expression may write any number of them. */
const SHAPE = new Set(["argument-count", "invalid-value", "invalid-arguments", "extra-words"]);
/** Findings about a line's condition: an expression later on the line may write it (`if {{ cond }}`). */
const CONDITION = new Set(["redirect-loop"]);
/** Findings that a line is missing: only a line of template output may write it. */
const MISSING_LINE = new Set([
  "no-bind", "empty-backend", "no-default-backend", "log-format-without-log", "vrid-missing", "no-vip", "lvs-empty",
  "virtual-server-without-vip", "unicast-without-peers", "auth-incomplete", "ssl-incomplete", "url-incomplete",
]);
/** Findings that a word of a line is missing, with the keywords whose last word, written by an expression, may be it. */
const MISSING_WORD: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["check-missing", new Set(["server", "default-server", "server-template"])],
  ["httpcheck-without-httpchk", new Set(["option"])],
  ["missing-timeouts", new Set(["timeout"])],
]);
/** Absences judged in the global section (global_defs), whatever line they point at. */
const GLOBAL_ABSENCE = new Set(["process-security", "script-security", "external-check"]);
/** Findings about where a line stands, or about the sections around it: unknown for a macro's lines. */
const PLACEMENT = new Set(["outside-section", "wrong-section", "wrong-block", "log-format-without-log", "external-check", "missing-timeouts", "http-in-tcp"]);
/** References to a name, with the keywords that define one: a definition named by an expression may be it. */
const UNDEFINED: ReadonlyMap<string, readonly string[] | "any"> = new Map<string, readonly string[] | "any">([
  ["undefined-backend", ["backend", "listen"]],
  ["undefined-acl", ["acl"]],
  ["undefined-server", ["server", "server-template"]],
  ["undefined-defaults", ["defaults"]],
  ["undefined-reference", "any"],
  ["undefined-tracker", ["vrrp_script", "vrrp_track_file", "track_file", "vrrp_track_process", "track_process"]],
  ["undefined-vs-group", ["virtual_server_group"]],
]);
const UNUSED = new Set(["unused-acl", "unused-backend", "unused-script"]);

/** The problems that do not stand on a template expression (all of them when the text has none). */
export function outsideTemplates(problems: readonly Problem[], text: string, uri?: string, product?: TemplateProduct): readonly Problem[] {
  if (problems.length === 0) return problems;
  const spans = templateSpans(text);
  if (spans.length === 0) return problems;
  let context: TemplateContext | undefined;
  return problems.filter((problem) => {
    if (problem.code === "template-syntax") return true;
    if (onTemplate(problem, spans)) return false;
    context ??= new TemplateContext(text, spans, product ?? productOf(problems));
    return !context.templateCaused(problem, uri);
  });
}

/** What a template's structure tells about the findings around its expressions. */
class TemplateContext {
  private readonly branches: TemplateBranches;
  private readonly layout: TemplateLayout;

  constructor(
    private readonly text: string,
    private readonly spans: readonly number[],
    product: TemplateProduct,
  ) {
    this.branches = new TemplateBranches(text, spans);
    this.layout = new TemplateLayout(text, spans, product);
  }

  templateCaused(problem: Problem, uri?: string): boolean {
    const at = problem.range.start.offset;
    const code = problem.code;
    const related = (problem.related ?? []).filter((location) => uri === undefined || location.uri === uri).map((location) => location.range.start.offset);
    if (related.some((other) => this.branches.exclusive(at, other))) return true;
    const body = this.branches.macroBody(at);
    if (related.some((other) => !sameBody(body, this.branches.macroBody(other)))) return true;
    if (body && (PLACEMENT.has(code) || this.layout.sectionOf(at)[0] < body[0])) return !LINE_LOCAL.has(code);
    if (SHAPE.has(code) && this.onKeyword(problem) && this.expressionLater(at)) return true;
    if (CONDITION.has(code) && this.expressionLater(at)) return true;
    if (GLOBAL_ABSENCE.has(code)) return this.layout.mayWriteGlobal();
    if (MISSING_LINE.has(code) || MISSING_WORD.has(code)) {
      const [from, to] = this.absenceScope(problem);
      return this.layout.mayWrite(from, to, MISSING_WORD.get(code));
    }
    const definers = UNDEFINED.get(code);
    if (definers) {
      const named = this.layout.namedByExpression;
      return (definers === "any" ? named.size > 0 : definers.some((keyword) => named.has(keyword))) || this.layout.mayWrite(0, this.text.length);
    }
    if (UNUSED.has(code)) return true;
    return false;
  }

  /** Where a missing line would have to be: the finding's section, or the whole file. */
  private absenceScope(problem: Problem): readonly [number, number] {
    const section = this.layout.sectionOf(problem.range.start.offset);
    // "No proxy of this configuration listens" is about the whole file, said on its first section.
    const header = this.text.slice(section[0], section[0] + 12).trimStart();
    if (problem.code === "no-bind" && !/^(?:frontend|listen)\s/.test(header)) return [0, this.text.length];
    return section;
  }

  /** Whether the problem points at the first word of its line (the keyword, judging the whole line). */
  private onKeyword(problem: Problem): boolean {
    const { offset, column } = problem.range.start;
    return this.text.slice(offset - column, offset).trim() === "";
  }

  /** Whether a template span starts on the rest of the line from `offset`. */
  private expressionLater(offset: number): boolean {
    const newline = this.text.indexOf("\n", offset);
    const index = spanAfter(this.spans, offset);
    return index < this.spans.length / 2 && (newline < 0 || this.spans[index * 2]! < newline);
  }
}

/** Line-local findings: what a line says by itself, wherever a macro puts it. */
const LINE_LOCAL = new Set(["unknown-keyword", "removed-keyword", "deprecated-keyword", "newer-keyword", "weak-tls", "ssl-verify-none", "unitless-timeout", "regex-backtracking", "hash-in-word"]);

function sameBody(a: readonly [number, number] | undefined, b: readonly [number, number] | undefined): boolean {
  return a?.[0] === b?.[0];
}

function productOf(problems: readonly Problem[]): TemplateProduct {
  return problems.some((problem) => problem.ruleId.startsWith("KA")) ? "keepalived" : "haproxy";
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
