// Walks a keepalived tree in document order.
import type { Block, KeepalivedChild, KeepalivedConfig, KeepalivedItem, Statement } from "./ast.js";

/** Every item (statement, block, definition, stray brace), parents before children. */
export function* keepalivedItems(node: KeepalivedConfig | Block): Generator<KeepalivedItem> {
  for (const item of node.items) {
    yield item;
    if (item.kind === "block") yield* keepalivedItems(item);
  }
}

/** Every statement, block headers included, in document order. */
export function* keepalivedStatements(node: KeepalivedConfig | Block): Generator<Statement> {
  for (const item of keepalivedItems(node)) {
    if (item.kind === "statement") yield item;
    else if (item.kind === "block" && item.header) yield item.header;
  }
}

export function isTrivia(child: KeepalivedChild): child is Extract<KeepalivedChild, { kind: "whitespace" | "comment" | "newline" }> {
  return child.kind === "whitespace" || child.kind === "comment" || child.kind === "newline";
}
