// ESLint-compatible JSON: one object per file, 1-based lines and columns, severity 2 for errors and
// 1 for warnings and information; syntax errors are `fatal`, like ESLint's parsing errors. lblint adds
// `code` (the grammar's code for syntax problems, the rule's alias otherwise), `relatedLocations`,
// fixes in ESLint's shape (`range` in offsets), and `output` when --fix changed the file.
import type { FileReport, Problem } from "../../lint/report.js";
import type { Fix } from "../../lint/rule.js";

export interface EslintFix {
  range: [number, number];
  text: string;
}

export interface EslintMessage {
  ruleId: string;
  code: string;
  severity: 1 | 2;
  /** A syntax error: the daemon refuses to read the file at all (ESLint's parsing errors). */
  fatal?: true;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
  relatedLocations?: { filePath: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

export interface EslintFileResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, when --fix or --fix-dry-run changed the file (as ESLint does). */
  output?: string;
}

/**
 * ESLint fixes are one replacement: a fix of several edits becomes one, from its first edit to its
 * last, with the text between them as it was (as ESLint merges a rule's fixes). Without the text,
 * such a fix is left out.
 */
function eslintFix(fix: Fix | undefined, text: string | undefined): EslintFix | undefined {
  if (!fix || fix.edits.length === 0) return undefined;
  if (fix.edits.length === 1) {
    const edit = fix.edits[0]!;
    return { range: [edit.start, edit.end], text: edit.newText };
  }
  if (text === undefined) return undefined;
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let merged = "";
  let at = edits[0]!.start;
  for (const edit of edits) {
    if (edit.start < at) return undefined;
    merged += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return { range: [edits[0]!.start, at], text: merged };
}

function toMessage(problem: Problem, uriToPath: (uri: string) => string, text: string | undefined): EslintMessage {
  const { start, end } = problem.range;
  const message: EslintMessage = {
    ruleId: problem.ruleId,
    code: problem.code,
    severity: problem.severity === "error" ? 2 : 1,
    message: problem.message,
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
  };
  if (problem.ruleId === "syntax" && problem.severity === "error") message.fatal = true;
  const fix = eslintFix(problem.fix, text);
  if (fix) message.fix = fix;
  const suggestions = (problem.suggestions ?? []).flatMap((s) => {
    const f = eslintFix(s, text);
    return f ? [{ desc: s.description, fix: f }] : [];
  });
  if (suggestions.length > 0) message.suggestions = suggestions;
  if (problem.related?.length) {
    message.relatedLocations = problem.related.map((r) => ({
      filePath: uriToPath(r.uri),
      line: r.range.start.line + 1,
      column: r.range.start.column + 1,
      endLine: r.range.end.line + 1,
      endColumn: r.range.end.column + 1,
      message: r.message,
    }));
  }
  return message;
}

export function toEslintResults(
  reports: readonly FileReport[],
  uriToPath: (uri: string) => string = (uri) => uri,
  outputs: ReadonlyMap<string, string> = new Map(),
  sources: ReadonlyMap<string, string> = new Map(),
): EslintFileResult[] {
  return reports.map((report) => {
    // After --fix the findings are those of the fixed text.
    const text = outputs.get(report.uri) ?? sources.get(report.uri);
    const messages = report.problems.map((problem) => toMessage(problem, uriToPath, text));
    const errors = messages.filter((message) => message.severity === 2);
    const fixable = messages.filter((message) => message.fix !== undefined);
    const result: EslintFileResult = {
      filePath: report.path,
      messages,
      errorCount: errors.length,
      fatalErrorCount: messages.filter((message) => message.fatal).length,
      warningCount: messages.length - errors.length,
      fixableErrorCount: fixable.filter((m) => m.severity === 2).length,
      fixableWarningCount: fixable.filter((m) => m.severity === 1).length,
    };
    const output = outputs.get(report.uri);
    if (output !== undefined) result.output = output;
    return result;
  });
}

export function formatJson(reports: readonly FileReport[], uriToPath?: (uri: string) => string, outputs?: ReadonlyMap<string, string>, sources?: ReadonlyMap<string, string>): string {
  return JSON.stringify(toEslintResults(reports, uriToPath, outputs, sources)) + "\n";
}
