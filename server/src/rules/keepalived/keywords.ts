// What the keyword tables say about each statement of a keepalived model, worked out once and shared
// by the keyword rules (unknown, wrong block, arguments, versions, braces).
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";
import { blocksAccepting, keepalivedBlock, keepalivedKeyword } from "../../facts/keepalived.js";
import type { KeepalivedBlock, KeepalivedKeyword } from "../../facts/types.js";
import type { KeepalivedModel, PlacedStatement } from "./model.js";

export type KeywordReading =
  /** A keyword of the block it stands in. */
  | { readonly kind: "known"; readonly keyword: KeepalivedKeyword; readonly block: KeepalivedBlock }
  /** An entry line of a value block (`virtual_ipaddress`, `track_script`, …). */
  | { readonly kind: "entry"; readonly block: KeepalivedBlock }
  /** Not a keyword of this block; `elsewhere` lists the blocks that have it. */
  | { readonly kind: "unknown"; readonly block: KeepalivedBlock; readonly elsewhere: readonly string[] }
  /** Inside a block lblint cannot place (an unknown keyword's braces): not judged. */
  | { readonly kind: "unplaced" };

const readings = new WeakMap<Statement, KeywordReading>();

/** Whether a word's text is only known at run time (a `$VAR`, a `~SEQ` variable). */
export function isVariable(word: Word): boolean {
  return word.variables.length > 0 || word.value.includes("$");
}

export function readKeyword(statement: Statement, blockId: string): KeywordReading {
  let reading = readings.get(statement);
  if (reading) return reading;
  const block = keepalivedBlock(blockId);
  const name = statement.keyword.value;
  if (!block || isVariable(statement.keyword)) reading = { kind: "unplaced" };
  else if (block.entries) reading = { kind: "entry", block };
  else {
    const keyword = keepalivedKeyword(blockId, name);
    reading = keyword ? { kind: "known", keyword, block } : { kind: "unknown", block, elsewhere: blocksAccepting(name) };
  }
  readings.set(statement, reading);
  return reading;
}

/** Every statement and block header keepalived reads as a keyword, with its block id. */
export function* keywordStatements(model: KeepalivedModel): Generator<PlacedStatement> {
  for (const placed of model.statements) if (!placed.statement.prefixOnly) yield placed;
  for (const placed of model.blocks) {
    const header = placed.block.header;
    if (header && !header.prefixOnly) yield { statement: header, uri: placed.uri, blockId: placed.parentId, parent: placed.parent };
  }
}

/** A block id as people say it: `virtual_server>real_server>TCP_CHECK` → `TCP_CHECK (in real_server)`. */
export function describeBlock(id: string): string {
  if (id === "top") return "the top level";
  const parts = id.split(">");
  const last = parts[parts.length - 1]!;
  return parts.length === 1 ? last : `${last} (in ${parts[parts.length - 2]})`;
}
