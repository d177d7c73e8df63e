// What the incremental documents share: a file held as consecutive pieces, each parsed on its own
// with its place in the document. An edit re-parses the pieces it touches, with the piece before
// them (an edit at a boundary can join two pieces' lines), and moves the pieces after it by
// changing their base. The format decides where pieces start, whether a re-parsed piece must take
// in the next one, and how pieces assemble into one result.
import type { SyntaxDiagnostic } from "../common/diagnostics.js";
import { applyEdits, type TextEdit } from "../common/edits.js";
import type { LineIndex, Position } from "../common/text.js";

/** What a piece's parse must offer: its line index and its diagnostics. */
export interface PieceResult {
  readonly lines: LineIndex;
  readonly diagnostics: SyntaxDiagnostic[];
}

/** One piece of a document: where it starts, its text and its parse. */
export interface Piece<Result extends PieceResult> {
  /** Document offset of the piece's first character. */
  start: number;
  text: string;
  parsed: Result;
}

/** The base of HaproxyDocument and KeepalivedDocument: a document kept as pieces, each re-parsed only when an edit touches it. */
export abstract class PieceDocument<Result extends PieceResult> {
  protected pieces: Piece<Result>[];
  private current: Result | undefined;
  private fullText: string;

  /** `starts` are the document offsets where pieces begin (the first is 0), each at a line start. */
  protected constructor(text: string, starts: readonly number[], whole: LineIndex) {
    this.fullText = text;
    this.pieces = starts.map((start, i) => this.parsePiece(start, text.slice(start, starts[i + 1] ?? text.length), whole.position(start).line));
  }

  get text(): string {
    return this.fullText;
  }

  /** The document as one parse result, built from the pieces. */
  get result(): Result {
    this.current ??= this.assemble(this.fullText, this.pieces);
    return this.current;
  }

  /** How many pieces the document is held in (for tests and measurements). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** Applies one edit in document offsets and re-parses what it touches. */
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
    while (this.needsNextPiece(replacement.parsed) && last + 1 < this.pieces.length) {
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

  private parsePiece(start: number, text: string, line: number): Piece<Result> {
    return { start, text, parsed: this.parse(text, { offset: start, line, column: 0 }) };
  }

  protected abstract parse(text: string, base: Position): Result;

  /** Whether a re-parsed piece depends on what follows it, and must take in the next piece. */
  protected abstract needsNextPiece(parsed: Result): boolean;

  protected abstract assemble(text: string, pieces: readonly Piece<Result>[]): Result;
}
