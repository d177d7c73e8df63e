// How the formats that name files by a relative path show one, and a problem's rule: shared by the
// one-line formats (github, gcc) and GitLab's report.
import { isAbsolute, relative } from "node:path";
import type { Problem } from "../../lint/report.js";

/** The path relative to the working directory (with `/`), or as given when it lies outside it. */
export function relativePath(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  return (rel.startsWith("..") ? path : rel).split("\\").join("/");
}

/** The rule as users name it: `HA001`, or `syntax/unterminated-quote` for the grammars' findings. */
export function ruleName(problem: Problem): string {
  return problem.ruleId === "syntax" ? `syntax/${problem.code}` : problem.ruleId;
}
