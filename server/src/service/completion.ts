// Completion: what may be typed where the cursor is, for the target version — keywords of the
// current haproxy section or keepalived block, the next word of a multi-word keyword, enumerated
// values, bind and server options, names defined elsewhere, and snippets for whole sections.
// Each format has its own module; this one holds what they share.
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from "vscode-languageserver-types";
import type { Availability } from "../facts/types.js";
import { availabilityAt } from "../facts/versions.js";
import { insideTemplateAt } from "../../../grammars/common/templates.js";
import { completeHaproxy } from "./completion-haproxy.js";
import { completeKeepalived } from "./completion-keepalived.js";
import type { Project } from "./project.js";
import type { ParseResult } from "../workspace/loader.js";

/** What a completion provider needs: the document's parse, its configuration and the cursor. */
export interface CompletionRequest {
  readonly project: Project;
  readonly uri: string;
  readonly parsed: ParseResult;
  readonly offset: number;
}

/** The text the items replace: the part of the current word before the cursor. */
export interface Replace {
  readonly start: number;
  readonly end: number;
}

export function complete(request: CompletionRequest): CompletionList {
  // Inside `{{ … }}` or `{% … %}` the user writes the template's language: nothing to offer.
  if (insideTemplateAt(request.parsed.lines.text, request.offset)) return { isIncomplete: false, items: [] };
  const items = request.parsed.format === "haproxy" ? completeHaproxy(request, request.parsed) : completeKeepalived(request, request.parsed);
  return { isIncomplete: false, items };
}

/** An item for a word from the tables, struck through when deprecated at the target version. */
export function item(
  label: string,
  kind: CompletionItemKind,
  options: { detail?: string; documentation?: string; availability?: Availability; version?: string; sortGroup?: number; insertText?: string; snippet?: boolean } = {},
): CompletionItem {
  const result: CompletionItem = { label, kind };
  if (options.detail) result.detail = options.detail;
  if (options.documentation) result.documentation = { kind: MarkupKind.Markdown, value: options.documentation };
  if (options.version && availabilityAt(options.availability, options.version) === "deprecated") {
    result.tags = [CompletionItemTag.Deprecated];
    const instead = options.availability?.replacement;
    result.detail = `deprecated since ${options.availability?.deprecated}${instead ? `; use ${instead}` : ""}`;
  }
  // Lower groups sort first: what belongs here before what merely may stand here.
  result.sortText = `${options.sortGroup ?? 5}${label}`;
  if (options.insertText !== undefined) result.insertText = options.insertText;
  if (options.snippet) result.insertTextFormat = InsertTextFormat.Snippet;
  return result;
}

/** Whether a keyword or value is there at the target version (deprecated ones are, struck through). */
export function usable(availability: Availability | undefined, version: string): boolean {
  const state = availabilityAt(availability, version);
  return state === "ok" || state === "deprecated";
}

/** Gives every item an edit that replaces the typed part of the word, so multi-word labels and `.` or `-` in words work. */
export function withRange(items: CompletionItem[], request: CompletionRequest, replace: Replace): CompletionItem[] {
  const lines = request.parsed.lines;
  const start = lines.position(replace.start);
  const end = lines.position(replace.end);
  const range = { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } };
  const seen = new Set<string>();
  const unique: CompletionItem[] = [];
  for (const entry of items) {
    if (seen.has(entry.label)) continue;
    seen.add(entry.label);
    entry.textEdit = { range, newText: entry.insertText ?? entry.label };
    delete entry.insertText;
    unique.push(entry);
  }
  return unique;
}

/** The values of an `enum:a|b|c` shape. */
export function enumValues(shape: string | undefined): string[] {
  return shape?.startsWith("enum:") ? shape.slice(5).split("|") : [];
}

export { CompletionItemKind };
