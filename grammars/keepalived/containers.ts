// The file and its blocks keep their items; the trivia between the items (spaces, comments, line
// breaks) are found again in the gaps when first asked for. A gap holds nothing else, since every
// other token belongs to an item, so re-reading it with the trivia rules gives back what was there.
import type { LineIndex, SourceSpan } from "../common/text.js";
import type { AlternativeHeader, Block, Brace, KeepalivedChild, KeepalivedConfig, KeepalivedItem, Statement, Trivia } from "./ast.js";
import type { ItemStore } from "./item-store.js";
import { BraceNode, TriviaNode, type StatementNode } from "./nodes.js";

const LF = 10;
const CR = 13;

/** The spaces, comments and line breaks in [start, end), which holds nothing else. */
export function triviaIn(lines: LineIndex, start: number, end: number): Trivia[] {
  const text = lines.text;
  const found: Trivia[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const from = i;
    let kind: Trivia["kind"];
    if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) {
      kind = "newline";
      i += c === LF ? 1 : 2;
    } else if (c === 35 /* # */ || c === 33 /* ! */ || c === 92 /* \ */) {
      // A backslash in a gap can only be the start of a `\#` or `\!` comment (scanner.ts).
      kind = "comment";
      while (i < end && text.charCodeAt(i) !== LF && !(text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF)) i++;
    } else {
      kind = "whitespace";
      i++;
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d === LF || d === 35 || d === 33 || d === 92 || (d === CR && text.charCodeAt(i + 1) === LF)) break;
        i++;
      }
    }
    found.push(new TriviaNode(kind, text.slice(from, i), from, lines));
  }
  return found;
}

/**
 * Items and the trivia in the gaps around them, from `start` to `end` (offsets in `lines.text`).
 * Items are placed by document offset, so that they may come from pieces with other line indexes.
 */
function interleave(lines: LineIndex, items: readonly KeepalivedItem[], start: number, end: number): KeepalivedChild[] {
  const children: KeepalivedChild[] = [];
  const base = lines.base.offset;
  let cursor = start;
  // One push per child: spreading a gap's trivia as arguments overflows the stack on long gaps.
  const addTrivia = (to: number) => {
    for (const trivia of triviaIn(lines, cursor, to)) children.push(trivia);
  };
  for (const item of items) {
    addTrivia(item.range.startOffset - base);
    children.push(item);
    cursor = item.range.endOffset - base;
  }
  addTrivia(end);
  return children;
}

export class ConfigNode implements KeepalivedConfig {
  readonly kind = "config" as const;
  readonly format = "keepalived" as const;
  private itemList: readonly KeepalivedItem[] | undefined;
  private readonly store: ItemStore | undefined;
  private allChildren: KeepalivedChild[] | undefined = undefined;

  /** `items`: the items, or the store whose entries they are (made on first use). */
  constructor(
    items: readonly KeepalivedItem[] | ItemStore,
    readonly range: SourceSpan,
  ) {
    this.itemList = Array.isArray(items) ? items : undefined;
    this.store = Array.isArray(items) ? undefined : (items as ItemStore);
  }

  get items(): readonly KeepalivedItem[] {
    this.itemList ??= this.store!.items(0, this.store!.length);
    return this.itemList;
  }

  get children(): readonly KeepalivedChild[] {
    this.allChildren ??= interleave(this.range.lines, this.items, 0, this.range.lines.text.length);
    return this.allChildren;
  }
}

/** What a block makes on first use. */
interface Made {
  items?: readonly KeepalivedItem[];
  open?: Brace;
  close?: Brace;
  span?: SourceSpan;
  children?: KeepalivedChild[];
}

/**
 * Every field from the start, in one order: the blocks' `made` objects then share one shape,
 * which keeps reading them fast.
 */
function newMade(): Made {
  return { items: undefined, open: undefined, close: undefined, span: undefined, children: undefined };
}

/**
 * A block: entry `index` of the store (see item-store.ts). Its header, items, braces and range are
 * made on first use: a large file has tens of thousands of blocks, and a parse only needs offsets.
 */
export class BlockNode implements Block {
  readonly kind = "block" as const;
  private made: Made | undefined = undefined;

  constructor(
    private readonly store: ItemStore,
    private readonly index: number,
  ) {}

  get header(): Statement | undefined {
    return this.store.header(this.index);
  }

  get alternatives(): readonly AlternativeHeader[] {
    return this.store.alternatives(this.index);
  }

  get items(): readonly KeepalivedItem[] {
    const made = (this.made ??= newMade());
    // The items follow the block's entry and its header's.
    made.items ??= this.store.items(this.index + 2, this.store.field(this.index, 1));
    return made.items;
  }

  /**
   * Each item in order, read from the store when the list is not made yet: a walk over a large
   * tree (lint's model) then makes no list per block, which would live as long as the tree.
   */
  forEachItem(visit: (item: KeepalivedItem) => void): void {
    const made = this.made?.items;
    if (made) {
      for (let i = 0; i < made.length; i++) visit(made[i]!);
      return;
    }
    this.store.forEachItem(this.index + 2, this.store.field(this.index, 1), visit);
  }

  /** Offset of the `{` in the piece's text. */
  get openAt(): number {
    return this.store.field(this.index, 2);
  }

  /** Offset of the `}`, or -1 when the file ends first. */
  get closeAt(): number {
    return this.store.field(this.index, 3);
  }

  get open(): Brace {
    const made = (this.made ??= newMade());
    made.open ??= new BraceNode("open-brace", this.openAt, this.lines);
    return made.open;
  }

  get close(): Brace | undefined {
    if (this.closeAt < 0) return undefined;
    const made = (this.made ??= newMade());
    made.close ??= new BraceNode("close-brace", this.closeAt, this.lines);
    return made.close;
  }

  /** From the header (or the `{`) to the `}`; a block that is never closed runs to the end of the text. */
  get range(): SourceSpan {
    const made = (this.made ??= newMade());
    const header = this.header as StatementNode | undefined;
    made.span ??= this.lines.range(header ? header.localStart : this.openAt, this.end);
    return made.span;
  }

  get beforeOpen(): readonly Trivia[] {
    const header = this.header as StatementNode | undefined;
    return header ? triviaIn(this.lines, header.localEnd, this.openAt) : [];
  }

  get children(): readonly KeepalivedChild[] {
    const made = (this.made ??= newMade());
    made.children ??= interleave(this.lines, this.items, this.openAt + 1, this.closeAt >= 0 ? this.closeAt : this.end);
    return made.children;
  }

  toJSON(): object {
    const { kind, header, open, items, close, range } = this;
    return { kind, header, open, items, close, range };
  }

  private get lines(): LineIndex {
    return this.store.table.lines;
  }

  private get end(): number {
    const close = this.closeAt;
    return close >= 0 ? close + 1 : this.lines.text.length;
  }
}
