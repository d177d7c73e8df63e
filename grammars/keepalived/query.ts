// Finding things in a keepalived tree by keyword and name.
import type { Block, KeepalivedConfig, KeepalivedItem, Statement } from "./ast.js";
import { keepalivedItems } from "./walk.js";

type Scope = KeepalivedConfig | Block;

function itemsOf(scope: Scope, deep: boolean): KeepalivedItem[] {
  return deep ? [...keepalivedItems(scope)] : [...scope.items];
}

/**
 * Blocks whose keyword is `keyword` and, when given, whose first argument is `name`
 * (`vrrp_instance VI_1`, `virtual_server 10.0.0.1 80`: name `10.0.0.1`). Direct children only,
 * unless `deep`.
 */
export function findBlocks(scope: Scope, keyword: string, name?: string, deep = false): Block[] {
  return itemsOf(scope, deep).filter(
    (item): item is Block =>
      item.kind === "block" && item.header?.keyword.value === keyword && (name === undefined || item.header.args[0]?.value === name),
  );
}

export function findBlock(scope: Scope, keyword: string, name?: string, deep = false): Block | undefined {
  return findBlocks(scope, keyword, name, deep)[0];
}

/** Statements (not block headers) whose keyword is `keyword`; all when omitted. */
export function findStatements(scope: Scope, keyword?: string, deep = false): Statement[] {
  return itemsOf(scope, deep).filter(
    (item): item is Statement => item.kind === "statement" && (keyword === undefined || item.keyword.value === keyword),
  );
}

export function findStatement(scope: Scope, keyword: string, deep = false): Statement | undefined {
  return findStatements(scope, keyword, deep)[0];
}
