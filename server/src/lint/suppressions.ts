// Inline suppression comments, as ESLint users know them:
//   # lblint-disable-next-line HA001, unknown-keyword -- why
//   # lblint-disable-line KA010
//   # lblint-disable HA001   …   # lblint-enable HA001
//   # lblint-disable-file
// No rule list means every rule. keepalived comments may also start with `!`. A directive that
// suppresses nothing is reported, so stale ones do not pile up.
import type { Range } from "../../../grammars/common/text.js";
import type { LineIndex } from "../../../grammars/common/text.js";
import type { Problem } from "./report.js";
import { findRules } from "./registry.js";
import { outsideTemplates } from "./templates.js";
import type { Product } from "./rule.js";

type Kind = "disable-next-line" | "disable-line" | "disable" | "enable" | "disable-file";

interface Directive {
  readonly kind: Kind;
  /** Rule ids (resolved), or undefined for every rule. */
  readonly rules: ReadonlySet<string> | undefined;
  /** The names as written, for messages. */
  readonly names: readonly string[];
  readonly line: number;
  readonly range: Range;
  used: Set<string>;
  anyUse: boolean;
}

const DIRECTIVE = /(^|[ \t])[#!][ \t]*lblint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])([^\r\n]*)/;

/** Rule names that are not rules of the registry but may still be suppressed. */
const BUILTIN_NAMES: ReadonlyMap<string, string> = new Map([["syntax", "syntax"]]);

export interface SuppressionResult {
  readonly problems: Problem[];
  /** Unused directives and directives that name unknown rules. */
  readonly directiveProblems: Problem[];
}

/** Finds the directives of one file. The text is searched once for `lblint-`, which is cheap when there is none. */
function findDirectives(text: string, lines: LineIndex, product: Product, problems: Problem[]): Directive[] {
  const found: Directive[] = [];
  for (let at = text.indexOf("lblint-"); at >= 0; at = text.indexOf("lblint-", at + 7)) {
    const local = lines.lineOf(at);
    const start = lines.lineStart(local);
    const end = local + 1 < lines.lineCount ? lines.lineStart(local + 1) : text.length;
    const lineText = text.slice(start, end);
    const match = DIRECTIVE.exec(lineText);
    if (!match || start + match.index + match[1]!.length > at) continue;
    const from = start + match.index + match[1]!.length;
    const range = lines.range(from, start + match.index + match[0].length);
    const body = match[3]!.split(" -- ")[0]!;
    const names = body.split(/[\s,]+/).filter((name) => name.length > 0);
    let rules: Set<string> | undefined;
    if (names.length > 0) {
      rules = new Set();
      for (const name of names) {
        const builtin = BUILTIN_NAMES.get(name);
        const ids = builtin ? [builtin] : rulesFor(name, product).map((rule) => rule.meta.id);
        if (ids.length === 0) {
          problems.push(directiveProblem(range, `'${name}' is not a ${product} rule lblint knows; this directive cannot suppress it`));
        }
        for (const id of ids) rules.add(id);
      }
    }
    found.push({ kind: match[2] as Kind, rules, names, line: range.start.line, range, used: new Set(), anyUse: false });
    // Skip past this line so one directive is not found twice.
    at = Math.max(at, end - 7);
  }
  return found;
}

/** The rules a directive in a file of `product` may name: its own, and the site rules, which report in every file. */
function rulesFor(name: string, product: Product) {
  return findRules(name).filter((rule) => rule.meta.product === product || rule.meta.product === "site");
}

function directiveProblem(range: Range, message: string): Problem {
  return { ruleId: "unused-suppression", code: "unused-suppression", severity: "warning", message, range };
}

function covers(directive: Directive, problem: Problem, ruleId: string): boolean {
  if (directive.rules && !directive.rules.has(ruleId)) return false;
  const line = problem.range.start.line;
  switch (directive.kind) {
    case "disable-file":
      return true;
    case "disable-line":
      return line === directive.line;
    case "disable-next-line":
      return line === directive.line + 1;
    default:
      return false;
  }
}

/**
 * Drops the problems that directives suppress, and those on template expressions (see templates.ts),
 * and reports directives that suppressed nothing.
 */
export function applySuppressions(found: readonly Problem[], text: string, lines: LineIndex, product: Product, uri?: string, inline = true): SuppressionResult {
  const problems = outsideTemplates(found, text, uri, product === "site" ? undefined : product);
  const directiveProblems: Problem[] = [];
  // Without inline configuration (an audit) the comments hide nothing, and are not judged either.
  if (!inline || text.indexOf("lblint-") < 0) return { problems: [...problems], directiveProblems };
  const directives = findDirectives(text, lines, product, directiveProblems);
  const ranges = directives.filter((d) => d.kind === "disable" || d.kind === "enable").sort((a, b) => a.line - b.line);
  const kept: Problem[] = [];
  for (const problem of problems) {
    const ruleId = problem.ruleId;
    let suppressed = false;
    for (const directive of directives) {
      if (covers(directive, problem, ruleId)) {
        directive.used.add(ruleId);
        directive.anyUse = true;
        suppressed = true;
      }
    }
    // Region directives: the last disable/enable before the problem's line that concerns this rule decides.
    let region: Directive | undefined;
    for (const directive of ranges) {
      if (directive.line > problem.range.start.line) break;
      if (!directive.rules || directive.rules.has(ruleId)) region = directive;
    }
    if (region?.kind === "disable") {
      region.used.add(ruleId);
      region.anyUse = true;
      suppressed = true;
    }
    if (!suppressed) kept.push(problem);
  }
  for (const directive of directives) {
    if (directive.kind === "enable") continue;
    if (!directive.rules) {
      if (!directive.anyUse) directiveProblems.push(directiveProblem(directive.range, `this lblint-${directive.kind} directive suppresses nothing; remove it`));
      continue;
    }
    const unused = directive.names.filter((name) => {
      const ids = BUILTIN_NAMES.has(name) ? [name] : rulesFor(name, product).map((rule) => rule.meta.id);
      return ids.length > 0 && !ids.some((id) => directive.used.has(id));
    });
    if (unused.length > 0) {
      directiveProblems.push(directiveProblem(directive.range, `no ${unused.map((n) => `'${n}'`).join(", ")} problem here for this lblint-${directive.kind} directive to suppress; remove it`));
    }
  }
  return { problems: kept, directiveProblems };
}
