// Finding things in a keepalived tree by keyword and name.
import type { Block, KeepalivedConfig, KeepalivedItem, Statement } from "./ast.js";
import { keepalivedItems } from "./walk.js";

function itemsOf(scope: KeepalivedConfig | Block, deep: boolean): KeepalivedItem[] {
  return deep ? [...keepalivedItems(scope)] : [...scope.items];
}

/**
 * Blocks whose keyword is `keyword` and, when given, whose first argument is `name`
 * (`vrrp_instance VI_1`, `virtual_server 10.0.0.1 80`: name `10.0.0.1`). Direct children only,
 * unless `deep`.
 */
export function findBlocks(scope: KeepalivedConfig | Block, keyword: string, name?: string, deep = false): Block[] {
  return itemsOf(scope, deep).filter(
    (item): item is Block =>
      item.kind === "block" && item.header?.keyword.value === keyword && (name === undefined || item.header.args[0]?.value === name),
  );
}

/** The first block with this keyword (and name), or undefined; see findBlocks. */
export function findBlock(scope: KeepalivedConfig | Block, keyword: string, name?: string, deep = false): Block | undefined {
  return findBlocks(scope, keyword, name, deep)[0];
}

function describeScope(scope: KeepalivedConfig | Block): string {
  return scope.kind === "block" && scope.header ? `'${[scope.header.keyword.value, scope.header.args[0]?.value].filter(Boolean).join(" ")}'` : "the configuration";
}

/**
 * The first block with this keyword (and name); throws a RangeError that says what is missing when
 * there is none. For code that expects the block: `getBlock(doc.ast, "vrrp_instance", "VI_1")`.
 */
export function getBlock(scope: KeepalivedConfig | Block, keyword: string, name?: string, deep = false): Block {
  const block = findBlock(scope, keyword, name, deep);
  if (!block) throw new RangeError(`${describeScope(scope)} has no '${keyword}' block${name === undefined ? "" : ` named '${name}'`}`);
  return block;
}

/** Statements (not block headers) whose keyword is `keyword`; all when omitted. */
export function findStatements(scope: KeepalivedConfig | Block, keyword?: string, deep = false): Statement[] {
  return itemsOf(scope, deep).filter(
    (item): item is Statement => item.kind === "statement" && (keyword === undefined || item.keyword.value === keyword),
  );
}

/** The first statement (not block header) with this keyword, or undefined. */
export function findStatement(scope: KeepalivedConfig | Block, keyword: string, deep = false): Statement | undefined {
  return findStatements(scope, keyword, deep)[0];
}

/** Like findStatement, but throws a RangeError that names the keyword and the scope when there is none. */
export function getStatement(scope: KeepalivedConfig | Block, keyword: string, deep = false): Statement {
  const statement = findStatement(scope, keyword, deep);
  if (!statement) throw new RangeError(`${describeScope(scope)} has no '${keyword}' statement`);
  return statement;
}
