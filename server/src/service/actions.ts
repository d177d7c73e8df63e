// Code actions: each fixable finding's fix as a quick fix (its suggestions too), "disable this rule
// for this line", "fix all of this rule in the file", and a whole-file "fix all" for editors that
// run it on save, and for an undefined name a nearby file defines, "read these files as one
// configuration". Fixes and suggestions come from the rules themselves, so `lblint --fix`, the
// json format and the editor offer the same edits.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from "vscode-languageserver-types";
import type { TextEdit } from "../../../grammars/common/edits.js";
import { sortTextEdits } from "../../../grammars/common/edits.js";
import { findRules } from "../lint/registry.js";
import type { Fix } from "../lint/rule.js";
import type { Problem } from "../lint/report.js";
import { toDiagnostic } from "./diagnostics.js";
import type { Project } from "./project.js";
import type { SplitAction } from "./split-action.js";

/** Turns document offsets of a file into editor positions. */
export type PositionOf = (uri: string, offset: number) => { line: number; character: number };

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.lblint`;

export interface ActionRequest {
  readonly project: Project;
  readonly uri: string;
  readonly problems: readonly Problem[];
  /** The lines the editor asks about (0-based, inclusive). */
  readonly startLine: number;
  readonly endLine: number;
  readonly only?: readonly string[];
  readonly positionOf: PositionOf;
  /** For a file of a split configuration (split-hint.ts): the findings a nearby file explains, and the fix that reads the files as one. */
  readonly split?: { readonly problems: ReadonlySet<Problem>; readonly action: SplitAction | undefined };
}

function workspaceEdit(uri: string, edits: readonly TextEdit[], positionOf: PositionOf): WorkspaceEdit {
  const lsp: LspTextEdit[] = sortTextEdits(edits).map((edit) => ({ range: { start: positionOf(uri, edit.start), end: positionOf(uri, edit.end) }, newText: edit.newText }));
  return { changes: { [uri]: lsp } };
}

function ruleName(problem: Problem): string {
  const alias = findRules(problem.ruleId)[0]?.meta.alias;
  return problem.ruleId === "syntax" ? "syntax" : alias ? `${problem.ruleId} (${alias})` : problem.ruleId;
}

function wants(request: ActionRequest, kind: string): boolean {
  return !request.only || request.only.some((only) => kind === only || kind.startsWith(`${only}.`));
}

export function codeActions(request: ActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(request, FIX_ALL_KIND)) {
    const all = fixAll(request, request.problems.filter((problem) => problem.fix));
    if (all) actions.push({ ...all, title: "Fix all lblint problems that have a safe fix", kind: FIX_ALL_KIND });
  }
  if (!wants(request, CodeActionKind.QuickFix)) return actions;
  const here = request.problems.filter((problem) => problem.range.start.line <= request.endLine && problem.range.end.line >= request.startLine);
  const seenRules = new Set<string>();
  for (const problem of here) {
    const diagnostic = toDiagnostic(problem);
    const fixes: { fix: Fix; preferred: boolean }[] = [
      ...(problem.fix ? [{ fix: problem.fix, preferred: true }] : []),
      ...(problem.suggestions ?? []).map((fix) => ({ fix, preferred: false })),
    ];
    for (const { fix, preferred } of fixes) {
      actions.push(quickFix(capitalize(fix.description), diagnostic, workspaceEdit(request.uri, fix.edits, request.positionOf), preferred));
    }
    if (request.split?.action && request.split.problems.has(problem)) actions.push(quickFix(request.split.action.title, diagnostic, request.split.action.edit, !problem.fix));
    if (problem.fix && !seenRules.has(problem.ruleId)) {
      seenRules.add(problem.ruleId);
      const same = request.problems.filter((other) => other.ruleId === problem.ruleId && other.fix);
      const all = same.length > 1 ? fixAll(request, same) : undefined;
      if (all) actions.push(quickFix(`Fix all ${ruleName(problem)} problems in this file`, diagnostic, all.edit, false));
    }
    if (problem.ruleId !== "unused-suppression") actions.push(quickFix(`Disable ${ruleName(problem)} for this line`, diagnostic, disableLine(request, problem), false));
  }
  return actions;
}

function quickFix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(isPreferred ? { isPreferred } : {}) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The fixes of several problems together, each skipped when it overlaps one taken before. */
function fixAll(request: ActionRequest, problems: readonly Problem[]): { edit: WorkspaceEdit } | undefined {
  const taken: TextEdit[] = [];
  for (const problem of problems) {
    const edits = problem.fix!.edits;
    const overlaps = edits.some((edit) => taken.some((other) => edit.start < other.end && other.start < edit.end));
    if (!overlaps) taken.push(...edits);
  }
  if (taken.length === 0) return undefined;
  return { edit: workspaceEdit(request.uri, taken, request.positionOf) };
}

/** `# lblint-disable-next-line RULE` above the finding's line, at that line's indentation. */
function disableLine(request: ActionRequest, problem: Problem): WorkspaceEdit {
  const file = request.project.loaded.files.get(request.uri)!;
  const lines = file.parse.lines;
  const line = problem.range.start.line;
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(file.text.slice(start, start + 200))![0];
  const name = problem.ruleId === "syntax" ? "syntax" : problem.ruleId;
  const eol = file.text.includes("\r\n") ? "\r\n" : "\n";
  return workspaceEdit(request.uri, [{ start, end: start, newText: `${indent}# lblint-disable-next-line ${name}${eol}` }], request.positionOf);
}
