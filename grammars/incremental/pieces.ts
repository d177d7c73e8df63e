// What the incremental documents share: a file held as consecutive pieces, each parsed on its own
// with its place in the document. An edit re-parses the pieces it touches as one region, and moves
// the pieces after it by changing their base. The format says where a parse may be cut into pieces,
// and when a region must take in the piece before or after it (a haproxy section whose header was
// edited away belongs to the section before; a keepalived block left open swallows what follows).
//
// After an edit the region is cut again where a fresh document would be cut, so the pieces depend
// only on the text, never on the edits that led to it: an edit costs a parse of one piece or two,
// not of a region that grows with every edit. A region that must take in what follows takes in the
// rest of the file at once, so that an edit never parses more than the region and the rest of the
// file, and then each new piece once: about twice a fresh parse at worst, as for a new document.
import { applyEdits, checkTextEdit, type TextEdit } from "../common/edits.js";
import { ForwardSearch } from "../common/forward-search.js";
import { unclosedTemplateComment } from "../common/templates.js";
import type { LineIndex, Position } from "../common/text.js";

/** What a format makes of a piece: at least its LineIndex, whose base is where the piece starts. */
export interface PieceResult {
  readonly lines: LineIndex;
}

/** One piece of a document: where it starts, its text and what the format made of it. */
export interface Piece<Parsed extends PieceResult> {
  /** Document offset of the piece's first character. */
  start: number;
  readonly text: string;
  readonly parsed: Parsed;
}

const DOCUMENT_START: Position = { offset: 0, line: 0, column: 0 };

/**
 * The cuts that leave no `{#` before them without a `#}` between it and the cut. Both grammars read
 * a `{# … #}` template comment as one word across lines, up to the first `#}` anywhere after it:
 * a piece that ends with a `{#` open would be read without the end of the comment. So the piece
 * runs on until the comment is closed, or to the end of the file.
 */
function keepTemplateCommentsWhole(text: string, cuts: readonly number[]): number[] {
  if (!text.includes("{#")) return [...cuts];
  const opens = new ForwardSearch(text, "{#");
  const closes = new ForwardSearch(text, "#}");
  const kept: number[] = [];
  let open = false;
  let at = 0;
  for (const cut of cuts) {
    for (;;) {
      const next = open ? closes.indexOf(at) : opens.indexOf(at);
      if (next < 0 || next + 2 > cut) break;
      open = !open;
      at = next + 2;
    }
    if (!open) kept.push(cut);
  }
  return kept;
}

/** The base of HaproxyDocument and KeepalivedDocument: a document kept as pieces, each re-parsed only when an edit touches it. */
export abstract class PieceDocument<Parsed extends PieceResult, Result> {
  protected pieces: Piece<Parsed>[];
  private current: Result | undefined;
  private fullText: string;

  protected constructor(text: string) {
    this.fullText = text;
    this.pieces = this.cut(text, DOCUMENT_START, this.parse(text, DOCUMENT_START));
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
    // Checked against the document, before any piece is touched or an offset made local.
    checkTextEdit(edit, this.fullText.length);
    const pieces = this.pieces;
    // The pieces whose text or boundary the edit touches: an edit at a boundary touches both sides.
    let first = this.firstEndingAtOrAfter(edit.start);
    let last = Math.max(first, this.lastStartingAtOrBefore(edit.end));
    const oldText = (from: number, to: number) => pieces.slice(from, to + 1).map((piece) => piece.text).join("");
    const regionStart = pieces[first]!.start;
    let text = applyEdits(oldText(first, last), [{ start: edit.start - regionStart, end: edit.end - regionStart, newText: edit.newText }]);
    let parsed = this.parse(text, pieces[first]!.parsed.lines.base);
    let tookPrevious = false;
    for (;;) {
      if (first > 0 && this.needsPreviousPiece(parsed, pieces[first - 1]!)) {
        // One piece is enough unless the format's rules are surprised; then everything before.
        const from = tookPrevious ? 0 : first - 1;
        text = oldText(from, first - 1) + text;
        first = from;
        tookPrevious = true;
      } else if (last + 1 < pieces.length && (unclosedTemplateComment(text) >= 0 || this.needsNextPiece(parsed, pieces[last + 1]!))) {
        // Whatever stays open usually runs to the end of the file: the rest is taken in one go,
        // rather than piece after piece, each time parsing the region again.
        text += oldText(last + 1, pieces.length - 1);
        last = pieces.length - 1;
      } else break;
      parsed = this.parse(text, pieces[first]!.parsed.lines.base);
    }

    const replaced = pieces.slice(first, last + 1);
    const shift = edit.newText.length - (edit.end - edit.start);
    const lineShift = parsed.lines.lineCount - 1 - replaced.reduce((sum, piece) => sum + piece.parsed.lines.lineCount - 1, 0);
    for (let i = last + 1; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const base = piece.parsed.lines.base;
      piece.start += shift;
      piece.parsed.lines.moveTo({ offset: base.offset + shift, line: base.line + lineShift, column: 0 });
    }
    pieces.splice(first, last - first + 1, ...this.cut(text, parsed.lines.base, parsed));
    this.fullText = applyEdits(this.fullText, [edit]);
    this.current = undefined;
  }

  /** Cuts a parsed region where the format cuts a fresh document, parsing each new piece on its own. */
  private cut(text: string, base: Position, parsed: Parsed): Piece<Parsed>[] {
    const candidates = this.cuts(parsed, text).filter((at, i, all) => at > 0 && at < text.length && (i === 0 || at > all[i - 1]!));
    const cuts = keepTemplateCommentsWhole(text, candidates);
    if (cuts.length === 0) return [{ start: base.offset, text, parsed }];
    const pieces: Piece<Parsed>[] = [];
    let from = 0;
    for (const end of [...cuts, text.length]) {
      const pieceText = text.slice(from, end);
      const at: Position = { offset: base.offset + from, line: base.line + parsed.lines.lineOf(from), column: 0 };
      pieces.push({ start: at.offset, text: pieceText, parsed: this.parse(pieceText, at) });
      from = end;
    }
    return pieces;
  }

  /** Index of the first piece that ends at or after a document offset (the last piece if none does). */
  private firstEndingAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const piece = this.pieces[mid]!;
      if (piece.start + piece.text.length >= offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Index of the last piece that starts at or before a document offset. */
  private lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieces[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  protected abstract parse(text: string, base: Position): Parsed;

  /**
   * Offsets in `text` (the text of a parsed region, whose start is a cut already) where a fresh
   * document would start a piece, in increasing order; each is the start of a line.
   */
  protected abstract cuts(parsed: Parsed, text: string): number[];

  /** Whether a parsed region (that starts after `previous`) depends on what comes before it. */
  protected abstract needsPreviousPiece(parsed: Parsed, previous: Piece<Parsed>): boolean;

  /** Whether a parsed region (that `next` follows) depends on what comes after it. */
  protected abstract needsNextPiece(parsed: Parsed, next: Piece<Parsed>): boolean;

  protected abstract assemble(text: string, pieces: readonly Piece<Parsed>[]): Result;
}
