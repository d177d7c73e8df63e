// Positions in source text: offsets are UTF-16 code units (JavaScript string indexes), lines and
// columns are 0-based and count UTF-16 code units too, exactly like LSP positions, so a range goes
// to an editor without conversion. The CLI adds 1 when it prints.

export interface Position {
  /** UTF-16 offset from the start of the document. */
  readonly offset: number;
  /** 0-based line. */
  readonly line: number;
  /** 0-based column, in UTF-16 code units. */
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Maps offsets to lines and columns with a binary search over line starts. Line breaks are counted
 * as LSP counts them (`\r\n`, `\n` and a lone `\r`), whatever the configuration language thinks of
 * a lone `\r`, so that positions agree with every editor.
 */
export class LineIndex {
  readonly text: string;
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 0-based line (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

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

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { offset: clamped, line, column: clamped - this.starts[line]! };
  }

  /** Offset of a 0-based line and column, clamped to that line. */
  offsetAt(line: number, column: number): number {
    if (line >= this.starts.length) return this.text.length;
    const start = this.lineStart(line);
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, column), next);
  }

  range(start: number, end: number): SourceSpan {
    return new SourceSpan(this, start, end);
  }
}

/**
 * The range of a node or token. It stores two offsets and computes lines and columns on demand,
 * which keeps large trees small and lets an incremental re-parse shift a subtree by changing offsets.
 */
export class SourceSpan implements Range {
  constructor(
    readonly lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {}

  get start(): Position {
    return this.lines.position(this.startOffset);
  }

  get end(): Position {
    return this.lines.position(this.endOffset);
  }

  get text(): string {
    return this.lines.text.slice(this.startOffset, this.endOffset);
  }

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

export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.column },
    end: { line: range.end.line, character: range.end.column },
  };
}
