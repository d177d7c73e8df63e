// The keepalived model's first walk, which places every statement and block (see model.ts). It reads
// the configuration as the model's generic `walk` does (includes followed where they stand, lines
// after an ignored '{' read one level up), but with the placing written in: a large file has
// 165,000 items, and a call through a generic visitor with eight arguments per item, plus a closure
// per block to visit its items, cost more than the placing itself (cold, in the interpreter and
// baseline code, which is where a single `lblint` run does most of this walk).
import type { Block, KeepalivedItem, Statement } from "../../../../grammars/keepalived/ast.js";
import { childBlockId } from "../../facts/keepalived.js";
import type { KeepalivedFileInput, PlacedBlock, PlacedOther, PlacedStatement } from "./model.js";
import { endBlock, placeBlock } from "./placed-blocks.js";

/**
 * A statement that is a `$NAME=value` definition: one behind an `@id` or `~SEQ` prefix, which the
 * grammar reads as a statement (keepalived strips the prefix, then reads the definition).
 */
export const DEFINITION_STATEMENT = /^\$([A-Za-z_][A-Za-z0-9_]*)=/;

const TOP = "top";

/** What the walk fills: the model's lists. */
export interface Placed {
  readonly statements: PlacedStatement[];
  /** The statements that are not prefix-only (nor `@id $NAME=value` definitions), in reading order. */
  readonly keywordLines: PlacedStatement[];
  readonly blocks: PlacedBlock[];
  readonly others: PlacedOther[];
  readonly closedAtTop: { readonly block: Block; readonly uri: string; readonly ignored: boolean }[];
  readonly unresolvedIncludes: Set<Statement>;
  /** Every keyword of a placed statement or block (prefix-only lines' words too), one string each. */
  readonly keywords: Map<string, string>;
}

/** Places every item of `files` into `into`, in the order keepalived reads them. */
export function placeAll(
  files: readonly KeepalivedFileInput[],
  includeTargets: ReadonlyMap<Statement, readonly string[]>,
  includeResolved: (statement: Statement) => boolean,
  into: Placed,
): void {
  new Placer(files, includeTargets, includeResolved, into).run();
}

class Placer {
  private readonly byUri: Map<string, KeepalivedFileInput>;
  private readonly visited = new Set<string>();
  private order = 0;
  /** The blocks keepalived has open where it reads, innermost last (see the model's `walk`). */
  private levels: string[] = [TOP];
  /** Where the items being read are: their file and the placed block they stand in. */
  private uri = "";
  private parent: PlacedBlock | undefined = undefined;
  /** The id a keyword opens in a block, looked up in the tables once per block id and keyword. */
  private readonly ids = new Map<string, Map<string, string | undefined>>();
  /** Visits one item of the block being read: one closure for the whole walk, not one per block. */
  private readonly stepItem = (item: KeepalivedItem): void => this.step(item);

  constructor(
    private readonly files: readonly KeepalivedFileInput[],
    private readonly includeTargets: ReadonlyMap<Statement, readonly string[]>,
    private readonly includeResolved: (statement: Statement) => boolean,
    private readonly into: Placed,
  ) {
    this.byUri = new Map(files.map((file) => [file.uri, file]));
  }

  run(): void {
    const first = this.files[0];
    if (first) {
      this.visited.add(first.uri);
      this.readFile(first.uri, first.parse.ast.items, undefined);
    }
    // Files nobody includes (given on their own) are read as top-level configurations too.
    for (const file of this.files) {
      if (this.visited.has(file.uri)) continue;
      this.visited.add(file.uri);
      this.levels = [TOP];
      this.readFile(file.uri, file.parse.ast.items, undefined);
    }
  }

  private readFile(uri: string, items: readonly KeepalivedItem[], parent: PlacedBlock | undefined): void {
    const outerUri = this.uri;
    const outerParent = this.parent;
    this.uri = uri;
    this.parent = parent;
    for (let i = 0; i < items.length; i++) this.step(items[i]!);
    this.uri = outerUri;
    this.parent = outerParent;
  }

  /** One string per keyword: the statements of a large file share a few dozen, whose hashes the rules' maps then compute once. */
  private intern(read: string): string {
    const keywords = this.into.keywords;
    const keyword = keywords.get(read);
    if (keyword !== undefined) return keyword;
    keywords.set(read, read);
    return read;
  }

  private openedId(blockId: string, keyword: string): string | undefined {
    let inBlock = this.ids.get(blockId);
    if (!inBlock) this.ids.set(blockId, (inBlock = new Map()));
    let id = inBlock.get(keyword);
    if (id === undefined && !inBlock.has(keyword)) inBlock.set(keyword, (id = childBlockId(blockId, keyword)));
    return id;
  }

  private step(item: KeepalivedItem): void {
    const levels = this.levels;
    const blockId = levels[levels.length - 1]!;
    const into = this.into;
    if (item.kind === "statement") {
      const keyword = this.intern(item.wordValue(0)!);
      const parent = this.parent;
      const placed: PlacedStatement = { statement: item, keyword, uri: this.uri, blockId, parent: parent?.block, order: this.order++, within: parent };
      into.statements.push(placed);
      // `@id $NAME=value` is a definition that only some hosts read, no keyword line.
      if (item.prefixOnly || (keyword.charCodeAt(0) === 36 /* $ */ && DEFINITION_STATEMENT.test(keyword))) return;
      into.keywordLines.push(placed);
      if (keyword === "include") this.include(item);
      return;
    }
    if (item.kind === "block") {
      this.block(item, blockId);
      return;
    }
    into.others.push({ item, uri: this.uri, blockId, order: this.order++ });
  }

  private block(item: Block, blockId: string): void {
    const into = this.into;
    const header = item.header;
    const keyword = header && !header.prefixOnly ? this.intern(header.wordValue(0)!) : undefined;
    const id = keyword === undefined ? undefined : this.openedId(blockId, keyword);
    const outerParent = this.parent;
    const placed = placeBlock(into.keywordLines, into.blocks, item, keyword, this.uri, blockId, id, this.order++, outerParent);
    into.blocks.push(placed);
    const levels = this.levels;
    if (id !== undefined) levels.push(id);
    this.parent = placed;
    item.forEachItem(this.stepItem);
    this.parent = outerParent;
    if (levels.length > 1) levels.pop();
    else if (item.close) into.closedAtTop.push({ block: item, uri: this.uri, ignored: id === undefined });
    endBlock(placed, into.keywordLines, into.blocks);
  }

  /** Follows an include where it stands (each file once); notes one whose files are not all known. */
  private include(statement: Statement): void {
    if (!this.includeResolved(statement)) this.into.unresolvedIncludes.add(statement);
    for (const target of this.includeTargets.get(statement) ?? []) {
      const file = this.byUri.get(target);
      if (!file || this.visited.has(target)) continue;
      this.visited.add(target);
      this.readFile(target, file.parse.ast.items, this.parent);
    }
  }
}
