// A keepalived.conf kept as pieces, for an editor: the file is cut before each top-level item that
// starts its own line, and each piece is parsed on its own with its place in the document. An edit
// re-parses the pieces it touches; when that leaves a block open, the piece grows over the next ones
// until its braces close (or the file ends), because an open block swallows what follows. Pieces
// after the edit move. The result equals a parse of the whole new text (tested on random edits).
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { applyEdits, type TextEdit } from "../common/edits.js";
import { LineIndex } from "../common/text.js";
import type { KeepalivedItem } from "../keepalived/ast.js";
import { ConfigNode } from "../keepalived/containers.js";
import { checkReferences, parseKeepalived, type KeepalivedParseResult } from "../keepalived/parse.js";

interface Piece {
  start: number;
  text: string;
  parsed: KeepalivedParseResult;
}

/** Codes that depend on other pieces: worked out again on the whole document after each edit. */
const WHOLE_FILE_CODES = new Set(["undefined-variable", "template-syntax"]);

/** A piece that leaves a block open, or reads braces flat, depends on what follows it. */
function isClosed(parsed: KeepalivedParseResult): boolean {
  return !parsed.diagnostics.some((d) => d.code === "missing-close-brace" || d.code === "nesting-too-deep");
}

export class KeepalivedDocument {
  private pieces: Piece[];
  private current: KeepalivedParseResult | undefined;
  private fullText: string;

  constructor(text: string) {
    this.fullText = text;
    const whole = parseKeepalived(text);
    const starts = [0];
    let previousEndLine = -1;
    for (const item of whole.ast.items) {
      const start = item.range.start;
      const lineStart = whole.lines.lineStart(start.line);
      // Cut only where an item has its line to itself from the start: items sharing a line stay together.
      if (start.line > previousEndLine && /^[ \t]*$/.test(text.slice(lineStart, start.offset)) && lineStart > starts[starts.length - 1]!) {
        starts.push(lineStart);
      }
      previousEndLine = item.range.end.line;
    }
    this.pieces = starts.map((start, i) => this.parsePiece(start, text.slice(start, starts[i + 1] ?? text.length), whole.lines.position(start).line));
  }

  get text(): string {
    return this.fullText;
  }

  get result(): KeepalivedParseResult {
    this.current ??= this.assemble();
    return this.current;
  }

  get pieceCount(): number {
    return this.pieces.length;
  }

  applyEdit(edit: TextEdit): void {
    const { start, end } = edit;
    let first = this.pieces.findIndex((piece) => start <= piece.start + piece.text.length && end >= piece.start);
    if (first < 0) first = this.pieces.length - 1;
    let last = first;
    while (last + 1 < this.pieces.length && end >= this.pieces[last + 1]!.start) last++;
    if (first > 0) first--;

    const regionStart = this.pieces[first]!.start;
    const baseLine = this.pieces[first]!.parsed.lines.base.line;
    const oldPieces = this.pieces.slice(first, last + 1);
    let oldText = oldPieces.map((piece) => piece.text).join("");
    let newText = applyEdits(oldText, [{ start: start - regionStart, end: end - regionStart, newText: edit.newText }]);
    let replacement = this.parsePiece(regionStart, newText, baseLine);
    // An open block swallows the pieces after it: take them in until the braces close.
    while (!isClosed(replacement.parsed) && last + 1 < this.pieces.length) {
      const next = this.pieces[++last]!;
      oldPieces.push(next);
      oldText += next.text;
      newText += next.text;
      replacement = this.parsePiece(regionStart, newText, baseLine);
    }
    const oldLines = oldPieces.reduce((sum, piece) => sum + piece.parsed.lines.lineCount - 1, 0);
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
    return { start, text, parsed: parseKeepalived(text, { base: { offset: start, line, column: 0 } }) };
  }

  private assemble(): KeepalivedParseResult {
    const lines = new LineIndex(this.fullText);
    const items: KeepalivedItem[] = this.pieces.flatMap((piece) => piece.parsed.ast.items);
    const ast = new ConfigNode(items, lines.range(0, this.fullText.length));
    const diagnostics: SyntaxDiagnostic[] = this.pieces.flatMap((piece) => piece.parsed.diagnostics.filter((d) => !WHOLE_FILE_CODES.has(d.code)));
    checkReferences(ast, diagnostics);
    const template = this.pieces.flatMap((piece) => piece.parsed.diagnostics).find((d) => d.code === "template-syntax");
    if (template) diagnostics.push(template);
    diagnostics.sort((a, b) => a.range.startOffset - b.range.startOffset);
    return { format: "keepalived", ast, diagnostics, lines };
  }
}
