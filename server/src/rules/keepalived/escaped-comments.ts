// Lines that start with a backslash before `#` or `!` (`\# note`, as Markdown escapes a hash). The
// scanner reads `\#` as the start of a comment, which is what keepalived 2.2.7's VRRP and checker
// processes do (measured: `priority 100 \# note` is priority 100, `virtual_router_id \#5` has no
// value). Its parent process, which reads the top level and global_defs itself, does not: at the
// start of a line there it takes `\#…` for the keyword `#…` and reports "Unknown keyword '#'". In
// the other blocks keepalived drops such a line without a word (it takes the rest of it for a file
// name in the messages it logs after it, which then give the wrong file and line).
import type { KeepalivedModel } from "./model.js";
import { TOP } from "./model.js";

export interface EscapedCommentLine {
  readonly uri: string;
  /** Offsets in the file's text: the backslash, and the end of the word keepalived takes for a keyword. */
  readonly start: number;
  readonly end: number;
  /** The keyword keepalived reads there: the word without its backslash. */
  readonly keyword: string;
  /** The block the line stands in (TOP at the top level). */
  readonly blockId: string;
}

const LINE = /^[ \t]*(\\[#!][^\s]*)/gm;

export function escapedCommentLines(model: KeepalivedModel): EscapedCommentLine[] {
  if (!model.textHolds("\\#") && !model.textHolds("\\!")) return [];
  const found: EscapedCommentLine[] = [];
  for (const file of model.files) {
    const lines = file.parse.lines;
    const text = lines.text;
    if (!text.includes("\\#") && !text.includes("\\!")) continue;
    const base = lines.base.offset;
    // The blocks of this file, innermost last among those that contain an offset.
    const blocks = model.blocks.filter((placed) => placed.uri === file.uri);
    const fileTop = model.statements.find((placed) => placed.uri === file.uri && placed.parent === undefined)?.blockId ?? TOP;
    for (const m of text.matchAll(LINE)) {
      const start = m.index + m[0].length - m[1]!.length;
      const at = base + start;
      let inner: (typeof blocks)[number] | undefined;
      for (const placed of blocks) {
        const range = placed.block.range;
        if (range.startOffset < at && at < range.endOffset && (!inner || range.startOffset > inner.block.range.startOffset)) inner = placed;
      }
      found.push({ uri: file.uri, start, end: start + m[1]!.length, keyword: m[1]!.slice(1), blockId: inner ? (inner.id ?? inner.parentId) : fileTop });
    }
  }
  return found;
}
