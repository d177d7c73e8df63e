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

export interface PlacedStatement {
  readonly statement: Statement;
  readonly uri: string;
  /** Id of the block the statement stands in. */
  readonly blockId: string;
  /** The block it stands in (undefined at the top level of a file). */
  readonly parent: Block | undefined;
}

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

export const TOP = "top";

/** What keepalived rules read: one parsed configuration and its includes, indexed once for all rules. */
export class KeepalivedModel {
  readonly files: readonly KeepalivedFileInput[];
  readonly version: KeepalivedVersion;
  readonly statements: PlacedStatement[] = [];
  readonly blocks: PlacedBlock[] = [];
  readonly others: PlacedOther[] = [];
  private readonly blockInfo = new Map<Block, PlacedBlock>();
  private named: Map<string, Map<string, PlacedBlock[]>> | undefined;

  constructor(files: readonly KeepalivedFileInput[], includes: readonly IncludeLink[], version: KeepalivedVersion) {
    this.files = files;
    this.version = version;
    const byUri = new Map(files.map((file) => [file.uri, file]));
    const includeTargets = new Map<Statement, readonly string[]>(includes.map((link) => [link.statement, link.targets]));
    const visited = new Set<string>();
    const visit = (uri: string, items: readonly KeepalivedItem[], blockId: string, parent: Block | undefined) => {
      for (const item of items) {
        if (item.kind === "statement") {
          this.statements.push({ statement: item, uri, blockId, parent });
          const targets = item.keyword.value === "include" ? includeTargets.get(item) : undefined;
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
    const root = files[0];
    if (root) {
      visited.add(root.uri);
      visit(root.uri, root.parse.ast.items, TOP, undefined);
    }
    // Files nobody includes (given on their own) are read as top-level configurations too.
    for (const file of files) {
      if (visited.has(file.uri)) continue;
      visited.add(file.uri);
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

  /** The statements directly inside a block. */
  statementsIn(block: Block): Statement[] {
    return block.items.filter((item): item is Statement => item.kind === "statement" && !item.prefixOnly);
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
