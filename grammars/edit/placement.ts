// What the two formats' placement code shares: where an insertion goes relative to a sibling, how a
// block of new lines is added at a line start, and how a removal of whole lines is widened so that it
// leaves no run of blank lines behind.
import type { TextEdit } from "../common/edits.js";
import { blankRunEnd, blankRunStart } from "./style.js";

/** What a removal takes away: whole lines (widened over blank lines when applied), or an exact edit. */
export type Removal = { readonly kind: "lines"; readonly start: number; readonly end: number } | { readonly kind: "edit"; readonly edit: TextEdit };

/** Where an insertion goes among the children of a section, block or file. */
export interface Where<Node> {
  /** Insert on the line after this sibling. */
  readonly after?: Node;
  /** Insert on the line before this sibling. */
  readonly before?: Node;
  /** First or last in the container (default: last). */
  readonly at?: "start" | "end";
}

/** Builds the edit that puts `lines` at the start of the line at `offset`, fixing a missing final line break. */
export function insertLinesAt(text: string, offset: number, lines: string, lineBreak: string): TextEdit {
  if (offset >= text.length && text.length > 0 && !text.endsWith("\n")) {
    return { start: text.length, end: text.length, newText: lineBreak + lines };
  }
  return { start: offset, end: offset, newText: lines + lineBreak };
}

/**
 * Removes the whole lines [start, end) (`start` at a line start, `end` at a line start or the end of
 * the text) and, with them, the blank lines that would otherwise meet: those after the cut when there
 * are blank lines before it too or nothing at all, those before it when it reaches the end of the file.
 */
export function removeLines(text: string, start: number, end: number): TextEdit {
  const blanksBefore = blankRunStart(text, start);
  const blanksAfter = blankRunEnd(text, end);
  let from = start;
  let to = end;
  if (blanksAfter >= text.length) from = blanksBefore;
  if (from === 0 || (blanksBefore < start && blanksAfter > end)) to = blanksAfter;
  if (from === 0 && blanksAfter >= text.length) to = text.length;
  // A last line without a line break takes the previous line's break with it.
  if (to === text.length && !text.endsWith("\n") && from > 0 && from === start) from = text[from - 2] === "\r" ? from - 2 : from - 1;
  return { start: from, end: to, newText: "" };
}

/**
 * Merges a removal of the whole lines [start, end) with earlier ones that it touches or that only
 * blank lines separate from it, so that removing two neighbours leaves no blank lines between them
 * behind: the result is one range, to be widened by removeLines.
 */
export function mergeLineRemovals<Earlier extends { start: number; end: number }>(
  text: string,
  earlier: readonly Earlier[],
  start: number,
  end: number,
): { start: number; end: number; merged: Earlier[] } {
  let from = start;
  let to = end;
  const merged: Earlier[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const removal of earlier) {
      if (merged.includes(removal)) continue;
      if (blankRunEnd(text, removal.end) >= from && blankRunEnd(text, to) >= removal.start) {
        merged.push(removal);
        from = Math.min(from, removal.start);
        to = Math.max(to, removal.end);
        changed = true;
      }
    }
  }
  return { start: from, end: to, merged };
}
