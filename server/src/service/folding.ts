// Folding ranges: haproxy sections and `.if` blocks, keepalived blocks, and runs of comment lines.
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver-types";
import type { ConditionalBlock, Line } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedItem } from "../../../grammars/keepalived/ast.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import type { ParseResult } from "../workspace/loader.js";

export function foldingRanges(parsed: ParseResult): FoldingRange[] {
  const ranges = parsed.format === "haproxy" ? haproxyFolds(parsed) : keepalivedFolds(parsed);
  ranges.push(...commentRuns(parsed));
  return ranges.filter((range) => range.endLine > range.startLine).sort((a, b) => a.startLine - b.startLine);
}

function lastContentLine(lines: readonly Line[], fallback: number): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.kind !== "empty") return lines[i]!.line;
  return fallback;
}

function haproxyFolds(parsed: HaproxyParseResult): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const section of parsed.ast.sections) {
    ranges.push({ startLine: section.header.line, endLine: lastContentLine(section.body, section.header.line) });
  }
  const visit = (blocks: readonly ConditionalBlock[]) => {
    for (const block of blocks) {
      const lines = block.branches.map((branch) => branch.directive.line);
      const end = block.end?.line;
      block.branches.forEach((branch, i) => {
        const next = lines[i + 1] ?? end;
        if (next !== undefined) ranges.push({ startLine: branch.directive.line, endLine: next - 1 });
      });
      for (const branch of block.branches) visit(branch.children);
    }
  };
  visit(parsed.ast.conditionals);
  return ranges;
}

function keepalivedFolds(parsed: KeepalivedParseResult): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (items: readonly KeepalivedItem[]) => {
    for (const item of items) {
      if (item.kind !== "block") continue;
      const start = item.header?.line ?? item.open.range.start.line;
      // Keep the closing brace visible, as editors do for C-like blocks.
      const end = item.close ? item.close.range.start.line - 1 : item.range.end.line;
      ranges.push({ startLine: start, endLine: end });
      visit(item.items);
    }
  };
  visit(parsed.ast.items);
  return ranges;
}

/** Two or more consecutive lines that hold only a comment. */
function commentRuns(parsed: ParseResult): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const text = parsed.lines.text;
  const comment = parsed.format === "haproxy" ? /^[ \t]*#/ : /^[ \t]*[#!]/;
  let start = -1;
  const lineCount = parsed.lines.lineCount;
  for (let line = 0; line <= lineCount; line++) {
    const isComment = line < lineCount && comment.test(text.slice(parsed.lines.lineStart(line), line + 1 < lineCount ? parsed.lines.lineStart(line + 1) : text.length));
    if (isComment && start < 0) start = line;
    if (!isComment && start >= 0) {
      if (line - 1 > start) ranges.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
      start = -1;
    }
  }
  return ranges;
}
