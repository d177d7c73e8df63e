// --fix and --fix-dry-run: fixes each configuration linted (server/src/lint/autofix.ts), then writes
// the files safely (write-file.ts) or prints what would change as a unified diff. The reports then
// show what is left after fixing, as ESLint's do.
import { shownPath } from "./shown-path.js";
import { autofix } from "../lint/autofix.js";
import type { FileReport, Problem } from "../lint/report.js";
import type { Category } from "../lint/rule.js";
import { uriToPath } from "../workspace/uri.js";
import { unifiedDiff } from "./diff.js";
import type { LintRun } from "./lint-files.js";
import { replaceFile, WriteError } from "./write-file.js";

export interface FixSettings {
  /** false for --fix-dry-run. */
  readonly write: boolean;
  readonly categories: ReadonlySet<Category> | undefined;
  readonly cwd: string;
}

export interface FixOutcome {
  /** The reports after fixing: what is left to do. */
  readonly reports: FileReport[];
  /** The fixed text of each changed file, by URI. */
  readonly outputs: Map<string, string>;
  /** --fix-dry-run: the changes, as one unified diff. */
  readonly diff: string;
  /** Files that could not be written (exit status 2). */
  readonly errors: string[];
  /** Fixes left out, one line each. */
  readonly notes: string[];
}

function shown(report: FileReport | undefined, uri: string, cwd: string): string {
  return shownPath(report?.path ?? uriToPath(uri), cwd);
}

export async function fixRun(run: LintRun, settings: FixSettings): Promise<FixOutcome> {
  const after = new Map<string, Problem[]>();
  const outputs = new Map<string, string>();
  const errors: string[] = [];
  const notes: string[] = [];
  let diff = "";
  const reportOf = new Map(run.reports.map((report) => [report.uri, report]));
  for (const unit of run.units) {
    const result = await autofix(unit.loaded, unit.config, unit.reload, { categories: settings.categories });
    for (const dropped of result.dropped) {
      notes.push(`${shown(reportOf.get(dropped.uri), dropped.uri, settings.cwd)}: left out the fix '${dropped.description}' (${dropped.ruleId}): ${dropped.reason}`);
    }
    for (const [uri, problems] of result.problems) after.set(uri, problems);
    for (const [uri, text] of result.texts) {
      const original = unit.loaded.files.get(uri)!.text;
      if (!settings.write) {
        diff += unifiedDiff(shown(reportOf.get(uri), uri, settings.cwd), original, text);
        outputs.set(uri, text);
        continue;
      }
      try {
        await replaceFile(uriToPath(uri), original, text);
        outputs.set(uri, text);
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        errors.push(`${shown(reportOf.get(uri), uri, settings.cwd)}: ${error.message}`);
        // The file on disk is the one read: report what was found in it.
        after.set(uri, unit.problems.get(uri) ?? []);
      }
    }
  }
  const reports = run.reports.map((report) => ({ ...report, problems: after.get(report.uri) ?? report.problems }));
  return { reports, outputs, diff, errors, notes };
}
