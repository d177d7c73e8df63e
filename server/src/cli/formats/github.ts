// GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff
// (`::error file=…,line=…::message`). Paths are relative to the working directory, which in a
// workflow is the checkout. Information findings are notices.
import type { FileReport } from "../../lint/report.js";
import type { FormatContext } from "./index.js";
import { relativePath } from "./shown.js";

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(reports: readonly FileReport[], context: FormatContext): string {
  let out = "";
  for (const report of reports) {
    const file = relativePath(report.path, context.cwd);
    for (const problem of report.problems) {
      const { start, end } = problem.range;
      const rule = problem.ruleId === "syntax" ? `syntax/${problem.code}` : problem.ruleId === problem.code ? problem.ruleId : `${problem.ruleId} ${problem.code}`;
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${start.line + 1}`,
        `endLine=${end.line + 1}`,
        `col=${start.column + 1}`,
        `endColumn=${end.column + 1}`,
        `title=${escapeProperty(`lblint ${rule}`)}`,
      ];
      out += `::${LEVEL[problem.severity]} ${properties.join(",")}::${escapeData(problem.message)}\n`;
    }
  }
  return out;
}
