// Prints any keepalived node back to text from its tokens.
import type { Block, KeepalivedChild, KeepalivedNode } from "./ast.js";

/** The text of a keepalived tree or of any node in it, exactly as it was parsed. */
export function printKeepalived(node: KeepalivedNode): string {
  switch (node.kind) {
    case "config":
      return printChildren(node.children);
    case "block":
      return printBlock(node);
    case "statement":
      return node.tokens.map((token) => token.text).join("");
    case "stray-brace":
      return node.brace.text;
    case "alternative-header":
      // The spaces between the header and its `{` are the only text of the item outside both.
      return printKeepalived(node.header) + node.header.range.lines.text.slice(node.header.range.localEnd, node.open.range.localStart) + node.open.text;
    default:
      return node.text;
  }
}

function printChildren(children: readonly KeepalivedChild[]): string {
  let out = "";
  for (const child of children) out += printKeepalived(child);
  return out;
}

function printBlock(block: Block): string {
  let out = block.header ? printKeepalived(block.header) : "";
  for (const trivia of block.beforeOpen) out += trivia.text;
  out += block.open.text + printChildren(block.children);
  return out + (block.close?.text ?? "");
}
