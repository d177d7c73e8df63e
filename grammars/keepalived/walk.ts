// Walks a keepalived tree in document order.
import type { Block, KeepalivedChild, KeepalivedConfig, KeepalivedItem, Statement } from "./ast.js";

/**
 * Every item (statement, block, definition, stray brace, alternative header), parents before children. An explicit stack
 * rather than nested generators: each item would otherwise pass through one generator per level.
 */
export function* keepalivedItems(node: KeepalivedConfig | Block): Generator<KeepalivedItem> {
  const stack: Iterator<KeepalivedItem>[] = [node.items[Symbol.iterator]()];
  while (stack.length > 0) {
    const next = stack[stack.length - 1]!.next();
    if (next.done) {
      stack.pop();
      continue;
    }
    const item = next.value;
    yield item;
    if (item.kind === "block") stack.push(item.items[Symbol.iterator]());
  }
}

/** Every statement, block headers (alternative ones too) included, in document order. */
export function* keepalivedStatements(node: KeepalivedConfig | Block): Generator<Statement> {
  for (const item of keepalivedItems(node)) {
    if (item.kind === "statement") yield item;
    else if (item.kind === "block" && item.header) yield item.header;
    else if (item.kind === "alternative-header") yield item.header;
  }
}

export function isTrivia(child: KeepalivedChild): child is Extract<KeepalivedChild, { kind: "whitespace" | "comment" | "newline" }> {
  return child.kind === "whitespace" || child.kind === "comment" || child.kind === "newline";
}
