// Fingerprints that name a finding across runs without its line number, so that code-review tools
// (GitLab's code quality, GitHub code scanning) follow a finding when lines above it move: the path,
// the rule, the message, and the finding's rank among those with the same three in its file.
import { createHash } from "node:crypto";
import type { FileReport, Problem } from "../../lint/report.js";
import { ruleName } from "./shown.js";

/** Each problem of the reports with its fingerprint (32 hexadecimal digits). */
export function fingerprints(reports: readonly FileReport[], pathOf: (report: FileReport) => string): Map<Problem, string> {
  const found = new Map<Problem, string>();
  for (const report of reports) {
    const path = pathOf(report);
    const seen = new Map<string, number>();
    for (const problem of report.problems) {
      const key = `${path}\u0000${ruleName(problem)}\u0000${problem.message}`;
      const rank = seen.get(key) ?? 0;
      seen.set(key, rank + 1);
      found.set(problem, createHash("sha256").update(`${key}\u0000${rank}`).digest("hex").slice(0, 32));
    }
  }
  return found;
}
