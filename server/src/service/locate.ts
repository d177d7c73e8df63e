// Where a cursor stands in a parsed document: the haproxy section and line, or the keepalived block
// path and statement, and the word under or before it. Completion, hover, signature help and the
// name features all start here. Lookups are binary searches over the tree, never a scan of the text.
import type { Line, Section, Word as HaproxyWord } from "../../../grammars/haproxy/ast.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { Block, KeepalivedItem, Statement as KeepalivedStatement, Word as KeepalivedWord } from "../../../grammars/keepalived/ast.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { childBlockId } from "../facts/keepalived.js";

/** The first index in a sorted list whose item ends at or after `offset`. */
function search<T>(items: readonly T[], offset: number, end: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end(items[mid]!) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words and the cursor among them. */
export interface WordsAtCursor<W extends { readonly range: { readonly startOffset: number; readonly endOffset: number } }> {
  readonly words: readonly W[];
  /** The word the cursor is in or touches the end of (the word being typed), if any. */
  readonly word: W | undefined;
  /** Index of that word, or of the word the cursor would start (words before the cursor). */
  readonly index: number;
  /** What is typed of the current word up to the cursor ("" between words). */
  readonly prefix: string;
}

export function wordsAt<W extends { readonly text: string; readonly range: { readonly startOffset: number; readonly endOffset: number } }>(
  words: readonly W[],
  offset: number,
): WordsAtCursor<W> {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (offset < word.range.startOffset) return { words, word: undefined, index: i, prefix: "" };
    if (offset <= word.range.endOffset) return { words, word, index: i, prefix: word.text.slice(0, offset - word.range.startOffset) };
  }
  return { words, word: undefined, index: words.length, prefix: "" };
}

// ---- haproxy ------------------------------------------------------------------------------------

export interface HaproxyCursor extends WordsAtCursor<HaproxyWord> {
  readonly offset: number;
  /** The section the cursor is in (its header line included); undefined before the first section. */
  readonly section: Section | undefined;
  /** The line the cursor is on; undefined at the very end of a file that ends with a line break. */
  readonly line: Line | undefined;
  /** True on the section's header line. */
  readonly onHeader: boolean;
  /** True when the cursor is inside the line's comment. */
  readonly inComment: boolean;
}

export function haproxyCursor(parsed: HaproxyParseResult, offset: number): HaproxyCursor {
  const { sections, preamble } = parsed.ast;
  let section: Section | undefined;
  let line: Line | undefined;
  const at = search(sections, offset, (s) => s.range.endOffset - 1);
  const candidate = sections[Math.min(at, sections.length - 1)];
  if (candidate && offset >= candidate.range.startOffset) {
    section = candidate;
    const lines = [candidate.header, ...candidate.body];
    line = lines[Math.min(search(lines, offset, (l) => l.range.endOffset - 1), lines.length - 1)];
  } else if (candidate && at > 0 && offset < candidate.range.startOffset) {
    section = sections[at - 1];
  } else if (preamble.length > 0) {
    line = preamble[Math.min(search(preamble, offset, (l) => l.range.endOffset - 1), preamble.length - 1)];
  }
  if (line && (offset < line.range.startOffset || offset > line.range.endOffset)) line = undefined;
  // A cursor just after a line break stands on the next (empty) line, which has no node at the end of the file.
  if (line && offset === line.range.endOffset && /\n$/.test(line.range.text)) line = undefined;
  const words = line?.words ?? [];
  const comment = line?.comment;
  const inComment = comment !== undefined && offset > comment.range.startOffset;
  const found = wordsAt(inComment ? [] : words, offset);
  return { ...found, offset, section, line, onHeader: section !== undefined && line === section.header, inComment };
}

// ---- keepalived ---------------------------------------------------------------------------------

export interface KeepalivedCursor extends WordsAtCursor<KeepalivedWord> {
  readonly offset: number;
  /** The blocks the cursor is inside, outermost first. */
  readonly blocks: readonly Block[];
  /** The schema id of the innermost block (`top`, `vrrp_instance`, `virtual_server>real_server`, …); undefined in a block lblint does not know. */
  readonly blockId: string | undefined;
  /** The statement the cursor is in (or at the end of), if any. */
  readonly statement: KeepalivedStatement | undefined;
  /** True when the statement is the header of a block (before its `{`). */
  readonly isHeader: boolean;
}

function itemAt(items: readonly KeepalivedItem[], offset: number, text: string): KeepalivedItem | undefined {
  const at = search(items, offset, (item) => item.range.endOffset);
  const item = items[at];
  if (item && item.range.startOffset <= offset) return item;
  // Past the last word of a statement on its line ("state |"): still that statement, a new word of it.
  const before = items[at - 1];
  if (before?.kind === "statement" && /^[ \t]*$/.test(text.slice(before.range.endOffset, offset))) return before;
  return undefined;
}

export function keepalivedCursor(parsed: KeepalivedParseResult, offset: number): KeepalivedCursor {
  const blocks: Block[] = [];
  let blockId: string | undefined = "top";
  let items: readonly KeepalivedItem[] = parsed.ast.items;
  let statement: KeepalivedStatement | undefined;
  let isHeader = false;
  let parentId: string | undefined = blockId;
  for (;;) {
    const item = itemAt(items, offset, parsed.lines.text);
    if (!item) break;
    if (item.kind === "statement") {
      statement = item;
      break;
    }
    if (item.kind === "alternative-header") {
      // Another host's header of the block around it: a header, in that block's parent.
      if (offset <= item.header.range.endOffset) {
        statement = item.header;
        isHeader = true;
        blocks.pop();
        blockId = parentId;
      }
      break;
    }
    if (item.kind !== "block") break;
    // In the header (before the `{`): the header statement, in the block's parent.
    if (item.header && offset <= item.header.range.endOffset) {
      statement = item.header;
      isHeader = true;
      break;
    }
    if (offset <= item.open.range.startOffset || (item.close && offset > item.close.range.startOffset)) break;
    blocks.push(item);
    parentId = blockId;
    const keyword = item.header && !item.header.prefixOnly ? item.header.keyword.value : undefined;
    blockId = blockId !== undefined && keyword !== undefined ? childBlockId(blockId, keyword) : undefined;
    items = item.items;
  }
  const found = wordsAt(statement?.words ?? [], offset);
  // After the statement on the same line but past its words: a new word of that statement.
  return { ...found, offset, blocks, blockId, statement, isHeader };
}

/** The schema id of a block, from the blocks around it (outermost first). */
export function keepalivedBlockId(path: readonly Block[]): string | undefined {
  let id: string | undefined = "top";
  for (const block of path) {
    const keyword = block.header && !block.header.prefixOnly ? block.header.keyword.value : undefined;
    id = id !== undefined && keyword !== undefined ? childBlockId(id, keyword) : undefined;
  }
  return id;
}
