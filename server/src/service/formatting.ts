// Formatting: section bodies and blocks indented one step per level, trailing blanks removed, and in
// keepalived each statement as keepalived reads it on a line of its own (a line is cut at every
// brace, so `a { b }` is three lines to keepalived already; written so, a one-line block shows what
// it really holds). Only the blanks between tokens change, never a word or a comment, and the
// result is parsed again and compared with the original: if anything keepalived or haproxy reads
// would differ, nothing is changed.
import type { TextEdit } from "../../../grammars/common/edits.js";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { Block, KeepalivedItem } from "../../../grammars/keepalived/ast.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { parseHaproxy } from "../../../grammars/haproxy/parse.js";
import { triviaIn } from "../../../grammars/keepalived/containers.js";
import { isTemplateTagAt } from "../../../grammars/common/templates.js";
import type { ParseResult } from "../workspace/loader.js";
import { meaning } from "./meaning.js";

export interface FormatOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

/** The formatting of a document: its edits, or none with `rejected` when the guard caught a change of meaning. */
export interface Formatted {
  readonly edits: TextEdit[];
  /** True when formatting would have changed what the daemon reads, so nothing is changed. */
  readonly rejected: boolean;
}

export function formatDocument(parsed: ParseResult, options: FormatOptions): Formatted {
  const unit = options.insertSpaces ? " ".repeat(Math.max(1, Math.min(options.tabSize, 16))) : "\t";
  const edits = parsed.format === "haproxy" ? haproxyEdits(parsed, unit) : keepalivedEdits(parsed, unit);
  const text = parsed.lines.text;
  const formatted = apply(text, edits);
  if (formatted === text) return { edits: [], rejected: false };
  // The guard: the formatted text must read exactly as the original does.
  const again = parsed.format === "haproxy" ? parseHaproxy(formatted) : parseKeepalived(formatted);
  if (meaning(again) !== meaning(parsed)) return { edits: [], rejected: true };
  return { edits, rejected: false };
}

/** The formatted text, or undefined when formatting would change what the daemon reads. */
export function formattedText(parsed: ParseResult, options: FormatOptions): string | undefined {
  const { edits, rejected } = formatDocument(parsed, options);
  return rejected ? undefined : apply(parsed.lines.text, edits);
}

/** The edits that format the document, or only those on the lines from `startLine` to `endLine`, in offsets. */
export function formatEdits(parsed: ParseResult, options: FormatOptions, lines?: { startLine: number; endLine: number }): TextEdit[] {
  const { edits } = formatDocument(parsed, options);
  if (!lines) return edits;
  return edits.filter((edit) => {
    const line = parsed.lines.position(edit.end).line;
    return line >= lines.startLine && line <= lines.endLine;
  });
}

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = "";
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

// ---- haproxy ------------------------------------------------------------------------------------

function haproxyEdits(parsed: HaproxyParseResult, unit: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const text = parsed.lines.text;
  const visit = (line: HaproxyParseResult["ast"]["preamble"][number], indent: string) => {
    const start = line.range.startOffset;
    const end = line.range.endOffset;
    let contentEnd = end;
    while (contentEnd > start && (text[contentEnd - 1] === "\n" || text[contentEnd - 1] === "\r")) contentEnd--;
    // A last line without a line break is one haproxy may refuse as truncated: leave it as it is.
    if (contentEnd === end) return;
    let first = start;
    while (first < contentEnd && (text[first] === " " || text[first] === "\t")) first++;
    if (first === contentEnd) {
      if (contentEnd > start) edits.push({ start, end: contentEnd, newText: "" });
      return;
    }
    // A comment written at the left margin stays there (it usually introduces the next section), and
    // a template's own lines (`{% for s in servers %}`) where the template's author put them: their
    // indentation may be part of what the template renders.
    const wanted = (line.kind === "empty" && first === start) || isTemplateTagAt(text, first) ? text.slice(start, first) : indent;
    if (text.slice(start, first) !== wanted) edits.push({ start, end: first, newText: wanted });
    // Trailing blanks only when the tokenizer says they are blanks (not an escaped or quoted space).
    const last = [...line.tokens].reverse().find((token) => token.kind !== "newline");
    if (last && last.kind === "whitespace" && last.range.startOffset > first) edits.push({ start: last.range.startOffset, end: last.range.endOffset, newText: "" });
  };
  for (const line of parsed.ast.preamble) visit(line, "");
  for (const section of parsed.ast.sections) {
    visit(section.header, "");
    for (const line of section.body) visit(line, unit);
  }
  return edits;
}

// ---- keepalived ---------------------------------------------------------------------------------

interface Atom {
  readonly start: number;
  readonly end: number;
  readonly kind: "statement" | "open" | "close" | "comment" | "verbatim";
  readonly depth: number;
  /** For an open brace: whether the atom before it is its block's header. */
  readonly afterHeader?: boolean;
}

function keepalivedEdits(parsed: KeepalivedParseResult, unit: string): TextEdit[] {
  const text = parsed.lines.text;
  const atoms: Atom[] = [];
  const comments = (from: number, to: number, depth: number) => {
    for (const trivia of triviaIn(parsed.lines, from, to)) {
      if (trivia.kind === "comment") atoms.push({ start: trivia.range.startOffset, end: trivia.range.endOffset, kind: "comment", depth });
    }
  };
  const visit = (items: readonly KeepalivedItem[], from: number, to: number, depth: number) => {
    let cursor = from;
    for (const item of items) {
      comments(cursor, item.range.startOffset, depth);
      if (item.kind === "block") block(item, depth);
      else if (item.kind === "statement" && !isTemplateTagAt(text, item.range.startOffset)) atoms.push({ start: item.range.startOffset, end: item.range.endOffset, kind: "statement", depth });
      else if (item.kind === "alternative-header") {
        // Another host's header of the block around it: indented as that block's own header.
        atoms.push({ start: item.header.range.startOffset, end: item.header.range.endOffset, kind: "statement", depth: depth - 1 });
        atoms.push({ start: item.open.range.startOffset, end: item.open.range.endOffset, kind: "open", depth: depth - 1, afterHeader: true });
      } else atoms.push({ start: item.range.startOffset, end: item.range.endOffset, kind: "verbatim", depth });
      cursor = item.range.endOffset;
    }
    comments(cursor, to, depth);
  };
  const block = (item: Block, depth: number) => {
    if (item.header) atoms.push({ start: item.header.range.startOffset, end: item.header.range.endOffset, kind: "statement", depth });
    const open = item.open.range;
    if (item.header) comments(item.header.range.endOffset, open.startOffset, depth);
    atoms.push({ start: open.startOffset, end: open.endOffset, kind: "open", depth, afterHeader: atoms[atoms.length - 1]?.end === item.header?.range.endOffset && item.header !== undefined });
    visit(item.items, open.endOffset, item.close?.range.startOffset ?? item.range.endOffset, depth + 1);
    if (item.close) atoms.push({ start: item.close.range.startOffset, end: item.close.range.endOffset, kind: "close", depth });
  };
  visit(parsed.ast.items, 0, text.length, 0);

  const edits: TextEdit[] = [];
  const indent = (depth: number) => unit.repeat(depth);
  let previous: Atom | undefined;
  let cursor = 0;
  for (const atom of atoms) {
    const gap = text.slice(cursor, atom.start);
    const breaks = (gap.match(/\r?\n/g) ?? []).length;
    const eol = /\r\n/.test(gap) || (!/\n/.test(gap) && /\r\n/.test(text)) ? "\r\n" : "\n";
    let wanted: string;
    if (!previous) wanted = eol.repeat(breaks) + (breaks > 0 || cursor === 0 ? indent(atom.depth) : gap);
    else if (breaks === 0 && atom.kind === "comment") wanted = gap === "" ? " " : gap;
    else if (atom.kind === "open" && atom.afterHeader) wanted = " ";
    else if (previous.kind === "verbatim" || atom.kind === "verbatim") wanted = breaks === 0 ? gap : eol.repeat(breaks) + (atom.kind === "verbatim" ? gap.replace(/^[\s\S]*\n/, "") : indent(atom.depth));
    else wanted = eol.repeat(Math.max(1, Math.min(breaks, 3))) + indent(atom.depth);
    if (wanted !== gap) edits.push({ start: cursor, end: atom.start, newText: wanted });
    previous = atom;
    cursor = atom.end;
  }
  const tail = text.slice(cursor);
  const tailBreaks = (tail.match(/\r?\n/g) ?? []).length;
  const wantedTail = (/\r\n/.test(tail) ? "\r\n" : "\n").repeat(tailBreaks);
  if (tail !== wantedTail) edits.push({ start: cursor, end: text.length, newText: wantedTail });
  return edits;
}
