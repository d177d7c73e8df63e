// KA037: text after a `}` on the same line (`} priority 200`, `} vrrp_instance VI_2 {`). keepalived
// cuts the line at the brace and reads the rest as a new statement of the enclosing block (measured
// with 2.2.7: the priority is applied to the instance around it, the instance is created), which is
// rarely what such a line looks like it means. Splitting the line changes nothing for keepalived.
import type { Block, KeepalivedItem } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule } from "../../lint/rule.js";

function startOf(item: KeepalivedItem): { line: number; offset: number; range: KeepalivedItem["range"] } | undefined {
  if (item.kind === "statement") return item.prefixOnly ? undefined : { line: item.range.start.line, offset: item.range.startOffset, range: item.range };
  if (item.kind === "block") return item.header ? { line: item.header.range.start.line, offset: item.header.range.startOffset, range: item.header.range } : undefined;
  if (item.kind === "definition") return { line: item.range.start.line, offset: item.range.startOffset, range: item.range };
  return undefined;
}

export const trailingAfterBrace: KeepalivedRule = {
  meta: {
    id: "KA037",
    alias: "trailing-after-brace",
    product: "keepalived",
    severity: "warning",
    category: "syntax",
    description: "a statement follows a closing brace on the same line",
    fixable: true,
    native: "silent",
  },
  check({ model, report }) {
    for (const file of model.files) {
      // Only a line where something follows a `}` can hold a finding.
      const candidates = model.matchingLines(file, /\}[ \t]*[^ \t\r\n#!]/);
      if (candidates?.size === 0) continue;
      const text = file.parse.lines.text;
      const visit = (items: readonly KeepalivedItem[], parent: Block | undefined) => {
        for (let i = 0; i < items.length; i++) {
          const item = items[i]!;
          if (item.kind !== "block") continue;
          visit(item.items, item);
          const close = item.close;
          // The line of the `}`, without making ranges: a closed block ends with it.
          if (!close || (candidates && !candidates.has(item.range.lines.lineOf(item.range.localEnd - 1) + item.range.lines.base.line))) continue;
          const next = items[i + 1];
          const start = next && startOf(next);
          if (!close || !start || start.line !== close.range.start.line) continue;
          // Indent the moved text like the line of the closing brace.
          const local = close.range.localStart;
          const lineStart = text.lastIndexOf("\n", local - 1) + 1;
          const indent = /^[ \t]*/.exec(text.slice(lineStart, local))![0];
          const what = parent?.header ? `'${parent.header.keyword.value}'` : "the top level";
          const closed = item.header ? `'${item.header.keyword.value}'` : "the block";
          report({
            range: start.range,
            uri: file.uri,
            message: `this stands after the '}' of ${closed} on the same line; keepalived reads it as a new statement of ${what}, not of ${closed}`,
            fix: {
              description: "start it on a new line",
              edits: [{ start: close.range.endOffset, end: start.offset, newText: `\n${indent}` }],
            },
          });
        }
      };
      visit(file.parse.ast.items, undefined);
    }
  },
};
