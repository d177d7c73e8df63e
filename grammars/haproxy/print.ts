// Prints any haproxy node back to text from its tokens: the whole config, a section or a line.
import type { HaproxyNode, Line, Section } from "./ast.js";

export function printLines(lines: readonly Line[]): string {
  let out = "";
  for (const line of lines) for (const token of line.tokens) out += token.text;
  return out;
}

/** The text of a haproxy tree or of any node in it, exactly as it was parsed. */
export function printHaproxy(node: HaproxyNode): string {
  switch (node.kind) {
    case "config":
      return printLines(node.preamble) + node.sections.map(printSection).join("");
    case "section":
      return printSection(node);
    case "empty":
    case "statement":
    case "directive":
      return printLines([node]);
    default:
      return node.text;
  }
}

function printSection(section: Section): string {
  return printLines([section.header]) + printLines(section.body);
}
