// The default human format, laid out like ESLint's "stylish": the file, then one problem per line
// (line:column, severity, message, rule), then a summary. Colour only when asked for.
import { countBySeverity, type FileReport } from "../../lint/report.js";

export interface StylishOptions {
  readonly color: boolean;
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  const { color } = options;
  let out = "";
  for (const report of reports) {
    if (report.problems.length === 0) continue;
    out += `\n${paint(color, "4", report.path)}\n`;
    const rows = report.problems.map((problem) => [
      `${problem.range.start.line + 1}:${problem.range.start.column + 1}`,
      problem.severity,
      problem.message,
      problem.ruleId === "syntax" ? `syntax/${problem.code}` : problem.ruleId === problem.code ? problem.ruleId : `${problem.code} (${problem.ruleId})`,
    ]);
    // A loop, not Math.max(...): a file can have more problems than a call can take arguments.
    const widths = [0, 1, 2].map((column) => rows.reduce((widest, row) => Math.max(widest, row[column]!.length), 0));
    for (const [position, severity, message, rule] of rows as [string, string, string, string][]) {
      const severityText = severity.padEnd(widths[1]!);
      const colouredSeverity = severity === "error" ? paint(color, "31", severityText) : severity === "warning" ? paint(color, "33", severityText) : paint(color, "36", severityText);
      out += `  ${paint(color, "2", position.padEnd(widths[0]!))}  ${colouredSeverity}  ${message.padEnd(widths[2]!)}  ${paint(color, "2", rule)}\n`;
    }
  }
  const { errors, warnings, infos } = countBySeverity(reports);
  const total = errors + warnings + infos;
  if (total === 0) return out;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const details = [plural(errors, "error"), plural(warnings, "warning")];
  if (infos > 0) details.push(plural(infos, "info"));
  const summary = `✖ ${plural(total, "problem")} (${details.join(", ")})`;
  out += `\n${paint(color, errors > 0 ? "1;31" : "1;33", summary)}\n`;
  const fixable = countFixable(reports);
  if (fixable.errors + fixable.warnings > 0) {
    out += paint(color, errors > 0 ? "1;31" : "1;33", `  ${plural(fixable.errors, "error")} and ${plural(fixable.warnings, "warning")} potentially fixable with the \`--fix\` option.`) + "\n";
  }
  return out;
}

/** Problems whose fix `--fix` would apply: errors, and the others (warnings and information). */
function countFixable(reports: readonly FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const problem of report.problems) {
      if (!problem.fix) continue;
      if (problem.severity === "error") errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
