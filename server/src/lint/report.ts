// What lblint reports about one file, independent of how it is printed. Syntax diagnostics carry
// the rule id `syntax`; the rules report through the same shape with their own ids.
import type { Severity, SyntaxDiagnostic } from "../../../grammars/common/diagnostics.js";
import type { Range } from "../../../grammars/common/text.js";
import type { Fix, RelatedLocation } from "./rule.js";

/** One finding in a file: a syntax diagnostic or a rule's report, with its fixes and related places. */
export interface Problem {
  /** The rule's stable id (`HA001`), `syntax` for the grammar's findings, `unused-suppression` for stale directives. */
  readonly ruleId: string;
  /** The grammar's own code for syntax problems (`unterminated-quote`, …); the rule's alias otherwise. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  /** The other side of a finding (a definition, a peer's line), possibly in another file. */
  readonly related?: readonly RelatedLocation[];
}

/** Everything lblint found in one file. */
export interface FileReport {
  readonly uri: string;
  /** What to show the user: a path for files on disk, the URI otherwise. */
  readonly path: string;
  readonly problems: Problem[];
}

/**
 * Syntax problems whose fix is certain: deleting the invisible byte order mark changes nothing
 * else, and a line break after the last line (whose range the problem covers) is what haproxy asks.
 */
const SYNTAX_FIXES: Readonly<Record<string, (range: SyntaxDiagnostic["range"]) => Fix>> = {
  "byte-order-mark": (range) => ({ description: "remove the byte order mark", edits: [{ start: range.start.offset, end: range.end.offset, newText: "" }] }),
  "missing-final-newline": (range) => ({ description: "end the file with a line break", edits: [{ start: range.end.offset, end: range.end.offset, newText: "\n" }] }),
};

export function syntaxProblem(diagnostic: SyntaxDiagnostic): Problem {
  const fix = SYNTAX_FIXES[diagnostic.code]?.(diagnostic.range);
  return {
    ruleId: "syntax",
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: diagnostic.range,
    ...(fix ? { fix } : {}),
  };
}

export function countBySeverity(reports: readonly FileReport[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const report of reports) {
    for (const problem of report.problems) {
      if (problem.severity === "error") errors++;
      else if (problem.severity === "warning") warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos };
}
