// Where new lines go and what a removal takes away, for each format. Every function returns a text
// edit against the parsed text, whose first character is at document offset `base`; nothing outside
// the edit's range is touched.
import type { TextEdit } from "../common/edits.js";
import type { HaproxyConfig, Line, Section } from "../haproxy/ast.js";
import type { Block, KeepalivedConfig, KeepalivedItem } from "../keepalived/ast.js";
import { indentAt, indentLines, indentUnitOf, lineBreakOf, lineStartAt, nextLineStart, startsLine } from "./style.js";

export interface Where<Node> {
  /** Insert on the line after this sibling. */
  readonly after?: Node;
  /** Insert on the line before this sibling. */
  readonly before?: Node;
  /** First or last in the container (default: last). */
  readonly at?: "start" | "end";
}

/** Builds the edit that puts `lines` at the start of the line at `offset`, fixing a missing final line break. */
function insertLinesAt(text: string, offset: number, lines: string, lineBreak: string): TextEdit {
  if (offset >= text.length && text.length > 0 && !text.endsWith("\n")) {
    return { start: text.length, end: text.length, newText: lineBreak + lines };
  }
  return { start: offset, end: offset, newText: lines + lineBreak };
}

// ---- haproxy ----------------------------------------------------------------------------------

function haproxyBodyIndent(text: string, base: number, config: HaproxyConfig, section: Section): string {
  const sameSection = section.body.find((line) => line.kind !== "empty");
  if (sameSection) return indentAt(text, sameSection.range.startOffset - base);
  for (const other of config.sections) {
    const line = other.body.find((candidate) => candidate.kind !== "empty");
    if (line) return indentAt(text, line.range.startOffset - base);
  }
  return indentUnitOf(text);
}

export function haproxyInsert(text: string, base: number, config: HaproxyConfig, section: Section, statement: string, where: Where<Line>): TextEdit {
  const lineBreak = lineBreakOf(text);
  const indent = haproxyBodyIndent(text, base, config, section);
  let offset: number;
  if (where.after) offset = where.after.range.endOffset - base;
  else if (where.before) offset = where.before.range.startOffset - base;
  else if (where.at === "start") offset = section.header.range.endOffset - base;
  else {
    // After the last statement, so that blank lines and comments that lead the next section stay there.
    const last = [...section.body].reverse().find((line) => line.kind !== "empty") ?? section.header;
    offset = last.range.endOffset - base;
  }
  return insertLinesAt(text, offset, indentLines(statement, indent, lineBreak), lineBreak);
}

export function haproxyInsertSection(text: string, base: number, config: HaproxyConfig, section: string, where: Where<Section>): TextEdit {
  const lineBreak = lineBreakOf(text);
  const body = section.replace(/\r?\n/g, lineBreak);
  if (where.before) return { start: where.before.range.startOffset - base, end: where.before.range.startOffset - base, newText: body + lineBreak + lineBreak };
  const anchor = where.after ?? (where.at === "start" ? undefined : config.sections[config.sections.length - 1]);
  if (!anchor) {
    const first = config.sections[0];
    const offset = first ? first.range.startOffset - base : text.length;
    return insertLinesAt(text, offset, body + (first ? lineBreak : ""), lineBreak);
  }
  const offset = anchor.range.endOffset - base;
  const needsBreak = offset >= text.length && text.length > 0 && !text.endsWith("\n");
  const blankBefore = /\n[ \t]*\r?\n$/.test(text.slice(0, offset)) ? "" : lineBreak;
  return { start: offset, end: offset, newText: (needsBreak ? lineBreak : "") + blankBefore + body + lineBreak };
}

/**
 * A section takes with it the comment lines right above its header (they describe it) and the blank
 * lines after its last statement, but not the comments there, which lead the next section.
 */
function sectionExtent(base: number, config: HaproxyConfig, section: Section): { start: number; end: number } {
  const index = config.sections.indexOf(section);
  const before = index > 0 ? config.sections[index - 1]!.body : config.preamble;
  let start = section.range.startOffset - base;
  for (let i = before.length - 1; i >= 0 && before[i]!.kind === "empty" && before[i]!.comment; i--) start = before[i]!.range.startOffset - base;
  const body = section.body;
  let last = body.length - 1;
  while (last >= 0 && body[last]!.kind === "empty") last--;
  let end = (last >= 0 ? body[last]! : section.header).range.endOffset - base;
  for (let i = last + 1; i < body.length && !body[i]!.comment; i++) end = body[i]!.range.endOffset - base;
  return { start, end };
}

export function haproxyRemoval(text: string, base: number, config: HaproxyConfig, node: Line | Section): TextEdit {
  const extent = node.kind === "section" ? sectionExtent(base, config, node) : { start: node.range.startOffset - base, end: node.range.endOffset - base };
  let start = extent.start;
  const end = extent.end;
  // A last line without a line break takes the previous line's break with it.
  if (end === text.length && !text.endsWith("\n") && start > 0) start = text[start - 2] === "\r" ? start - 2 : start - 1;
  return { start, end, newText: "" };
}

// ---- keepalived --------------------------------------------------------------------------------

function keepalivedItemsOf(container: KeepalivedConfig | Block): readonly KeepalivedItem[] {
  return container.items;
}

/** Whether nothing but spaces and a comment follows `offset` on its line. */
function endsLine(text: string, offset: number): boolean {
  return /^[ \t]*(?:[#!][^\r\n]*)?(?:\r?\n|$)/.test(text.slice(offset, nextLineStart(text, offset)));
}

export function keepalivedInsert(text: string, base: number, container: KeepalivedConfig | Block, statement: string, where: Where<KeepalivedItem>): TextEdit {
  const lineBreak = lineBreakOf(text);
  const unit = indentUnitOf(text);
  const items = keepalivedItemsOf(container);
  const sibling = where.after ?? where.before ?? items[0];
  // A sibling that starts its line shows the indentation; one that shares a line does not.
  const childIndent =
    sibling && startsLine(text, sibling.range.startOffset - base)
      ? indentAt(text, sibling.range.startOffset - base)
      : container.kind === "block"
        ? indentAt(text, container.range.startOffset - base) + unit
        : "";
  const lines = indentLines(statement, childIndent, lineBreak);
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
    const separator = text.length === 0 || /\n[ \t]*\r?\n$/.test(text) ? "" : lineBreak;
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

export function keepalivedRemoval(text: string, base: number, item: KeepalivedItem): TextEdit {
  const start = item.range.startOffset - base;
  const end = item.range.endOffset - base;
  if (startsLine(text, start) && endsLine(text, end)) {
    // The item has its lines to itself: remove them whole, with their trailing comment.
    let lineStart = lineStartAt(text, start);
    const lineEnd = nextLineStart(text, end);
    if (lineEnd === text.length && !text.endsWith("\n") && lineStart > 0) lineStart = text[lineStart - 2] === "\r" ? lineStart - 2 : lineStart - 1;
    return { start: lineStart, end: lineEnd, newText: "" };
  }
  let after = end;
  while (text[after] === " " || text[after] === "\t") after++;
  return { start, end: after, newText: "" };
}
