// Where the words of one parse are: their offsets and a few flags, three integers each in one typed
// array that grows as the scanner goes. A line or statement keeps the index of its first word and
// their number; the word objects are made from the table when first asked for. A parse so allocates
// a handful of arrays instead of an object and a string per word, which is most of what made large
// files slow (the garbage collector copied every word of the tree, since all of it stays alive).

const STRIDE = 3;

export class SpanTable {
  private data: Int32Array;
  /** Number of entries. */
  length = 0;

  constructor(expected = 16) {
    this.data = new Int32Array(Math.max(16, expected) * STRIDE);
  }

  push(start: number, end: number, flags: number): void {
    const at = this.length * STRIDE;
    if (at + STRIDE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = flags;
    this.length++;
  }

  start(index: number): number {
    return this.data[index * STRIDE]!;
  }

  end(index: number): number {
    return this.data[index * STRIDE + 1]!;
  }

  flags(index: number): number {
    return this.data[index * STRIDE + 2]!;
  }

  /** Gives back the room a parse did not use, once it is over (the table lives as long as the tree). */
  trim(): void {
    const used = this.length * STRIDE;
    if (this.data.length - used > 64) this.data = this.data.slice(0, used);
  }
}
