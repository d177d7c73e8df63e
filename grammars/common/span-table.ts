// Where the words of one parse are: their offsets and a few flags, three integers each in typed
// arrays that the scanner fills as it goes. A line or statement keeps the index of its first word and
// their number; the word objects are made from the table when first asked for. A parse so allocates
// a handful of arrays instead of an object and a string per word, which is most of what made large
// files slow: the garbage collector copied every word of the tree, since all of it stays alive.
//
// The table is kept in chunks of CHUNK entries, so that it grows without copying what it holds; only
// the first chunk starts small (a piece of a file may hold a few words) and doubles up to CHUNK.
import type { LineIndex } from "./text.js";

const STRIDE = 3;
const SHIFT = 12;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export class SpanTable {
  private readonly chunks: Int32Array[];
  /** The chunk being filled, and the next free slot in it. */
  private current: Int32Array;
  private at = 0;
  /** Number of entries. */
  length = 0;

  /**
   * `lines`: the index of the parsed text, which the nodes reach through their table (one field
   * fewer in each). `expected`: about how many entries the parse will make.
   */
  constructor(
    readonly lines: LineIndex,
    expected = 16,
  ) {
    this.current = new Int32Array(Math.min(CHUNK, Math.max(16, expected)) * STRIDE);
    this.chunks = [this.current];
  }

  push(start: number, end: number, flags: number): void {
    let at = this.at;
    if (at === this.current.length) at = this.grow();
    const chunk = this.current;
    chunk[at] = start;
    chunk[at + 1] = end;
    chunk[at + 2] = flags;
    this.at = at + STRIDE;
    this.length++;
  }

  start(index: number): number {
    return this.chunks[index >> SHIFT]![(index & MASK) * STRIDE]!;
  }

  end(index: number): number {
    return this.chunks[index >> SHIFT]![(index & MASK) * STRIDE + 1]!;
  }

  flags(index: number): number {
    return this.chunks[index >> SHIFT]![(index & MASK) * STRIDE + 2]!;
  }

  /** Makes room for the next entry; returns where it goes in `current`. */
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
