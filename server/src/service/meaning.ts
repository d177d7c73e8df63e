// What a configuration means to its daemon, as one string: the words of every haproxy line in
// order, or every keepalived statement, block, definition and stray brace with its nesting, plus the
// syntax problems found. Two texts with the same meaning string are read alike; the formatter
// checks its output against it, and its tests check every corpus file.
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedItem, Statement } from "../../../grammars/keepalived/ast.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";

export function meaning(parsed: HaproxyParseResult | KeepalivedParseResult): string {
  const out: string[] = [];
  if (parsed.format === "haproxy") {
    const lines = [...parsed.ast.preamble, ...parsed.ast.sections.flatMap((section) => [section.header, ...section.body])];
    for (const line of lines) if (line.kind !== "empty") out.push(`${line.kind} ${line.words.map((word) => JSON.stringify(word.value)).join(" ")}`);
  } else {
    const statement = (s: Statement) =>
      `${s.configId ? `@${s.configId.negated ? "^" : ""}${s.configId.id} ` : ""}${s.sequence ? `${s.sequence.text} ` : ""}${s.words.map((word) => JSON.stringify(word.value)).join(" ")}`;
    const visit = (items: readonly KeepalivedItem[], depth: number) => {
      for (const item of items) {
        if (item.kind === "statement") out.push(`${depth} S ${statement(item)}`);
        else if (item.kind === "definition") out.push(`${depth} D ${item.name}=${JSON.stringify(item.value)}`);
        else if (item.kind === "stray-brace") out.push(`${depth} X ${item.brace.text}`);
        else if (item.kind === "alternative-header") out.push(`${depth} A ${statement(item.header)}`);
        else {
          out.push(`${depth} B ${item.header ? statement(item.header) : ""}`);
          visit(item.items, depth + 1);
          out.push(`${depth} E ${item.close ? "}" : ""}`);
        }
      }
    };
    visit(parsed.ast.items, 0);
  }
  out.push(`problems ${parsed.diagnostics.map((d) => d.code).sort().join(" ")}`);
  return out.join("\n");
}
