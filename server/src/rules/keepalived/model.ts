// The per-configuration model every keepalived rule reads: each statement and block with the id of
// the block it stands in (`top`, `vrrp_instance`, `virtual_server>real_server`, …), following
// `include`s into the files they pull in, and the definitions of every named block. Built once per
// lint run; rules never walk the text themselves.
import type { Block, Definition, KeepalivedItem, Statement, StrayBrace } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedParseResult } from "../../../../grammars/keepalived/parse.js";
import type { KeepalivedVersion } from "../../facts/types.js";
import type { IncludeLink } from "../../workspace/loader.js";
import { childBlockId } from "../../facts/keepalived.js";

export interface KeepalivedFileInput {
  readonly uri: string;
  readonly parse: KeepalivedParseResult;
}

/** A statement with the file it is in and the block it stands in. */
export interface PlacedStatement {
  readonly statement: Statement;
  readonly uri: string;
  /** Id of the block the statement stands in. */
  readonly blockId: string;
  /** The block it stands in (undefined at the top level of a file). */
  readonly parent: Block | undefined;
}

/** A block with the file it is in and the block it stands in. */
export interface PlacedBlock {
  readonly block: Block;
  readonly uri: string;
  /** Id of the block this one stands in. */
  readonly parentId: string;
  readonly parent: Block | undefined;
  /**
   * Id of this block (what its keyword opens), or undefined for a bare `{` or a keyword that opens
   * none. keepalived ignores such a `{` and reads what follows in the enclosing block, where the
   * next `}` closes that block: nothing inside is checked, so one mistake gives one finding.
   */
  readonly id: string | undefined;
}

export interface PlacedOther {
  readonly item: Definition | StrayBrace;
  readonly uri: string;
  readonly blockId: string;
}

/** One item in the order keepalived reads it: includes followed where they stand. */
export interface ReadStep {
  readonly item: KeepalivedItem;
  readonly uri: string;
  readonly blockId: string;
  /** The file this reading started from: the root, or a file nobody includes, read on its own. */
  readonly root: string;
}

export const TOP = "top";

/** What keepalived rules read: one parsed configuration and its includes, indexed once for all rules. */
export class KeepalivedModel {
  readonly files: readonly KeepalivedFileInput[];
  readonly version: KeepalivedVersion;
  readonly statements: PlacedStatement[] = [];
  readonly blocks: PlacedBlock[] = [];
  readonly others: PlacedOther[] = [];
  /** Every statement, block, definition and stray brace in the order keepalived reads them. */
  readonly reading: ReadStep[] = [];
  /**
   * `include` statements whose files were not followed (linting one file on its own): what they
   * define or open is unknown, so rules that look for something missing stay quiet after them.
   */
  readonly unresolvedIncludes = new Set<Statement>();
  private readonly blockInfo = new Map<Block, PlacedBlock>();
  private named: Map<string, Map<string, PlacedBlock[]>> | undefined;
  private order: Map<KeepalivedItem, number> | undefined;
  private children: { statements: Map<Block, PlacedStatement[]>; blocks: Map<Block, PlacedBlock[]> } | undefined;

  constructor(files: readonly KeepalivedFileInput[], includes: readonly IncludeLink[], version: KeepalivedVersion) {
    this.files = files;
    this.version = version;
    const byUri = new Map(files.map((file) => [file.uri, file]));
    const includeTargets = new Map<Statement, readonly string[]>(includes.map((link) => [link.statement, link.targets]));
    // An include is known when the loader followed it and read every file it matched; a computed
    // path (`include ${DIR}/x.conf`, a template) matches nothing lblint can see.
    const includeResolved = (statement: Statement) => {
      const targets = includeTargets.get(statement);
      if (targets === undefined) return false;
      if (statement.args.some((word) => word.variables.length > 0 || /\{\{|\{%/.test(word.value))) return false;
      return targets.every((target) => byUri.has(target));
    };
    const visited = new Set<string>();
    let root = "";
    const visit = (uri: string, items: readonly KeepalivedItem[], blockId: string, parent: Block | undefined) => {
      for (const item of items) {
        this.reading.push({ item, uri, blockId, root });
        if (item.kind === "statement") {
          this.statements.push({ statement: item, uri, blockId, parent });
          const targets = item.keyword.value === "include" ? includeTargets.get(item) : undefined;
          if (item.keyword.value === "include" && !item.prefixOnly && !includeResolved(item)) this.unresolvedIncludes.add(item);
          for (const target of targets ?? []) {
            const file = byUri.get(target);
            if (!file || visited.has(target)) continue;
            visited.add(target);
            visit(target, file.parse.ast.items, blockId, parent);
          }
        } else if (item.kind === "block") {
          const keyword = item.header && !item.header.prefixOnly ? item.header.keyword.value : undefined;
          const id = keyword === undefined ? undefined : childBlockId(blockId, keyword);
          const placed: PlacedBlock = { block: item, uri, parentId: blockId, parent, id };
          this.blocks.push(placed);
          this.blockInfo.set(item, placed);
          visit(uri, item.items, id ?? `${blockId}>?`, item);
        } else {
          this.others.push({ item, uri, blockId });
        }
      }
    };
    const first = files[0];
    if (first) {
      visited.add(first.uri);
      root = first.uri;
      visit(first.uri, first.parse.ast.items, TOP, undefined);
    }
    // Files nobody includes (given on their own) are read as top-level configurations too.
    for (const file of files) {
      if (visited.has(file.uri)) continue;
      visited.add(file.uri);
      root = file.uri;
      visit(file.uri, file.parse.ast.items, TOP, undefined);
    }
  }

  placed(block: Block): PlacedBlock | undefined {
    return this.blockInfo.get(block);
  }

  /** Top-level blocks by keyword and name: `definitions("vrrp_script").get("chk_haproxy")`. */
  definitions(keyword: string): Map<string, PlacedBlock[]> {
    this.named ??= this.indexNamed();
    return this.named.get(keyword) ?? new Map();
  }

  /**
   * The statements directly inside a block, those of files included inside it too, in reading
   * order (prefix-only lines left out).
   */
  childStatements(block: Block): PlacedStatement[] {
    this.children ??= this.indexChildren();
    return this.children.statements.get(block) ?? [];
  }

  /** The blocks directly inside a block, those of files included inside it too, in reading order. */
  childBlocks(block: Block): PlacedBlock[] {
    this.children ??= this.indexChildren();
    return this.children.blocks.get(block) ?? [];
  }

  /** Where an item (or a block's header) comes in reading order: compare two to know which keepalived reads first. */
  readingIndex(item: KeepalivedItem): number {
    if (!this.order) {
      this.order = new Map();
      this.reading.forEach((step, index) => {
        this.order!.set(step.item, index);
        if (step.item.kind === "block" && step.item.header) this.order!.set(step.item.header, index);
      });
    }
    return this.order.get(item) ?? -1;
  }

  /** The statements directly inside a block. */
  statementsIn(block: Block): Statement[] {
    return block.items.filter((item): item is Statement => item.kind === "statement" && !item.prefixOnly);
  }

  private indexChildren(): { statements: Map<Block, PlacedStatement[]>; blocks: Map<Block, PlacedBlock[]> } {
    const statements = new Map<Block, PlacedStatement[]>();
    const blocks = new Map<Block, PlacedBlock[]>();
    for (const placed of this.statements) {
      if (!placed.parent || placed.statement.prefixOnly) continue;
      (statements.get(placed.parent) ?? statements.set(placed.parent, []).get(placed.parent)!).push(placed);
    }
    for (const placed of this.blocks) {
      if (!placed.parent) continue;
      (blocks.get(placed.parent) ?? blocks.set(placed.parent, []).get(placed.parent)!).push(placed);
    }
    return { statements, blocks };
  }

  private indexNamed(): Map<string, Map<string, PlacedBlock[]>> {
    const index = new Map<string, Map<string, PlacedBlock[]>>();
    for (const placed of this.blocks) {
      const header = placed.block.header;
      if (placed.parentId !== TOP || !header || header.prefixOnly) continue;
      const name = header.args[0]?.value;
      if (name === undefined) continue;
      const keyword = header.keyword.value;
      const names = index.get(keyword) ?? index.set(keyword, new Map()).get(keyword)!;
      names.set(name, [...(names.get(name) ?? []), placed]);
    }
    return index;
  }
}
