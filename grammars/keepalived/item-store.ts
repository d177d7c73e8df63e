// A parse's items, held as integers until asked for. Reading a file records each item as an entry of
// four integers, in document order, a block's items right after it; the objects (statements, blocks,
// definitions, stray braces) are made the first time something asks for the items that hold them
// (the file's, or a block's), so that parsing a large file allocates few objects. An item has one
// object, and asking again gives the same one.
//
// Entries, by kind (the first integer, with flags above the kind):
//   STATEMENT   kind | SHARES_LINE, first word, word count, local line   (words in the SpanTable)
//   BLOCK       kind, index after its last item, offset of `{`, offset of `}` or -1
//               then one entry for its header: a STATEMENT, or NO_HEADER; then its items
//   DEFINITION  kind, start, end
//   STRAY       kind | DEEP | OPEN_BRACE, offset
//   ALTERNATIVE kind | SHARES_LINE, first word, word count, local line   (an alternative block header:
//               its words in the SpanTable, then one more entry there for its `{`)
import type { SpanTable } from "../common/span-table.js";
import type { AlternativeHeader, Block, KeepalivedItem, Statement } from "./ast.js";
import { BlockNode } from "./containers.js";
import { BraceNode, makeDefinition, StatementNode } from "./nodes.js";

const NO_ALTERNATIVES: readonly AlternativeHeader[] = [];
const STRIDE = 4;
const SHIFT = 12;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

export const NO_HEADER = 0;
export const STATEMENT = 1;
export const BLOCK = 2;
export const DEFINITION = 3;
export const STRAY = 4;
export const ALTERNATIVE = 5;
const KIND = 7;
/** Flags of the first integer. */
export const SHARES_LINE = 8;
export const DEEP = 16;
export const OPEN_BRACE = 32;

export class ItemStore {
  private readonly chunks: Int32Array[] = [];
  private current: Int32Array;
  private at = 0;
  /** The object of each entry, once made. */
  private readonly nodes: (KeepalivedItem | undefined)[] = [];

  /** `table`: where the words are. `expected`: about how many entries the parse will make. */
  constructor(
    readonly table: SpanTable,
    expected: number,
  ) {
    this.current = new Int32Array(Math.min(CHUNK, Math.max(8, expected)) * STRIDE);
    this.chunks.push(this.current);
  }

  /** Number of entries. */
  get length(): number {
    return this.nodes.length;
  }

  /** Records an entry; returns its index. */
  push(first: number, second: number, third: number, fourth: number): number {
    let at = this.at;
    if (at === this.current.length) at = this.grow();
    const chunk = this.current;
    chunk[at] = first;
    chunk[at + 1] = second;
    chunk[at + 2] = third;
    chunk[at + 3] = fourth;
    this.at = at + STRIDE;
    this.nodes.push(undefined);
    return this.nodes.length - 1;
  }

  /** Changes one integer of an entry (a block's end and `}` are known once its items are read). */
  set(index: number, field: number, value: number): void {
    this.chunks[index >> SHIFT]![(index & MASK) * STRIDE + field] = value;
  }

  field(index: number, field: number): number {
    return this.chunks[index >> SHIFT]![(index & MASK) * STRIDE + field]!;
  }

  /** The items of entries [from, to): a block's items are skipped over, they are its own. */
  items(from: number, to: number): KeepalivedItem[] {
    // Counted first, so that the array is made at its size: a pushed array keeps room to grow,
    // which every block's items would hold for as long as the tree lives.
    let count = 0;
    for (let index = from; index < to; count++) index = this.next(index);
    const items = new Array<KeepalivedItem>(count);
    for (let index = from, at = 0; index < to; at++) {
      items[at] = this.item(index);
      index = this.next(index);
    }
    return items;
  }

  /** Calls `visit` with the items of entries [from, to), in order (a block's items are skipped over). */
  forEachItem(from: number, to: number, visit: (item: KeepalivedItem) => void): void {
    for (let index = from; index < to; index = this.next(index)) visit(this.item(index));
  }

  /** The entry after `index` in the same block (a block's items are skipped over). */
  private next(index: number): number {
    return (this.field(index, 0) & KIND) === BLOCK ? this.field(index, 1) : index + 1;
  }

  /** The object of an entry, made on first use. */
  item(index: number): KeepalivedItem {
    let node = this.nodes[index];
    if (node === undefined) {
      node = this.make(index);
      this.nodes[index] = node;
    }
    return node;
  }

  /** The alternative headers at the start of the block at `index` (see AlternativeHeader). */
  alternatives(index: number): readonly AlternativeHeader[] {
    const end = this.field(index, 1);
    let at = index + 2;
    // Most blocks have none: no list is made for them.
    if (at >= end || (this.field(at, 0) & KIND) !== ALTERNATIVE) return NO_ALTERNATIVES;
    const found: AlternativeHeader[] = [];
    for (; at < end && (this.field(at, 0) & KIND) === ALTERNATIVE; at++) found.push(this.item(at) as AlternativeHeader);
    return found;
  }

  /** The header of the block at `index`, if it has one. */
  header(index: number): Statement | undefined {
    return (this.field(index + 1, 0) & KIND) === STATEMENT ? (this.item(index + 1) as Statement) : undefined;
  }

  private make(index: number): KeepalivedItem {
    const flags = this.field(index, 0);
    const lines = this.table.lines;
    switch (flags & KIND) {
      case STATEMENT: {
        const statement = new StatementNode(this.table, this.field(index, 1), this.field(index, 2), this.field(index, 3));
        statement.sharesLine = (flags & SHARES_LINE) !== 0;
        return statement;
      }
      case BLOCK:
        return new BlockNode(this, index) as Block;
      case DEFINITION:
        return makeDefinition(lines, this.field(index, 1), this.field(index, 2));
      case ALTERNATIVE: {
        const first = this.field(index, 1);
        const count = this.field(index, 2);
        const header = new StatementNode(this.table, first, count, this.field(index, 3));
        header.sharesLine = (flags & SHARES_LINE) !== 0;
        const at = this.table.start(first + count);
        const open = new BraceNode("open-brace", at, lines);
        return { kind: "alternative-header", header, open, range: lines.range(header.localStart, at + 1) };
      }
      default: {
        const brace = new BraceNode((flags & OPEN_BRACE) !== 0 ? "open-brace" : "close-brace", this.field(index, 1), lines);
        return { kind: "stray-brace", brace, deep: (flags & DEEP) !== 0, range: brace.range };
      }
    }
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
