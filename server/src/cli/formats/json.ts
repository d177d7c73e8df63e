// ESLint-compatible JSON: one object per file, 1-based lines and columns, severity 2 for errors and
// 1 for warnings and information.
import type { FileReport } from "../../lint/report.js";

export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface EslintFileResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
}

export function toEslintResults(reports: readonly FileReport[]): EslintFileResult[] {
  return reports.map((report) => {
    const messages = report.problems.map((problem): EslintMessage => {
      const { start, end } = problem.range;
      return {
        ruleId: problem.ruleId,
        severity: problem.severity === "error" ? 2 : 1,
        message: problem.message,
        line: start.line + 1,
        column: start.column + 1,
        endLine: end.line + 1,
        endColumn: end.column + 1,
      };
    });
    const errorCount = messages.filter((message) => message.severity === 2).length;
    return { filePath: report.path, messages, errorCount, warningCount: messages.length - errorCount };
  });
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(toEslintResults(reports)) + "\n";
}
