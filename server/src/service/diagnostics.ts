// Problems as editors show them: LSP diagnostics with the rule id as code, the other side of a
// finding as related information, and the tags editors use to strike deprecated keywords through
// or fade unused ones.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver-types";
import type { Severity } from "../../../grammars/common/diagnostics.js";
import { findRules } from "../lint/registry.js";
import type { Problem } from "../lint/report.js";
import { lspRange } from "./document.js";
import type { LanguageService } from "./language-service.js";

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Rules whose finding marks text the daemon no longer wants (struck through) or never uses (faded). */
function tagsOf(problem: Problem): DiagnosticTag[] | undefined {
  const alias = findRules(problem.ruleId)[0]?.meta.alias ?? problem.code;
  if (alias === "deprecated-keyword" || alias === "removed-keyword") return [DiagnosticTag.Deprecated];
  if (alias.startsWith("unused-")) return [DiagnosticTag.Unnecessary];
  return undefined;
}

/** One problem as an LSP diagnostic. */
export function toDiagnostic(problem: Problem): Diagnostic {
  const syntax = problem.ruleId === "syntax";
  const diagnostic: Diagnostic = {
    range: lspRange(problem.range),
    severity: SEVERITY[problem.severity],
    // Syntax findings are known by their grammar code; rule findings by the stable id users type in
    // suppressions, with the alias in the message so it reads without a lookup.
    code: syntax ? problem.code : problem.ruleId,
    source: "lblint",
    message: syntax || problem.code === problem.ruleId ? problem.message : `${problem.message} (${problem.code})`,
  };
  const tags = tagsOf(problem);
  if (tags) diagnostic.tags = tags;
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.map((related) => ({
      location: { uri: related.uri, range: lspRange(related.range) },
      message: related.message,
    }));
  }
  return diagnostic;
}

/** Every problem of a file as diagnostics, in document order. */
export function toDiagnostics(problems: readonly Problem[] | undefined): Diagnostic[] {
  return (problems ?? []).map(toDiagnostic);
}

/**
 * The diagnostics of the configuration a file belongs to, for each of its files (the file itself
 * always among them, empty when clean).
 */
export async function configurationDiagnostics(service: LanguageService, uri: string): Promise<Map<string, Diagnostic[]>> {
  const { project, problems } = await service.problems(uri);
  const byUri = new Map<string, Diagnostic[]>();
  for (const file of project.loaded.files.keys()) byUri.set(file, toDiagnostics(problems.get(file)));
  for (const [file, list] of problems) if (!byUri.has(file)) byUri.set(file, toDiagnostics(list));
  if (!byUri.has(uri)) byUri.set(uri, []);
  return byUri;
}
