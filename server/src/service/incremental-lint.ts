// The engine of the editor's checks after a keystroke: the units of a big file (haproxy sections,
// keepalived top-level blocks) an edit touched are checked again with the rules whose findings there
// depend on the unit and its context only (scoped); rules kept while what they read of the touched
// units is unchanged (stable) are not run; every other rule runs over the whole file. The findings
// are those of lint() (test/service/incremental-lint*.test.ts compare them after random edits of
// every corpus file); syntax problems come from the new parse, and suppressions are applied to the
// whole, once. Each format says what its units are: incremental-lint-haproxy.ts and
// incremental-lint-keepalived.ts.
import type { SyntaxDiagnostic } from "../../../grammars/common/diagnostics.js";
import type { LineIndex, Position } from "../../../grammars/common/text.js";
import type { ResolvedConfig } from "../lint/config.js";
import { finish, inTurns } from "../lint/lint.js";
import { syntaxProblem, type Problem } from "../lint/report.js";
import { applySuppressions } from "../lint/suppressions.js";

/** What the engine needs to know of a format: its units (haproxy sections, keepalived top-level items) and how to run rules over some. */
export interface Units<Parse extends { readonly lines: { readonly text: string } }, Unit> {
  readonly product: "haproxy" | "keepalived";
  /** Rules whose findings in a unit depend only on that unit and the context units (see subset). */
  readonly scoped: ReadonlySet<string>;
  /**
   * Whole-file rules whose findings cannot change while what they read of each touched unit stays
   * the same: rule id → that reading. When it is the same before and after an edit, and the rule
   * found nothing in the touched units, its findings are kept and moved instead of computed again.
   */
  readonly stable: ReadonlyMap<string, (unit: Unit) => string>;
  units(parse: Parse): readonly Unit[];
  start(unit: Unit): Position;
  /** A unit that may be checked on its own; an edit to any other makes the next check a whole one. */
  movable(unit: Unit): boolean;
  /** What other units may learn of a movable unit (its header, its context): must not change. */
  signature(unit: Unit): string;
  /** Whether everything outside the units is as before (haproxy's lines before the first section). */
  sameOutside(previous: Parse, parse: Parse): boolean;
  /** Whether a unit always goes beside the touched ones when they are checked. */
  context(unit: Unit): boolean;
  /** Runs rules over the parse restricted to `units`, reporting each finding of this file; pauses after each rule. */
  run(parse: Parse, units: readonly Unit[] | undefined, config: ResolvedConfig, rules: (id: string) => boolean, add: (problem: Problem) => void): Generator<void, void, void>;
}

interface Previous<Parse, Unit> {
  readonly parse: Parse;
  readonly config: ResolvedConfig;
  readonly units: readonly Unit[];
  /** Where each unit started when it was checked. */
  readonly starts: readonly Position[];
  /** Findings of scoped rules, by unit index (-1: before the first unit). */
  readonly scoped: Map<number, Problem[]>;
  /** Findings of stable rules, by rule, then by unit index. */
  readonly stable: Map<string, Map<number, Problem[]>>;
}

/** How long a check runs before it lets the server answer what came in meanwhile (see lintInTurns). */
export const TURN_MS = 8;

/** The incremental checker of one open file; `lint()` gives what lint() would give. */
export class IncrementalLinter<Parse extends { readonly lines: { readonly text: string } } & { readonly diagnostics: readonly SyntaxDiagnostic[] }, Unit> {
  private previous: Previous<Parse, Unit> | undefined;
  /** How the last check was made, for tests and measurements. */
  lastMode: "full" | "incremental" = "full";
  /** The check in progress: checks of one file run one after the other, each on the state the last one left. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly format: Units<Parse, Unit>) {}

  /** The file's findings; `extra` adds findings made elsewhere (site rules) before suppressions apply. */
  lint(parse: Parse, config: ResolvedConfig, extra: readonly Problem[] = []): Problem[] {
    return finish(this.steps(parse, config, extra));
  }

  /**
   * lint() in turns: after `turnMs` of rules (between two rules), the check waits for the event loop
   * to answer what came in meanwhile — a hover on another file need not wait for the first check
   * of a 15,000-line one. The findings are lint()'s.
   */
  lintInTurns(parse: Parse, config: ResolvedConfig, extra: readonly Problem[] = [], turnMs = TURN_MS): Promise<Problem[]> {
    const run = this.running.then(() => inTurns(this.steps(parse, config, extra), turnMs));
    this.running = run.catch(() => undefined);
    return run;
  }

  /** The check, paused after each rule; the linter's state changes only at its end. */
  private *steps(parse: Parse, config: ResolvedConfig, extra: readonly Problem[]): Generator<void, Problem[], void> {
    const format = this.format;
    const dirty = this.dirtyUnits(parse, config);
    const units = format.units(parse);
    const scoped = new Map<number, Problem[]>();
    const found: Problem[] = parse.diagnostics.map(syntaxProblem);
    const unitIndex = indexer(units.map((unit) => format.start(unit).offset));
    const keepScoped = (problem: Problem) => {
      const at = unitIndex(problem.range.start.offset);
      (scoped.get(at) ?? scoped.set(at, []).get(at)!).push(problem);
    };
    const stable = new Map<string, Map<number, Problem[]>>();
    const keepGlobal = (problem: Problem) => {
      found.push(problem);
      if (!format.stable.has(problem.ruleId)) return;
      const byUnit = stable.get(problem.ruleId) ?? stable.set(problem.ruleId, new Map()).get(problem.ruleId)!;
      const at = unitIndex(problem.range.start.offset);
      (byUnit.get(at) ?? byUnit.set(at, []).get(at)!).push(problem);
    };
    if (dirty === undefined) {
      this.lastMode = "full";
      yield* format.run(parse, undefined, config, () => true, (problem) => (format.scoped.has(problem.ruleId) ? keepScoped(problem) : keepGlobal(problem)));
    } else {
      this.lastMode = "incremental";
      const previous = this.previous!;
      // Findings kept from the units the edit did not touch, moved with them.
      const shifts = units.map((unit, i) => (dirty.has(i) ? null : delta(previous.starts[i]!, format.start(unit))));
      const oldIndex = indexer(previous.starts.map((start) => start.offset));
      const oldLineIndex = indexer(previous.starts.map((start) => start.line));
      const shifter: Shifter = {
        at: (offset) => {
          const at = oldIndex(offset);
          return at < 0 ? undefined : shifts[at];
        },
        atLine: (line) => {
          const at = oldLineIndex(line);
          return at < 0 ? undefined : shifts[at];
        },
      };
      const moveAll = (problems: Problem[]) =>
        problems.some((problem) => problem.related?.length || problem.fix || problem.suggestions?.length || shifter.at(problem.range.start.offset) || / line \d/.test(problem.message)) ? problems.map((problem) => move(problem, shifter)) : problems;
      // Stable rules whose reading of the touched units did not change, and that found nothing there.
      const reused = new Set<string>();
      for (const [rule, read] of format.stable) {
        const before = previous.stable.get(rule);
        if ([...dirty].every((i) => !before?.get(i)?.length && read(units[i]!) === read(previous.units[i]!))) reused.add(rule);
      }
      try {
        for (const [at, problems] of previous.scoped) if (!dirty.has(at)) scoped.set(at, moveAll(problems));
        for (const rule of reused) {
          const byUnit = new Map<number, Problem[]>();
          for (const [at, problems] of previous.stable.get(rule) ?? []) {
            const moved = moveAll(problems);
            byUnit.set(at, moved);
            found.push(...moved);
          }
          stable.set(rule, byUnit);
        }
      } catch (error) {
        if (!(error instanceof Unmappable)) throw error;
        this.previous = undefined;
        return yield* this.steps(parse, config, extra);
      }
      const subset = units.filter((unit, i) => dirty.has(i) || !format.movable(unit) || format.context(unit));
      yield* format.run(parse, subset, config, (rule) => format.scoped.has(rule), (problem) => {
        if (dirty.has(unitIndex(problem.range.start.offset))) keepScoped(problem);
      });
      yield* format.run(parse, undefined, config, (rule) => !format.scoped.has(rule) && !reused.has(rule), keepGlobal);
    }
    for (const problems of scoped.values()) found.push(...problems);
    found.push(...extra);
    this.previous = { parse, config, units: [...units], starts: units.map((unit) => format.start(unit)), scoped, stable };

    const lines = (parse as unknown as { lines: LineIndex }).lines;
    const suppressed = applySuppressions(found, lines.text, lines, format.product, undefined, config.inlineConfig);
    const result = [...suppressed.problems, ...suppressed.directiveProblems];
    result.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId));
    return result;
  }

  /** The units to check again, or undefined when the whole file must be. */
  private dirtyUnits(parse: Parse, config: ResolvedConfig): Set<number> | undefined {
    const previous = this.previous;
    if (!previous || previous.config !== config) return undefined;
    if (previous.parse === parse) return new Set();
    const format = this.format;
    const units = format.units(parse);
    if (units.length !== previous.units.length || !format.sameOutside(previous.parse, parse)) return undefined;
    const dirty = new Set<number>();
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      const old = previous.units[i]!;
      if (unit === old) continue;
      if (!format.movable(unit) || !format.movable(old) || format.signature(unit) !== format.signature(old)) return undefined;
      dirty.add(i);
    }
    return dirty;
  }
}

/** Reports of a rule run, as kept: plain positions, findings of this file only. */
export function collect(uri: string, add: (problem: Problem) => void): (reportUri: string, problem: Problem) => void {
  return (reportUri, problem) => {
    if (reportUri !== uri) return;
    add({ ...problem, range: plain(problem.range), ...(problem.related ? { related: problem.related.map((related) => ({ ...related, range: plain(related.range) })) } : {}) });
  };
}

/**
 * A range as plain positions. Rules often report a word's own range, which follows its section
 * when the section moves; a kept finding must hold where it was, so that it is moved exactly once.
 */
export function plain(range: Problem["range"]): Problem["range"] {
  return { start: range.start, end: range.end };
}

/** The index of the section holding an offset, from the sections' start offsets (-1 before the first one). */
function indexer(starts: readonly number[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

interface Shift {
  readonly offset: number;
  readonly line: number;
}

function delta(from: Position, to: Position): Shift | undefined {
  return from.offset === to.offset && from.line === to.line ? undefined : { offset: to.offset - from.offset, line: to.line - from.line };
}

/** Where the sections moved: by an old offset or an old 0-based line (undefined: did not move; null: re-checked). */
interface Shifter {
  at(offset: number): Shift | null | undefined;
  atLine(line: number): Shift | null | undefined;
}

/** A kept finding names a line of a section that was checked again: the whole file is checked instead. */
class Unmappable extends Error {}

/**
 * A finding of an untouched section, moved with it; its fixes move with it, each related place with
 * the section it is in, and so do the line numbers its message quotes ("already set on line 12").
 */
function move(problem: Problem, shifter: Shifter): Problem {
  const position = (p: Position, shift: Shift | null | undefined): Position => (shift ? { offset: p.offset + shift.offset, line: p.line + shift.line, column: p.column } : p);
  const range = (r: Problem["range"]) => {
    const shift = shifter.at(r.start.offset);
    if (shift === null) throw new Unmappable();
    return { start: position(r.start, shift), end: position(r.end, shift) };
  };
  const lines = (text: string) =>
    text.replace(/\bline (\d+)\b/g, (_, number: string) => {
      const shift = shifter.atLine(Number(number) - 1);
      if (shift === null) throw new Unmappable();
      return `line ${Number(number) + (shift?.line ?? 0)}`;
    });
  // Each edit moves with the section it is in, which need not be the finding's (a setting added to global_defs).
  const offset = (at: number) => {
    const shift = shifter.at(at);
    if (shift === null) throw new Unmappable();
    return at + (shift?.offset ?? 0);
  };
  const fix = (f: NonNullable<Problem["fix"]>) => ({ description: lines(f.description), edits: f.edits.map((e) => ({ start: offset(e.start), end: offset(e.start) + (e.end - e.start), newText: e.newText })) });
  return {
    ...problem,
    message: lines(problem.message),
    range: range(problem.range),
    ...(problem.fix ? { fix: fix(problem.fix) } : {}),
    ...(problem.suggestions ? { suggestions: problem.suggestions.map(fix) } : {}),
    ...(problem.related ? { related: problem.related.map((r) => ({ ...r, range: range(r.range) })) } : {}),
  };
}
