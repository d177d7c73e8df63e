// print(): one entry point for both formats. print(parse(text)) === text for every input.
import type { HaproxyConfig } from "./haproxy/ast.js";
import type { HaproxyParseResult } from "./haproxy/parse.js";
import { printHaproxy } from "./haproxy/print.js";
import type { KeepalivedConfig } from "./keepalived/ast.js";
import type { KeepalivedParseResult } from "./keepalived/parse.js";
import { printKeepalived } from "./keepalived/print.js";

/** The text of a parse result or tree, byte for byte: `print(parseHaproxy(text)) === text`. */
export function print(tree: HaproxyParseResult | KeepalivedParseResult | HaproxyConfig | KeepalivedConfig): string {
  const ast = "ast" in tree ? tree.ast : tree;
  return ast.format === "haproxy" ? printHaproxy(ast) : printKeepalived(ast);
}
