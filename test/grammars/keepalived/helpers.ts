// Shared helpers for the keepalived grammar tests: an exact rendering of ranges and short ways to
// reach the items of a parsed file.
import type { Range } from "../../../grammars/common/text.js";
import type { Block, Definition, KeepalivedChild, KeepalivedConfig, KeepalivedItem, Statement, Trivia, Word } from "../../../grammars/keepalived/ast.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { isTrivia, keepalivedItems, keepalivedStatements } from "../../../grammars/keepalived/walk.js";

/**
 * `line:column-line:column @startOffset-endOffset`, all 0-based, so one string pins down the
 * offset, line and column of both ends of a range.
 */
export function loc(range: Range): string {
  const { start, end } = range;
  return `${start.line}:${start.column}-${end.line}:${end.column} @${start.offset}-${end.offset}`;
}

export const parse = parseKeepalived;

/** The diagnostic codes, in the order parseKeepalived returns them. */
export function codes(result: KeepalivedParseResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

/** The items (no trivia) directly inside a file or block. */
export function itemsOf(node: KeepalivedConfig | Block): KeepalivedItem[] {
  return node.children.filter((child: KeepalivedChild): child is KeepalivedItem => !isTrivia(child));
}

/** The trivia of one kind directly inside a file or block, as text. */
export function triviaTexts(node: KeepalivedConfig | Block, kind: Trivia["kind"]): string[] {
  return node.children.filter((child): child is Trivia => isTrivia(child) && child.kind === kind).map((t) => t.text);
}

/** Every statement of a file, block headers included, as the values of its words. */
export function statementWords(result: KeepalivedParseResult): string[][] {
  return [...keepalivedStatements(result.ast)].map((s) => s.words.map((w) => w.value));
}

/** Every item of a file in document order. */
export function allItems(result: KeepalivedParseResult): KeepalivedItem[] {
  return [...keepalivedItems(result.ast)];
}

function expectKind<K extends KeepalivedItem["kind"]>(item: KeepalivedItem | undefined, kind: K): Extract<KeepalivedItem, { kind: K }> {
  if (!item || item.kind !== kind) throw new Error(`expected a ${kind}, got ${item?.kind ?? "nothing"}`);
  return item as Extract<KeepalivedItem, { kind: K }>;
}

/** The `index`-th item directly inside `node`, which must be a block. */
export function blockAt(node: KeepalivedConfig | Block, index: number): Block {
  return expectKind(itemsOf(node)[index], "block");
}

/** The `index`-th item directly inside `node`, which must be a statement. */
export function statementAt(node: KeepalivedConfig | Block, index: number): Statement {
  return expectKind(itemsOf(node)[index], "statement");
}

/** The `index`-th item directly inside `node`, which must be a definition. */
export function definitionAt(node: KeepalivedConfig | Block, index: number): Definition {
  return expectKind(itemsOf(node)[index], "definition");
}

/** The only statement of a one-line file. */
export function onlyStatement(text: string): Statement {
  const items = itemsOf(parseKeepalived(text).ast);
  if (items.length !== 1) throw new Error(`expected one item, got ${items.length}`);
  return expectKind(items[0], "statement");
}

/** Text, value and range of each word. */
export function wordShapes(words: readonly Word[]): [string, string, string][] {
  return words.map((w) => [w.text, w.value, loc(w.range)]);
}
