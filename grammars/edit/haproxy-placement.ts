// Where new haproxy lines and sections go, and what removing a line or a section takes away. Every
// function returns a text edit against the parsed text, whose first character is at document offset
// `base`; nothing outside the edit's range is touched. New lines follow the file: its line break, the
// indentation of section bodies, and whether sections are separated by a blank line.
import type { TextEdit } from "../common/edits.js";
import type { ConditionalBlock, HaproxyConfig, Line, Section } from "../haproxy/ast.js";
import { SECTION_KINDS } from "../haproxy/sections.js";
import { insertLinesAt, type Removal, type Where } from "./placement.js";
import { indentAt, indentLevels, indentLines, indentUnitOf, isBlankLine, lineBreakOf } from "./style.js";

function bodyIndent(text: string, base: number, config: HaproxyConfig, section?: Section): string {
  const sameSection = section?.body.find((line) => line.kind !== "empty");
  if (sameSection) return indentAt(text, sameSection.range.startOffset - base);
  for (const other of config.sections) {
    const line = other.body.find((candidate) => candidate.kind !== "empty");
    if (line) return indentAt(text, line.range.startOffset - base);
  }
  return indentUnitOf(text);
}

/** The end of a section's last statement or directive: what follows (blank lines, comments) leads the next section. */
function contentEnd(base: number, section: Section): number {
  const last = [...section.body].reverse().find((line) => line.kind !== "empty") ?? section.header;
  return last.range.endOffset - base;
}

/** Where a section really starts: the comment lines right above its header describe it. */
function leadingStart(base: number, config: HaproxyConfig, section: Section): number {
  const index = config.sections.indexOf(section);
  const before = index > 0 ? config.sections[index - 1]!.body : config.preamble;
  let start = section.range.startOffset - base;
  for (let i = before.length - 1; i >= 0 && before[i]!.kind === "empty" && before[i]!.comment; i--) start = before[i]!.range.startOffset - base;
  return start;
}

/** Whether the file separates its sections with blank lines (most of its section boundaries do). */
function separatesSections(text: string, base: number, config: HaproxyConfig): boolean {
  let separated = 0;
  for (const section of config.sections.slice(1)) {
    const start = leadingStart(base, config, section);
    if (start > 0 && isBlankLine(text, start - 1)) separated++;
  }
  const boundaries = config.sections.length - 1;
  return boundaries === 0 ? true : separated * 2 >= boundaries;
}

export function haproxyInsert(text: string, base: number, config: HaproxyConfig, section: Section, statement: string, where: Where<Line>): TextEdit {
  const lineBreak = lineBreakOf(text);
  const indent = bodyIndent(text, base, config, section);
  let offset: number;
  if (where.after) offset = where.after.range.endOffset - base;
  else if (where.before) offset = where.before.range.startOffset - base;
  else if (where.at === "start") offset = section.header.range.endOffset - base;
  // After the last statement, so that blank lines and comments that lead the next section stay there.
  else offset = contentEnd(base, section);
  return insertLinesAt(text, offset, indentLines(statement, indent, lineBreak, indentUnitOf(text)), lineBreak);
}

/** A section snippet re-indented for the file: headers at the margin, body lines at the file's body indentation. */
function sectionLines(section: string, indent: string, unit: string, lineBreak: string): string {
  const lines = section.split(/\r?\n/);
  const levels = indentLevels(lines);
  const isHeader = (line: string) => SECTION_KINDS.has(line.trim().split(/[ \t]+/)[0]!);
  const bodyLevel = Math.min(...lines.map((line, i) => (levels[i]! < 0 || isHeader(line) ? Infinity : levels[i]!)));
  return lines
    .map((line, i) => {
      if (levels[i]! < 0) return "";
      if (isHeader(line)) return line.trimStart();
      return indent + unit.repeat(Math.max(0, levels[i]! - bodyLevel)) + line.trimStart();
    })
    .join(lineBreak);
}

export function haproxyInsertSection(text: string, base: number, config: HaproxyConfig, section: string, where: Where<Section>): TextEdit {
  const lineBreak = lineBreakOf(text);
  const lines = sectionLines(section, bodyIndent(text, base, config), indentUnitOf(text), lineBreak);
  const first = config.sections[0];
  const anchor = where.after ?? (where.before || where.at === "start" ? undefined : config.sections[config.sections.length - 1]);
  let offset: number;
  if (where.before) offset = leadingStart(base, config, where.before);
  else if (anchor) offset = contentEnd(base, anchor);
  else offset = first ? leadingStart(base, config, first) : text.length;
  const blank = separatesSections(text, base, config);
  const missingBreak = offset >= text.length && text.length > 0 && !text.endsWith("\n");
  const contentBefore = offset > 0 && text.slice(0, offset).trim() !== "";
  const before = blank && contentBefore && !isBlankLine(text, offset - 1) ? lineBreak : "";
  const contentAfter = text.slice(offset).trim() !== "";
  const after = blank && contentAfter && !isBlankLine(text, offset) ? lineBreak : "";
  return { start: offset, end: offset, newText: (missingBreak ? lineBreak : "") + before + lines + lineBreak + after };
}

/**
 * A section takes with it the comment lines right above its header (they describe it) and the blank
 * lines after its last statement, but not the comments there, which lead the next section.
 */
function sectionExtent(base: number, config: HaproxyConfig, section: Section): { start: number; end: number } {
  const body = section.body;
  let last = body.length - 1;
  while (last >= 0 && body[last]!.kind === "empty") last--;
  let end = (last >= 0 ? body[last]! : section.header).range.endOffset - base;
  for (let i = last + 1; i < body.length && !body[i]!.comment; i++) end = body[i]!.range.endOffset - base;
  return { start: leadingStart(base, config, section), end };
}

/** Each `.if`/`.elif`/`.else`/`.endif` line of the file, with the block it belongs to. */
function conditionalBlocks(config: HaproxyConfig): Map<Line, ConditionalBlock> {
  const blocks = new Map<Line, ConditionalBlock>();
  const visit = (block: ConditionalBlock) => {
    for (const branch of block.branches) {
      blocks.set(branch.directive, block);
      branch.children.forEach(visit);
    }
    if (block.end) blocks.set(block.end, block);
  };
  config.conditionals.forEach(visit);
  return blocks;
}

function directivesOf(block: ConditionalBlock): Line[] {
  return [...block.branches.map((branch) => branch.directive), ...(block.end ? [block.end] : [])];
}

/**
 * The whole lines a removal takes: a line, or a section with the comments above it. A section keeps
 * the `.if`/`.elif`/`.else`/`.endif` lines of blocks that reach outside it (`.if` above its header,
 * `.endif` at its end): removing them would leave the rest of the file's conditionals unbalanced.
 * Removing one such line alone would too, and is refused.
 */
export function haproxyRemoval(base: number, config: HaproxyConfig, node: Line | Section): Removal[] {
  const blocks = conditionalBlocks(config);
  if (node.kind !== "section") {
    if (blocks.has(node)) throw new RangeError(`remove: removing '${node.kind === "directive" ? node.keyword.text : ""}' alone would leave its .if block unbalanced; remove the whole block's lines`);
    return [{ kind: "lines", start: node.range.startOffset - base, end: node.range.endOffset - base }];
  }
  const extent = sectionExtent(base, config, node);
  const inside = (line: Line) => line.range.startOffset - base >= extent.start && line.range.endOffset - base <= extent.end;
  const kept = [node.header, ...node.body].filter((line) => inside(line) && blocks.has(line) && !directivesOf(blocks.get(line)!).every(inside));
  const removals: Removal[] = [];
  let start = extent.start;
  for (const line of kept) {
    if (line.range.startOffset - base > start) removals.push({ kind: "lines", start, end: line.range.startOffset - base });
    start = line.range.endOffset - base;
  }
  if (extent.end > start) removals.push({ kind: "lines", start, end: extent.end });
  return removals;
}
