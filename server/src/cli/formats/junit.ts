// JUnit XML, which GitLab, Jenkins and Azure Pipelines show as test results: one <testsuite> per file,
// one failing <testcase> per problem, and one passing <testcase> for a file without any.
import type { FileReport } from "../../lint/report.js";
import type { FormatContext } from "./index.js";
import { xmlChars, xmlText } from "./xml.js";

function cdata(text: string): string {
  return `<![CDATA[${xmlChars(text).split("]]>").join("]]]]><![CDATA[>")}]]>`;
}

export function formatJunit(reports: readonly FileReport[], _context: FormatContext): string {
  const total = reports.reduce((sum, report) => sum + Math.max(1, report.problems.length), 0);
  const failures = reports.reduce((sum, report) => sum + report.problems.length, 0);
  let out = `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="lblint" tests="${total}" failures="${failures}" errors="0">\n`;
  for (const report of reports) {
    const name = xmlText(report.path);
    const tests = Math.max(1, report.problems.length);
    out += `  <testsuite name="${name}" package="lblint" tests="${tests}" failures="${report.problems.length}" errors="0" time="0">\n`;
    if (report.problems.length === 0) out += `    <testcase name="lblint" classname="${name}" time="0"/>\n`;
    for (const problem of report.problems) {
      const rule = problem.ruleId === "syntax" ? `syntax/${problem.code}` : problem.ruleId;
      const where = `line ${problem.range.start.line + 1}, column ${problem.range.start.column + 1}`;
      out += `    <testcase name="${xmlText(`${rule} ${where}`)}" classname="${name}" time="0">\n`;
      out += `      <failure type="${problem.severity}" message="${xmlText(problem.message)}">${cdata(`${where}, ${problem.severity}: ${problem.message} (${rule})`)}</failure>\n`;
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}
