// Checks the text a caller hands to the editor before it goes into a file. The editor inserts text
// verbatim, so a statement that is really a section header, a stray line break or an unbalanced
// brace would silently change the structure of the file around it: `insertStatement(backend,
// "backend evil")` would start a new section and take the backend's later lines with it. Each check
// parses the snippet on its own and refuses it with a message that says what it would have done.
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { parseHaproxy } from "../haproxy/parse.js";
import { parseKeepalived } from "../keepalived/parse.js";

/** Errors that the snippet cannot be blamed for on its own: it is only part of a file. */
const CONTEXT_CODES: ReadonlySet<string> = new Set(["missing-final-newline", "outside-section", "undefined-variable", "template-syntax"]);

function firstError(diagnostics: readonly SyntaxDiagnostic[]): SyntaxDiagnostic | undefined {
  return diagnostics.find((d) => d.severity === "error" && !CONTEXT_CODES.has(d.code));
}

function requireText(what: string, text: unknown): string {
  if (typeof text !== "string") throw new TypeError(`${what} must be a string, got ${text === null ? "null" : typeof text}`);
  if (text.trim() === "") throw new RangeError(`${what} is empty: there is nothing to insert`);
  return text;
}

function refuse(what: string, text: string, why: string): never {
  throw new RangeError(`${what} ${JSON.stringify(text)} ${why}`);
}

/**
 * Lines for a haproxy section body: statements, comments, blank lines and balanced `.if` blocks, but
 * no section header (it would start a new section: use insertSection) and nothing haproxy rejects.
 */
export function checkHaproxyStatements(text: unknown, what = "the statement"): string {
  const snippet = requireText(what, text);
  if (/\r(?!\n)/.test(snippet)) refuse(what, snippet, "holds a carriage return that is not part of a line break");
  const parsed = parseHaproxy(snippet + "\n");
  const header = parsed.ast.sections[0]?.header;
  if (header) refuse(what, snippet, `starts a new '${header.keyword.value}' section; use insertSection to add a section`);
  const error = firstError(parsed.diagnostics);
  if (error) refuse(what, snippet, `is not valid haproxy: ${error.message}`);
  return snippet;
}

/** A whole haproxy section (or several): a header first, then its lines, nothing haproxy rejects. */
export function checkHaproxySection(text: unknown): string {
  const snippet = requireText("the section", text);
  if (/\r(?!\n)/.test(snippet)) refuse("the section", snippet, "holds a carriage return that is not part of a line break");
  const parsed = parseHaproxy(snippet + "\n");
  const stray = parsed.ast.preamble.find((line) => line.kind !== "empty");
  if (stray || parsed.ast.sections.length === 0) refuse("the section", snippet, "does not start with a section header (global, defaults, frontend, backend, listen, …)");
  const error = firstError(parsed.diagnostics);
  if (error) refuse("the section", snippet, `is not valid haproxy: ${error.message}`);
  return snippet;
}

/** One haproxy statement on one line, to replace the words of `original`. */
export function checkHaproxyReplacement(text: unknown, originalIsHeader: boolean): string {
  const snippet = requireText("the replacement", text);
  if (/[\r\n]/.test(snippet)) refuse("the replacement", snippet, "holds a line break; a statement is one line");
  const parsed = parseHaproxy(snippet + "\n");
  const error = firstError(parsed.diagnostics);
  if (error) refuse("the replacement", snippet, `is not valid haproxy: ${error.message}`);
  const isHeader = parsed.ast.sections.length > 0;
  if (isHeader && !originalIsHeader) refuse("the replacement", snippet, "is a section header; it would start a new section");
  if (!isHeader && originalIsHeader) refuse("the replacement", snippet, "is not a section header; the section's lines would join the one before");
  return snippet;
}

/**
 * keepalived statements or blocks: braces that balance, quotes that close, nothing that would close
 * the block it goes into or open one that swallows the rest of the file.
 */
export function checkKeepalivedStatements(text: unknown, what = "the statement"): string {
  const snippet = requireText(what, text);
  const error = firstError(parseKeepalived(snippet + "\n").diagnostics);
  if (error) refuse(what, snippet, `is not valid keepalived: ${error.message}`);
  return snippet;
}

/** One keepalived statement on one line, without braces, to replace the words of another. */
export function checkKeepalivedReplacement(text: unknown): string {
  const snippet = checkKeepalivedStatements(text, "the replacement");
  if (/[\r\n]/.test(snippet)) refuse("the replacement", snippet, "holds a line break; a statement is one line");
  if (/[{}]/.test(snippet.replace(/"[^"]*"/g, "").replace(/\$\{[^}]*\}/g, ""))) refuse("the replacement", snippet, "holds a brace; keepalived would read it as a block boundary");
  return snippet;
}
