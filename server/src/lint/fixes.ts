// Small builders for the fixes rules offer: replace a word, remove or insert whole lines, and the
// checks that a line stands alone (a statement sharing its line with another is never cut out).
import type { LineIndex, Range } from "../../../grammars/common/text.js";
import type { Fix } from "./rule.js";

export function replaceRange(range: Range, newText: string, description: string): Fix {
  return { description, edits: [{ start: range.start.offset, end: range.end.offset, newText }] };
}

/**
 * Did-you-mean edits: with exactly one candidate it is the fix (`--fix` applies it); with several,
 * guessing would be unsafe, so they are only suggestions an editor offers.
 */
export function replacementFixes(range: Range, candidates: readonly string[]): { fix?: Fix; suggestions?: Fix[] } {
  const fixes = candidates.map((candidate) => replaceRange(range, candidate, `replace with '${candidate}'`));
  if (fixes.length === 0) return {};
  return fixes.length === 1 ? { fix: fixes[0]! } : { suggestions: fixes };
}

export function didYouMean(candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  return `; did you mean ${candidates.map((c) => `'${c}'`).join(" or ")}?`;
}

/**
 * Removes the lines that `range` spans whole, their line breaks and a comment after it included,
 * when nothing else stands on them (only blanks before `range`, only blanks or a comment after
 * it); else undefined, so that a statement sharing its line with another is never cut out with it.
 */
export function removeLineFix(lines: LineIndex, range: Range, description: string, commentStarts = "#"): Fix | undefined {
  return removeLinesAt(lines, range.start.offset, range.end.offset, description, commentStarts);
}

/** `removeLineFix` for document offsets, for callers that have them without making a range. */
export function removeLinesAt(lines: LineIndex, startOffset: number, endOffset: number, description: string, commentStarts = "#"): Fix | undefined {
  const whole = wholeLinesAt(lines, startOffset, endOffset, commentStarts);
  return whole && { description, edits: [{ start: whole.start, end: whole.end, newText: "" }] };
}

/**
 * The lines `range` spans, from the first one's start to the start of the line after the last
 * (document offsets), when nothing else stands on them: only blanks before `range`, only blanks
 * or a comment after it. Undefined otherwise.
 */
export function wholeLines(lines: LineIndex, range: Range, commentStarts = "#"): { readonly start: number; readonly end: number } | undefined {
  return wholeLinesAt(lines, range.start.offset, range.end.offset, commentStarts);
}

function wholeLinesAt(lines: LineIndex, startOffset: number, endOffset: number, commentStarts: string): { readonly start: number; readonly end: number } | undefined {
  const text = lines.text;
  const base = lines.base.offset;
  const start = startOffset - base;
  const end = endOffset - base;
  if (start < 0 || end > text.length || end < start) return undefined;
  const first = lines.lineOf(start);
  const last = lines.lineOf(Math.max(start, end - 1));
  const lineStart = lines.lineStart(first);
  const next = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : text.length;
  // Read in place: a finding on each of thousands of blocks would otherwise cut two strings each.
  for (let at = lineStart; at < start; at++) if (!isBlank(text.charCodeAt(at))) return undefined;
  let after = end;
  while (after < next && isBlank(text.charCodeAt(after))) after++;
  if (after < next && !commentStarts.includes(text[after]!)) return undefined;
  return { start: base + lineStart, end: base + next };
}

/** Space, tab, carriage return, line feed, form feed, vertical tab. */
function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Whether a keepalived block's `{` (ending at `openEnd`) stands on its header's line (starting at
 * `headerStart`) and ends it (a comment may follow), so that lines inserted after the header's
 * line go inside the block.
 */
export function opensLine(lines: LineIndex, headerStart: number, openEnd: number): boolean {
  const base = lines.base.offset;
  const line = lines.lineOf(headerStart - base);
  if (lines.lineOf(openEnd - 1 - base) !== line) return false;
  const rest = lines.text.slice(openEnd - base, line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.text.length).trim();
  return rest === "" || rest[0] === "#" || rest[0] === "!";
}

/**
 * Inserts `newLines` (each without its line break) after the line that holds `after`, each
 * indented with `indent`, in the file's own line break (CRLF when that line ends so).
 */
export function insertLinesFix(lines: LineIndex, after: Range, newLines: readonly string[], indent: string, description: string): Fix | undefined {
  const text = lines.text;
  const base = lines.base.offset;
  const at = after.start.offset - base;
  if (at < 0 || at > text.length) return undefined;
  const line = lines.lineOf(at);
  const next = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  const breakText = next > 0 && text.charCodeAt(next - 1) === 10 ? (next > 1 && text.charCodeAt(next - 2) === 13 ? "\r\n" : "\n") : "\n";
  const body = newLines.map((each) => `${indent}${each}${breakText}`).join("");
  // The last line of a file without a line break gets one first.
  const newText = next === text.length && !text.endsWith("\n") ? `${breakText}${body}` : body;
  return { description, edits: [{ start: base + next, end: base + next, newText }] };
}

/** The blanks before `range` on its line, as written (tabs kept). */
export function indentOf(lines: LineIndex, range: Range): string {
  const at = range.start.offset - lines.base.offset;
  const text = lines.text;
  let start = at;
  while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
  return text.slice(start, at);
}
