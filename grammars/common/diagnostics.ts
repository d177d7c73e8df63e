// Problems the grammars find while reading a file. Rules found later by the semantic checker use
// the same shape, so the CLI and the language server print both the same way.
import type { SourceSpan } from "./text.js";

/** How serious a diagnostic is: `error` for what the daemon rejects or misreads, `info` for a note. */
export type Severity = "error" | "warning" | "info";

/** A problem found while reading a file, with a stable code (docs/syntax.md lists them) and a range. */
export interface SyntaxDiagnostic {
  /** Stable machine-readable code, e.g. `unterminated-quote`. */
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly range: SourceSpan;
}

export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  range: SourceSpan,
): SyntaxDiagnostic {
  return { code, severity, message, range };
}
