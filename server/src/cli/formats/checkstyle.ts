// Checkstyle XML, which Jenkins' warnings plugin, reviewdog and many CI dashboards read: one <file>
// per file, one <error> per problem, the source naming the rule as ESLint's checkstyle output does.
import type { FileReport } from "../../lint/report.js";
import type { FormatContext } from "./index.js";
import { xmlText } from "./xml.js";

export function formatCheckstyle(reports: readonly FileReport[], _context: FormatContext): string {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const report of reports) {
    out += `  <file name="${xmlText(report.path)}">\n`;
    for (const problem of report.problems) {
      const rule = problem.ruleId === "syntax" ? `syntax/${problem.code}` : problem.ruleId;
      out +=
        `    <error line="${problem.range.start.line + 1}" column="${problem.range.start.column + 1}" severity="${problem.severity}" ` +
        `message="${xmlText(`${problem.message} (${rule})`)}" source="lblint.rules.${xmlText(rule)}"/>\n`;
    }
    out += "  </file>\n";
  }
  return out + "</checkstyle>\n";
}
