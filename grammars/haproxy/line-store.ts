// A parse's lines, held as integers until asked for. A line node is made the first time something
// asks for the line (a section's body, the preamble, a conditional block), so that parsing a large
// file allocates few objects; lines the parse itself needed as objects (with quotes or escapes to
// check, a condition, a directive, a section header) are made at once and kept. Either way a line
// has one node, and asking again gives the same one.
import type { SpanTable } from "../common/span-table.js";
import type { Line } from "./ast.js";
import { LineNode } from "./line.js";

const STRIDE = 6;
const SHIFT = 11;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/** A line's kind, as stored. */
export const EMPTY = 0;
export const STATEMENT = 1;
export const DIRECTIVE = 2;
const KINDS = ["empty", "statement", "directive"] as const;

export class LineStore {
  // Per line: start, end, first word, word count, comment start, (local line << 2) | kind.
  private readonly chunks: Int32Array[] = [];
  private current: Int32Array;
  private at = 0;
  /** The node of each line, once made. */
  private readonly nodes: (LineNode | undefined)[] = [];

  /** `table`: where the words are. `expected`: about how many lines the text has. */
  constructor(
    readonly table: SpanTable,
    expected: number,
  ) {
    this.current = new Int32Array(Math.min(CHUNK, Math.max(8, expected)) * STRIDE);
    this.chunks.push(this.current);
  }

  get length(): number {
    return this.nodes.length;
  }

  /** Records a line; `node` when the parse made it already. */
  push(start: number, end: number, firstWord: number, wordCount: number, commentStart: number, localLine: number, kind: number, node: LineNode | undefined): void {
    let at = this.at;
    if (at === this.current.length) at = this.grow();
    const chunk = this.current;
    chunk[at] = start;
    chunk[at + 1] = end;
    chunk[at + 2] = firstWord;
    chunk[at + 3] = wordCount;
    chunk[at + 4] = commentStart;
    chunk[at + 5] = (localLine << 2) | kind;
    this.at = at + STRIDE;
    this.nodes.push(node);
  }

  start(index: number): number {
    return this.field(index, 0);
  }

  end(index: number): number {
    return this.field(index, 1);
  }

  kind(index: number): number {
    return this.field(index, 5) & 3;
  }

  /** Offset of the line's first word (the keyword of a statement). */
  keywordStart(index: number): number {
    return this.table.start(this.field(index, 2));
  }

  /** The node of a line, made on first use. */
  line(index: number): Line {
    let node = this.nodes[index];
    if (node === undefined) {
      const localAndKind = this.field(index, 5);
      node = new LineNode(
        KINDS[localAndKind & 3]!,
        this.table,
        this.field(index, 0),
        this.field(index, 1),
        this.field(index, 2),
        this.field(index, 3),
        this.field(index, 4),
        localAndKind >> 2,
        undefined,
        undefined,
      );
      this.nodes[index] = node;
    }
    return node as unknown as Line;
  }

  /** The nodes of lines [from, to). */
  lines(from: number, to: number): Line[] {
    const out: Line[] = [];
    for (let index = from; index < to; index++) out.push(this.line(index));
    return out;
  }

  private field(index: number, offset: number): number {
    return this.chunks[index >> SHIFT]![(index & MASK) * STRIDE + offset]!;
  }

  /** Makes room for the next line; returns where it goes in `current`. */
  private grow(): number {
    const full = this.current;
    if (full.length < CHUNK * STRIDE) {
      // The first chunk doubles until it is a whole chunk.
      const grown = new Int32Array(Math.min(CHUNK * STRIDE, full.length * 2));
      grown.set(full);
      this.chunks[0] = this.current = grown;
      return full.length;
    }
    this.current = new Int32Array(CHUNK * STRIDE);
    this.chunks.push(this.current);
    return 0;
  }
}
