// GitLab's code quality report (a subset of Code Climate's issue format): a JSON array that a CI job
// declares as `artifacts: reports: codequality`, shown in merge requests. GitLab compares the
// reports of the two branches by `fingerprint`, so it must not change when lines move: it is made
// from the path, the rule, the message and the problem's rank among the same three in the file.
import { createHash } from "node:crypto";
import type { FileReport } from "../../lint/report.js";
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
  for (const report of reports) {
    const path = relativePath(report.path, context.cwd);
    const seen = new Map<string, number>();
    for (const problem of report.problems) {
      const rule = ruleName(problem);
      const key = `${path}\u0000${rule}\u0000${problem.message}`;
      const rank = seen.get(key) ?? 0;
      seen.set(key, rank + 1);
      issues.push({
        description: problem.message,
        check_name: rule,
        fingerprint: createHash("sha256").update(`${key}\u0000${rank}`).digest("hex").slice(0, 32),
        severity: SEVERITY[problem.severity],
        location: { path, lines: { begin: problem.range.start.line + 1, end: problem.range.end.line + 1 } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
