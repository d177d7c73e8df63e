// Selection ranges (expand selection): the word, the statement's words, the line, then the enclosing
// haproxy section or keepalived blocks, then the file.
import type { SelectionRange } from "vscode-languageserver-types";
import type { Range } from "../../../grammars/common/text.js";
import { lspRange } from "./document.js";
import { haproxyCursor, keepalivedCursor } from "./locate.js";
import type { ParseResult } from "../workspace/loader.js";

function chain(ranges: readonly Range[]): SelectionRange | undefined {
  let parent: SelectionRange | undefined;
  let previous: Range | undefined;
  // Outermost first, so each range's parent is the one around it; equal neighbours are merged.
  for (const range of ranges) {
    if (previous && previous.start.offset === range.start.offset && previous.end.offset === range.end.offset) continue;
    parent = parent ? { range: lspRange(range), parent } : { range: lspRange(range) };
    previous = range;
  }
  return parent;
}

export function selectionRange(parsed: ParseResult, offset: number): SelectionRange {
  const ranges: Range[] = [parsed.ast.range];
  if (parsed.format === "haproxy") {
    const cursor = haproxyCursor(parsed, offset);
    if (cursor.section) ranges.push(cursor.section.range);
    if (cursor.line) {
      ranges.push(cursor.line.range);
      const words = cursor.line.words;
      if (words.length > 0) ranges.push({ start: words[0]!.range.start, end: words[words.length - 1]!.range.end });
      const condition = cursor.line.kind === "statement" ? cursor.line.condition : undefined;
      if (condition && condition.range.contains(offset)) ranges.push(condition.range);
    }
    if (cursor.word) ranges.push(cursor.word.range);
  } else {
    const cursor = keepalivedCursor(parsed, offset);
    for (const block of cursor.blocks) ranges.push(block.range);
    if (cursor.statement) {
      const inBlock = parsed.ast.items.find((item) => item.kind === "block" && item.header === cursor.statement);
      if (inBlock) ranges.push(inBlock.range);
      ranges.push(cursor.statement.range);
    }
    if (cursor.word) ranges.push(cursor.word.range);
  }
  const point = parsed.lines.position(offset);
  return chain(ranges) ?? { range: lspRange({ start: point, end: point }) };
}
