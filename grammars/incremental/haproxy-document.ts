// A haproxy.cfg kept as pieces, for an editor: the lines before the first section, then one piece
// per section (or run of sections), each parsed on its own with its place in the document. An edit
// re-parses only the pieces it touches and moves the pieces after it; the result is the same as a
// parse of the whole new text (a test holds it to that on random edits of every corpus file).
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { applyEdits, type TextEdit } from "../common/edits.js";
import { LineIndex } from "../common/text.js";
import type { HaproxyConfig, Line } from "../haproxy/ast.js";
import { parseHaproxy, type HaproxyParseResult } from "../haproxy/parse.js";
import { buildConditionals } from "../haproxy/structure.js";

interface Piece {
  /** Document offset of the piece's first character. */
  start: number;
  text: string;
  parsed: HaproxyParseResult;
}

/** Codes that depend on the whole file: they are worked out again after each edit. */
const WHOLE_FILE_CODES = new Set(["lone-conditional", "conditional-after-else", "unterminated-conditional", "template-syntax", "missing-final-newline"]);

export class HaproxyDocument {
  private pieces: Piece[] = [];
  private current: HaproxyParseResult | undefined;
  private fullText: string;

  constructor(text: string) {
    this.fullText = text;
    // One whole parse finds where the sections start; each section is then a piece of its own.
    const whole = parseHaproxy(text);
    const starts = [0, ...whole.ast.sections.map((section) => section.range.startOffset)].filter((start, i, all) => i === 0 || start > all[i - 1]!);
    this.pieces = starts.map((start, i) => this.parsePiece(start, text.slice(start, starts[i + 1] ?? text.length), whole.lines.position(start).line));
  }

  get text(): string {
    return this.fullText;
  }

  /** The document as one parse result, built from the pieces. */
  get result(): HaproxyParseResult {
    this.current ??= this.assemble();
    return this.current;
  }

  /** How many pieces the document is held in (for tests and measurements). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** Applies one edit in document offsets and re-parses what it touches. */
  applyEdit(edit: TextEdit): void {
    const { start, end } = edit;
    // The pieces the edit touches, and the one before the first of them when the edit reaches its
    // first line: removing or changing a section header can join its lines to the section before.
    let first = this.pieces.findIndex((piece) => start <= piece.start + piece.text.length && end >= piece.start);
    if (first < 0) first = this.pieces.length - 1;
    let last = first;
    while (last + 1 < this.pieces.length && end >= this.pieces[last + 1]!.start) last++;
    const firstLineEnd = (piece: Piece) => piece.start + (piece.text.indexOf("\n") < 0 ? piece.text.length : piece.text.indexOf("\n"));
    if (first > 0 && start <= firstLineEnd(this.pieces[first]!)) first--;

    const merged = this.pieces.slice(first, last + 1);
    const regionStart = merged[0]!.start;
    const oldText = merged.map((piece) => piece.text).join("");
    const newText = applyEdits(oldText, [{ start: start - regionStart, end: end - regionStart, newText: edit.newText }]);
    const baseLine = merged[0]!.parsed.lines.base.line;
    const oldLines = merged.reduce((sum, piece) => sum + piece.parsed.lines.lineCount - 1, 0);
    const replacement = this.parsePiece(regionStart, newText, baseLine);
    const shift = newText.length - oldText.length;
    const lineShift = replacement.parsed.lines.lineCount - 1 - oldLines;
    for (const piece of this.pieces.slice(last + 1)) {
      piece.start += shift;
      const base = piece.parsed.lines.base;
      piece.parsed.lines.moveTo({ offset: base.offset + shift, line: base.line + lineShift, column: 0 });
    }
    this.pieces.splice(first, last - first + 1, replacement);
    this.fullText = applyEdits(this.fullText, [edit]);
    this.current = undefined;
  }

  private parsePiece(start: number, text: string, line: number): Piece {
    return { start, text, parsed: parseHaproxy(text, { base: { offset: start, line, column: 0 } }) };
  }

  private assemble(): HaproxyParseResult {
    const text = this.fullText;
    const lines = new LineIndex(text);
    const preamble: Line[] = [];
    const sections: HaproxyConfig["sections"] = [];
    const diagnostics: SyntaxDiagnostic[] = [];
    for (const piece of this.pieces) {
      const ast = piece.parsed.ast;
      // Only the first piece can have lines before a section; a later piece starts with its header.
      if (piece === this.pieces[0]) preamble.push(...ast.preamble);
      sections.push(...ast.sections);
      diagnostics.push(...piece.parsed.diagnostics.filter((d) => !WHOLE_FILE_CODES.has(d.code)));
    }
    const all: Line[] = [...preamble, ...sections.flatMap((section) => [section.header, ...section.body])];
    const conditionals = buildConditionals(all, diagnostics);
    // What depends on the whole text comes from the last piece (the end of the file) and the first
    // template marker anywhere.
    const lastPiece = this.pieces[this.pieces.length - 1]!.parsed.diagnostics;
    diagnostics.push(...lastPiece.filter((d) => d.code === "missing-final-newline"));
    const template = this.pieces.flatMap((piece) => piece.parsed.diagnostics).find((d) => d.code === "template-syntax");
    if (template) diagnostics.push(template);
    diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset);
    const ast: HaproxyConfig = { kind: "config", format: "haproxy", range: lines.range(0, text.length), preamble, sections, conditionals };
    return { format: "haproxy", ast, diagnostics, lines };
  }
}
