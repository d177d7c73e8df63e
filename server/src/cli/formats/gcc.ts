// One line per problem as compilers print them, `FILE:LINE:COLUMN: error: MESSAGE [RULE]`: what
// Vim's quickfix list (`:set errorformat` default, `:make`), Emacs's compilation mode and most
// editors' "problem matchers" read without configuration. ShellCheck calls its same format gcc.
import type { FileReport } from "../../lint/report.js";
import type { FormatContext } from "./index.js";
import { relativePath, ruleName } from "./shown.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export function formatGcc(reports: readonly FileReport[], context: FormatContext): string {
  let out = "";
  for (const report of reports) {
    const file = relativePath(report.path, context.cwd);
    for (const problem of report.problems) {
      const { line, column } = problem.range.start;
      // One line per problem: a message never holds a line break, but make sure.
      const message = problem.message.replace(/\r?\n/g, " ");
      out += `${file}:${line + 1}:${column + 1}: ${LEVEL[problem.severity]}: ${message} [${ruleName(problem)}]\n`;
    }
  }
  return out;
}
