// Positions in source text: offsets are UTF-16 code units (JavaScript string indexes), lines and
// columns are 0-based and count UTF-16 code units too, exactly like LSP positions, so a range goes
// to an editor without conversion. The CLI adds 1 when it prints.
//
// A LineIndex covers one piece of a document: the whole file, or one haproxy section or keepalived
// top-level block parsed on its own. Nodes store offsets local to their piece; the piece's `base`
// says where it starts in the document. Moving a piece after an edit elsewhere changes its base
// once, and every range in it follows, which is what lets an editor re-parse only what changed.

/** A place in a document: UTF-16 offset, 0-based line and 0-based UTF-16 column (as in LSP). */
export interface Position {
  /** UTF-16 offset from the start of the document. */
  readonly offset: number;
  /** 0-based line. */
  readonly line: number;
  /** 0-based column, in UTF-16 code units. */
  readonly column: number;
}

/** From `start` (included) to `end` (excluded). */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

const DOCUMENT_START: Position = { offset: 0, line: 0, column: 0 };

/**
 * Maps offsets to lines and columns with a binary search over line starts. Line breaks are counted
 * as LSP counts them (`\r\n`, `\n` and a lone `\r`), whatever the configuration language thinks of
 * a lone `\r`, so that positions agree with every editor.
 */
export class LineIndex {
  /** The text of this piece. */
  readonly text: string;
  /** Where the piece starts in the document. */
  base: Position;
  /** Where each line starts, 4 bytes a line (the garbage collector does not look into it). */
  private readonly starts: Int32Array;

  /** `starts`, when the line starts are already known (see `joined`), saves reading the text. */
  constructor(text: string, base: Position = DOCUMENT_START, starts?: Int32Array) {
    this.text = text;
    this.base = base;
    this.starts = starts ?? LineIndex.findStarts(text);
  }

  /**
   * The index of a document held as consecutive pieces, made from the pieces' own indexes (whose
   * bases are where they start) without reading the text again. Every piece but the last ends
   * with a line break, so that the pieces' line starts are the document's.
   */
  static joined(text: string, pieces: readonly LineIndex[]): LineIndex {
    let total = 0;
    for (const piece of pieces) total += piece.starts.length;
    const starts = new Int32Array(total);
    let count = 0;
    for (const piece of pieces) {
      const offset = piece.base.offset;
      for (const start of piece.starts) {
        // A piece's end is where the next one starts: that line start is counted once.
        const at = offset + start;
        if (count === 0 || at > starts[count - 1]!) starts[count++] = at;
      }
    }
    return new LineIndex(text, DOCUMENT_START, starts.slice(0, count));
  }

  private static findStarts(text: string): Int32Array {
    // Most files have no carriage return: then the line feeds are all there is to find, and they are
    // counted first, so that the array is made once at its size.
    if (text.indexOf("\r") < 0) {
      let count = 1;
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
      const starts = new Int32Array(count);
      let line = 1;
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts[line++] = at + 1;
      return starts;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return Int32Array.from(starts);
  }

  /** Moves the piece: every range made from this index follows. */
  moveTo(base: Position): void {
    this.base = base;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Local offset of the first character of a local 0-based line (clamped to the piece). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  /** The local line (0 = the piece's first line) that holds a local offset. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * lineOf for offsets asked in increasing order: the search starts at `from`, a line known to start
   * at or before `offset`, and walks forward, so that a parse finds the line of each of its lines in
   * constant time.
   */
  lineFrom(offset: number, from: number): number {
    const starts = this.starts;
    let line = from;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line;
  }

  /** The document position of a local offset. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const column = clamped - this.starts[line]! + (line === 0 ? this.base.column : 0);
    return { offset: this.base.offset + clamped, line: this.base.line + line, column };
  }

  /** The local offset of a document line and column, clamped to that line and to the piece. */
  offsetAt(line: number, column: number): number {
    const local = line - this.base.line;
    if (local < 0) return 0;
    if (local >= this.starts.length) return this.text.length;
    const start = this.lineStart(local);
    const next = local + 1 < this.starts.length ? this.starts[local + 1]! : this.text.length;
    return Math.min(start + Math.max(0, column - (local === 0 ? this.base.column : 0)), next);
  }

  /** A range between two local offsets. */
  range(start: number, end: number): SourceSpan {
    return new SourceSpan(this, start, end);
  }
}

/**
 * The range of a node or token. It stores two offsets local to its LineIndex and computes document
 * offsets, lines and columns on demand, which keeps large trees small and lets a piece move.
 */
export class SourceSpan implements Range {
  constructor(
    readonly lines: LineIndex,
    /** Offset in `lines.text`: for the grammars' own use. */
    readonly localStart: number,
    readonly localEnd: number,
  ) {}

  /** Document offset of the start. */
  get startOffset(): number {
    return this.lines.base.offset + this.localStart;
  }

  /** Document offset just after the end. */
  get endOffset(): number {
    return this.lines.base.offset + this.localEnd;
  }

  get start(): Position {
    return this.lines.position(this.localStart);
  }

  get end(): Position {
    return this.lines.position(this.localEnd);
  }

  get text(): string {
    return this.lines.text.slice(this.localStart, this.localEnd);
  }

  /** Whether a document offset falls inside the range (its end included). */
  contains(offset: number): boolean {
    return offset >= this.startOffset && offset <= this.endOffset;
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** An LSP-shaped range (`character` instead of `column`). */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The LSP form of a range, for a language client. */
export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.column },
    end: { line: range.end.line, character: range.end.column },
  };
}
