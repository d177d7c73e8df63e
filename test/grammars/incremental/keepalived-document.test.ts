// An incrementally edited keepalived document must equal a fresh parse of the same text.
import { describe, expect, it } from "vitest";
import { KeepalivedDocument } from "../../../grammars/incremental/keepalived-document.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { printKeepalived } from "../../../grammars/keepalived/print.js";
import { keepalivedItems, keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { randomEditDisagreements } from "./random-edits.js";

const at = (r: { start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } }) =>
  `${r.start.offset}-${r.end.offset}@${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

function facts(result: KeepalivedParseResult): string[] {
  const { ast } = result;
  return [
    printKeepalived(ast),
    ...[...keepalivedItems(ast)].map((item) => `${item.kind} ${at(item.range)}`),
    ...[...keepalivedStatements(ast)].map((s) => `${s.line} ${s.sharesLine} ${s.words.map((w) => `${w.text}@${at(w.range)}`).join(" ")}`),
    ...ast.children.map((child) => `${child.kind} ${at(child.range)}`),
    ...result.diagnostics.map((d) => `${d.code} ${at(d.range)}`).sort(),
  ];
}

const SNIPPETS = ["\n", " ", "x", "{", "}", "{\n", "}\n", "#", "!", '"', "$X=1\n", "${X}", "@lb1 ", "vrrp_instance VI_9 {\n", "    state BACKUP\n", "include a.conf\n", "\r\n", "{{ v }}"];

describe("an incrementally edited keepalived document", () => {
  it("equals a fresh parse after each of 6 random edits, on every corpus file", () => {
    const run = { format: "keepalived", open: (text: string) => new KeepalivedDocument(text), parse: (text: string) => parseKeepalived(text), facts, snippets: SNIPPETS, seed: 7331, editsPerFile: 6 } as const;
    expect(randomEditDisagreements(run)).toEqual([]);
  });

  it("re-parses a block for an edit inside it, and takes in what follows when a block is left open", () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `vrrp_instance VI_${i} {\n    priority ${i + 1}\n}\n`).join("");
    const document = new KeepalivedDocument(blocks);
    expect(document.pieceCount).toBe(30);
    const later = document.result.ast.items[25]!;
    const at10 = document.text.indexOf("priority 11");
    document.applyEdit({ start: at10 + 9, end: at10 + 11, newText: "110" });
    expect(document.pieceCount).toBe(29);
    expect(document.result.ast.items[25]).toBe(later);
    const close = document.text.indexOf("}", document.text.indexOf("VI_12 "));
    document.applyEdit({ start: close, end: close + 1, newText: "" });
    expect(document.result.diagnostics.map((d) => d.code)).toEqual(["missing-close-brace"]);
    // VI_12 now runs to the end of the file: its piece took in the 17 after it.
    expect(document.result.ast.items).toHaveLength(13);
    expect(document.pieceCount).toBe(11);
  });
});
