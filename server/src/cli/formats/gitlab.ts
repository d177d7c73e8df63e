// GitLab's code quality report (a subset of Code Climate's issue format): a JSON array that a CI job
// declares as `artifacts: reports: codequality`, shown in merge requests. GitLab compares the
// reports of the two branches by `fingerprint`, which must not change when lines move.
import type { FileReport } from "../../lint/report.js";
import { fingerprints } from "./fingerprint.js";
import type { FormatContext } from "./index.js";
import { relativePath, ruleName } from "./shown.js";

const SEVERITY = { error: "major", warning: "minor", info: "info" } as const;

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: (typeof SEVERITY)[keyof typeof SEVERITY];
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

export function formatGitlab(reports: readonly FileReport[], context: FormatContext): string {
  const issues: CodeQualityIssue[] = [];
  const prints = fingerprints(reports, (report) => relativePath(report.path, context.cwd));
  for (const report of reports) {
    const path = relativePath(report.path, context.cwd);
    for (const problem of report.problems) {
      issues.push({
        description: problem.message,
        check_name: ruleName(problem),
        fingerprint: prints.get(problem)!,
        severity: SEVERITY[problem.severity],
        location: { path, lines: { begin: problem.range.start.line + 1, end: problem.range.end.line + 1 } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
