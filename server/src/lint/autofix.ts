// Applies the safe fixes of a configuration, pass after pass, until no fix is left (or ten passes):
// each pass takes the fixes that do not overlap, applies them, and parses and lints the result again.
// A pass that adds a syntax error (or makes a rule fail) is undone and its fixes are tried one by one;
// those that add one are dropped. Nothing here writes a file: the caller gets the fixed texts.
import { applyEdits } from "../../../grammars/common/edits.js";
import type { LoadedConfig } from "../workspace/loader.js";
import type { ResolvedConfig } from "./config.js";
import { lintLoaded } from "./lint.js";
import { findRules } from "./registry.js";
import type { Problem } from "./report.js";
import type { Category, Fix } from "./rule.js";

export interface AutofixOptions {
  /** Only fixes of problems in these categories (syntax problems are `syntax`); every category when absent. */
  readonly categories?: ReadonlySet<Category>;
  readonly maxPasses?: number;
  /** How a configuration is linted: `lintLoaded` (tests put their own in). */
  readonly lint?: (loaded: LoadedConfig, config: ResolvedConfig) => Map<string, Problem[]>;
}

export interface DroppedFix {
  readonly uri: string;
  readonly ruleId: string;
  readonly description: string;
  readonly reason: string;
}

export interface AutofixResult {
  /** The fixed text of every file that changed, by URI. */
  readonly texts: Map<string, string>;
  /** The configuration as fixed and its problems (the originals when nothing changed). */
  readonly loaded: LoadedConfig;
  readonly problems: Map<string, Problem[]>;
  readonly applied: number;
  readonly dropped: DroppedFix[];
}

interface Candidate {
  readonly uri: string;
  readonly problem: Problem;
  readonly fix: Fix;
  readonly key: string;
}

interface State {
  readonly loaded: LoadedConfig;
  readonly problems: Map<string, Problem[]>;
  readonly texts: Map<string, string>;
}

/** The category of the rule behind a problem; undefined for lblint's own directives. */
export function problemCategory(problem: Problem): Category | undefined {
  if (problem.ruleId === "syntax") return "syntax";
  return findRules(problem.ruleId)[0]?.meta.category;
}

/** Errors that a fix must never add: syntax errors by code, and rules that failed. */
function breakage(problems: ReadonlyMap<string, Problem[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [uri, list] of problems) {
    for (const problem of list) {
      const kind = problem.code === "internal-error" ? "internal-error" : problem.ruleId === "syntax" && problem.severity === "error" ? `syntax/${problem.code}` : undefined;
      if (kind) counts.set(`${uri}\0${kind}`, (counts.get(`${uri}\0${kind}`) ?? 0) + 1);
    }
  }
  return counts;
}

function addsBreakage(before: ReadonlyMap<string, Problem[]>, after: ReadonlyMap<string, Problem[]>): boolean {
  const old = breakage(before);
  for (const [key, count] of breakage(after)) if (count > (old.get(key) ?? 0)) return true;
  return false;
}

function span(fix: Fix): [number, number] {
  return [Math.min(...fix.edits.map((e) => e.start)), Math.max(...fix.edits.map((e) => e.end))];
}

function conflicts(a: Fix, b: Fix): boolean {
  for (const x of a.edits) {
    for (const y of b.edits) {
      if (Math.max(x.start, y.start) < Math.min(x.end, y.end)) return true;
      // Two changes at one point (an insertion beside another edit) have no certain order.
      if (x.start === y.start || x.end === y.end || (x.start === x.end && (x.start === y.end || x.start === y.start)) || (y.start === y.end && y.start === x.end)) return true;
    }
  }
  return false;
}

/**
 * Names a fix across passes, wherever its problem moved: a fix offered again after it was applied
 * did not resolve its problem. (Identical fixes of identical problems are applied in one pass.)
 */
function fixKey(uri: string, problem: Problem): string {
  return [uri, problem.ruleId, problem.message, problem.fix!.description, ...problem.fix!.edits.map((edit) => edit.newText)].join("\0");
}

/** The fixes to try in this pass: allowed, not refused before, not overlapping one another. */
function candidates(state: State, options: AutofixOptions, refused: ReadonlySet<string>): Candidate[] {
  const chosen: Candidate[] = [];
  for (const [uri, problems] of state.problems) {
    if (!state.loaded.files.has(uri)) continue;
    const found = problems
      .filter((problem) => problem.fix && problem.fix.edits.length > 0)
      .filter((problem) => !options.categories || options.categories.has(problemCategory(problem) as Category))
      .map((problem) => ({ uri, problem, fix: problem.fix!, key: fixKey(uri, problem) }))
      .filter((candidate) => !refused.has(candidate.key))
      .sort((a, b) => span(a.fix)[0] - span(b.fix)[0] || span(a.fix)[1] - span(b.fix)[1]);
    const taken: Candidate[] = [];
    for (const candidate of found) if (!taken.some((other) => conflicts(other.fix, candidate.fix))) taken.push(candidate);
    chosen.push(...taken);
  }
  return chosen;
}

/**
 * Fixes `loaded` as far as its fixes safely go. `reload` loads the same configuration again with the
 * given texts (by URI) over the files on disk.
 */
export async function autofix(
  loaded: LoadedConfig,
  config: ResolvedConfig,
  reload: (texts: ReadonlyMap<string, string>) => Promise<LoadedConfig>,
  options: AutofixOptions = {},
): Promise<AutofixResult> {
  const lint = options.lint ?? lintLoaded;
  let state: State = { loaded, problems: lint(loaded, config), texts: new Map() };
  const refused = new Set<string>();
  const dropped: DroppedFix[] = [];
  let applied = 0;

  const attempt = async (fixes: readonly Candidate[]): Promise<State | undefined> => {
    const texts = new Map(state.texts);
    const byFile = new Map<string, Candidate[]>();
    for (const candidate of fixes) byFile.set(candidate.uri, [...(byFile.get(candidate.uri) ?? []), candidate]);
    for (const [uri, list] of byFile) {
      const text = state.loaded.files.get(uri)!.text;
      let fixed: string;
      try {
        fixed = applyEdits(text, list.flatMap((candidate) => candidate.fix.edits));
      } catch {
        return undefined;
      }
      texts.set(uri, fixed);
    }
    const next = await reload(texts);
    const problems = lint(next, config);
    return addsBreakage(state.problems, problems) ? undefined : { loaded: next, problems, texts };
  };

  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    const fixes = candidates(state, options, refused);
    if (fixes.length === 0) break;
    // A fix offered again after it was applied did not resolve its problem: never apply it twice.
    for (const fix of fixes) refused.add(fix.key);
    let next = await attempt(fixes);
    let count = fixes.length;
    if (!next) {
      const good: Candidate[] = [];
      for (const fix of fixes) {
        if (await attempt([fix])) good.push(fix);
        else dropped.push({ uri: fix.uri, ruleId: fix.problem.ruleId, description: fix.fix.description, reason: "it would add a syntax error" });
      }
      count = good.length;
      next = good.length > 0 ? await attempt(good) : undefined;
      if (!next && good.length > 0) {
        // Each is safe alone but not all together: one per pass.
        next = await attempt(good.slice(0, 1));
        count = 1;
      }
    }
    if (!next) continue;
    applied += count;
    state = next;
  }
  // Files whose fixes cancelled out are not changed.
  for (const [uri, text] of state.texts) if (loaded.files.get(uri)?.text === text) state.texts.delete(uri);
  return { texts: state.texts, loaded: state.loaded, problems: state.problems, applied, dropped };
}
