// Where new keepalived lines go and what a removal takes away. Every function returns a text edit
// against the parsed text, whose first character is at document offset `base`; nothing outside the
// edit's range is touched. New lines take their siblings' indentation (or the enclosing block's plus
// the file's indentation step), and a multi-line block is re-indented as a whole.
import type { TextEdit } from "../common/edits.js";
import type { Block, KeepalivedConfig, KeepalivedItem } from "../keepalived/ast.js";
import { insertLinesAt, type Removal, type Where } from "./placement.js";
import { indentAt, indentLines, indentUnitOf, lineBreakOf, lineStartAt, nextLineStart, startsLine } from "./style.js";

/** Whether nothing but spaces and a comment follows `offset` on its line. */
function endsLine(text: string, offset: number): boolean {
  return /^[ \t]*(?:[#!][^\r\n]*)?(?:\r?\n|$)/.test(text.slice(offset, nextLineStart(text, offset)));
}

export function keepalivedInsert(text: string, base: number, container: KeepalivedConfig | Block, statement: string, where: Where<KeepalivedItem>): TextEdit {
  const lineBreak = lineBreakOf(text);
  const unit = indentUnitOf(text);
  const sibling = where.after ?? where.before ?? container.items[0];
  // A sibling that starts its line shows the indentation; one that shares a line does not.
  const childIndent =
    sibling && startsLine(text, sibling.range.startOffset - base)
      ? indentAt(text, sibling.range.startOffset - base)
      : container.kind === "block"
        ? indentAt(text, container.range.startOffset - base) + unit
        : "";
  const lines = indentLines(statement, childIndent, lineBreak, unit);
  if (where.after) {
    const end = where.after.range.endOffset - base;
    if (endsLine(text, end)) return insertLinesAt(text, nextLineStart(text, end), lines, lineBreak);
    return { start: end, end, newText: lineBreak + lines + lineBreak + childIndent };
  }
  if (where.before) {
    const start = where.before.range.startOffset - base;
    if (startsLine(text, start)) return insertLinesAt(text, lineStartAt(text, start), lines, lineBreak);
    return { start, end: start, newText: lineBreak + lines + lineBreak + indentAt(text, start) };
  }
  if (container.kind === "config") {
    if (where.at === "start" && container.items[0]) {
      const first = lineStartAt(text, container.items[0].range.startOffset - base);
      return insertLinesAt(text, first, lines + (/[{}]/.test(statement) ? lineBreak : ""), lineBreak);
    }
    const separator = text.trim() === "" || /\n[ \t]*\r?\n$/.test(text) ? "" : lineBreak;
    return insertLinesAt(text, text.length, separator + lines, lineBreak);
  }
  if (where.at === "start") {
    const open = container.open.range.endOffset - base;
    if (endsLine(text, open)) return insertLinesAt(text, nextLineStart(text, open), lines, lineBreak);
    return { start: open, end: open, newText: lineBreak + lines + lineBreak + childIndent };
  }
  const close = container.close;
  if (!close) return insertLinesAt(text, text.length, lines, lineBreak);
  if (startsLine(text, close.range.startOffset - base)) return insertLinesAt(text, lineStartAt(text, close.range.startOffset - base), lines, lineBreak);
  // A block written on one line is opened up: the new statement gets a line of its own.
  return { start: close.range.startOffset - base, end: close.range.startOffset - base, newText: lineBreak + lines + lineBreak + indentAt(text, container.range.startOffset - base) };
}

/** An item with its lines to itself takes them whole; one that shares a line takes itself and its spaces. */
export function keepalivedRemoval(text: string, base: number, item: KeepalivedItem): Removal {
  const start = item.range.startOffset - base;
  const end = item.range.endOffset - base;
  // The item has its lines to itself: remove them whole, with their trailing comment.
  if (startsLine(text, start) && endsLine(text, end)) return { kind: "lines", start: lineStartAt(text, start), end: nextLineStart(text, end) };
  let after = end;
  while (text[after] === " " || text[after] === "\t") after++;
  let from = start;
  // Nothing left after it on the line: the spaces before it would trail.
  if (/^(?:\r?\n|$)/.test(text.slice(after, after + 2))) while (text[from - 1] === " " || text[from - 1] === "\t") from--;
  return { kind: "edit", edit: { start: from, end: after, newText: "" } };
}
