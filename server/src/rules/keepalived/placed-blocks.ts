// How the keepalived model places a block: one plain object per block, which also stands for the
// block's header among the keyword statements, with its children listed once its content is placed.
import type { Block } from "../../../../grammars/keepalived/ast.js";
import type { PlacedBlock, PlacedStatement } from "./model.js";

/** Shared by the blocks with no statements or no sub-blocks; frozen, as rules only read the lists. */
const EMPTY_STATEMENTS: PlacedStatement[] = Object.freeze([]) as unknown as PlacedStatement[];
const EMPTY_BLOCKS: PlacedBlock[] = Object.freeze([]) as unknown as PlacedBlock[];

/**
 * The items of `all[from, to)` placed directly in `block`, in an array made at its size: a pushed
 * array keeps room to grow (128 bytes for the first element), and a large file has tens of
 * thousands of blocks whose lists live as long as the lint.
 */
function placedWithin<T extends { readonly within: PlacedBlock | undefined }>(all: readonly T[], from: number, to: number, block: PlacedBlock, none: T[]): T[] {
  let count = 0;
  for (let i = from; i < to; i++) if (all[i]!.within === block) count++;
  if (count === 0) return none;
  const found = new Array<T>(count);
  for (let i = from, at = 0; at < count; i++) if (all[i]!.within === block) found[at++] = all[i]!;
  return found;
}

/**
 * A placed block, as the model makes it: a plain object literal, whose objects V8 allocates in the
 * old generation once it sees them survive (an allocation site is "pretenured"; it never does so
 * for `new` of a class), so that the scavenger does not copy the tens of thousands of them that
 * live as long as the lint. Its children are the statements and blocks placed within it, which
 * stand between its place and its end in the model's lists (the model reads a block's content,
 * included files too, before what follows the block); they are listed once its content is placed.
 * It also stands for its header among the keyword statements (`asHeaderLine`): one object per block
 * is less for the garbage collector than two.
 */
export interface BlockPlace extends PlacedBlock {
  statements: PlacedStatement[];
  blocks: PlacedBlock[];
  /**
   * As a keyword statement (see `keywordStatements`): its header, which stands in `parentId`, and
   * the block it opens. Fields rather than getters: the rules that read every keyword line read
   * them for each block.
   */
  readonly blockId: string;
  readonly opens: Block;
  /** Where its content starts in the model's lists of statements and of blocks. */
  readonly statementsFrom: number;
  readonly blocksFrom: number;
}

export function placeBlock(
  /** The statements that are not prefix-only, in reading order. */
  allStatements: readonly PlacedStatement[],
  allBlocks: readonly PlacedBlock[],
  block: Block,
  keyword: string | undefined,
  uri: string,
  parentId: string,
  id: string | undefined,
  order: number,
  within: PlacedBlock | undefined,
): BlockPlace {
  return {
    block,
    statement: block.header,
    keyword,
    uri,
    parentId,
    blockId: parentId,
    parent: within?.block,
    id,
    order,
    within,
    opens: block,
    statements: EMPTY_STATEMENTS,
    blocks: EMPTY_BLOCKS,
    statementsFrom: allStatements.length,
    // The block itself comes next in its list.
    blocksFrom: allBlocks.length + 1,
  };
}

/** Lists a block's children, once its content is placed. */
export function endBlock(placed: BlockPlace, allStatements: readonly PlacedStatement[], allBlocks: readonly PlacedBlock[]): void {
  placed.statements = placedWithin(allStatements, placed.statementsFrom, allStatements.length, placed, EMPTY_STATEMENTS);
  placed.blocks = placedWithin(allBlocks, placed.blocksFrom, allBlocks.length, placed, EMPTY_BLOCKS);
}

/** A block as its header's keyword statement; only for a block whose header has a keyword. */
export function asHeaderLine(placed: BlockPlace): PlacedStatement {
  // It has every field of a PlacedStatement; its `keyword` is a string once the header has one.
  if (placed.keyword === undefined) throw new Error("a block without a keyword has no header line");
  return placed as unknown as PlacedStatement;
}
