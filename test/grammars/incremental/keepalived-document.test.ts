// An incrementally edited keepalived document must equal a fresh parse of the same text.
import { describe, expect, it } from "vitest";
import type { Position } from "../../../grammars/common/text.js";
import { KeepalivedDocument } from "../../../grammars/incremental/keepalived-document.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { printKeepalived } from "../../../grammars/keepalived/print.js";
import { keepalivedItems, keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { randomEditDisagreements } from "./random-edits.js";
import { seededRandom } from "../../support/random.js";

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

const SNIPPETS = ["\n", " ", "x", "{", "}", "{\n", "}\n", "#", "!", '"', "$X=1\n", "${X}", "@lb1 ", "vrrp_instance VI_9 {\n", "    state BACKUP\n", "include a.conf\n", "\r\n", "{{ v }}", "\\", "$Y=2 \\\n", "~SEQ(i, 1, 2) ", "${i}", "{#", "#}"];

/** Remembers every text it parses after it is built. */
class CountingDocument extends KeepalivedDocument {
  parsed: string[] = [];

  protected override parse(text: string, base: Position) {
    this.parsed?.push(text);
    return super.parse(text, base);
  }
}

describe("an incrementally edited keepalived document", () => {
  it("equals a fresh parse after each of 6 random edits, on every corpus file", () => {
    const run = { format: "keepalived", open: (text: string) => new KeepalivedDocument(text), parse: (text: string) => parseKeepalived(text), facts, snippets: SNIPPETS, seed: 7331, editsPerFile: 6 } as const;
    expect(randomEditDisagreements(run)).toEqual([]);
  });

  it("re-parses a block for an edit inside it, and takes in what follows when a block is left open", () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `vrrp_instance VI_${i} {\n    priority ${i + 1}\n}\n`).join("");
    const document = new CountingDocument(blocks);
    expect(document.pieceCount).toBe(30);
    const later = document.result.ast.items[25]!;
    const at10 = document.text.indexOf("priority 11");
    document.applyEdit({ start: at10 + 9, end: at10 + 11, newText: "110" });
    expect(document.parsed).toEqual(["vrrp_instance VI_10 {\n    priority 110\n}\n"]);
    expect(document.pieceCount).toBe(30);
    expect(document.result.ast.items[25]).toBe(later);
    const close = document.text.indexOf("}", document.text.indexOf("VI_12 "));
    document.applyEdit({ start: close, end: close + 1, newText: "" });
    expect(document.result.diagnostics.map((d) => d.code)).toEqual(["missing-close-brace"]);
    // VI_12 now runs to the end of the file: its piece took in the 17 after it.
    expect(document.result.ast.items).toHaveLength(13);
    expect(document.pieceCount).toBe(13);
    document.applyEdit({ start: close, end: close, newText: "}" });
    expect(document.pieceCount).toBe(30);
    expect(facts(document.result)).toEqual(facts(parseKeepalived(document.text)));
  });

  it("parses about the whole file, not a region growing piece by piece, when typing 'x {' at the top", () => {
    const text = Array.from({ length: 400 }, (_, i) => `vrrp_instance VI_${i} {\n    state BACKUP\n    priority ${i + 1}\n}\n`).join("");
    const document = new CountingDocument(text);
    const keystrokes = ["x", " ", "{", "\n", "}", "\n"];
    keystrokes.forEach((key, at) => {
      document.parsed = [];
      document.applyEdit({ start: at, end: at, newText: key });
      const parsed = document.parsed.reduce((sum, piece) => sum + piece.length, 0);
      // The region, then the rest of the file at once, then each new piece: at most twice the text
      // (a region growing one piece at a time parsed it 400 times over).
      expect(parsed, `after ${JSON.stringify(key)}`).toBeLessThanOrEqual(2 * document.text.length + 100);
      expect(document.pieceCount).toBe(new KeepalivedDocument(document.text).pieceCount);
    });
    expect(document.text).toBe(`x {\n}\n${text}`);
    expect(document.pieceCount).toBe(401);
    expect(facts(document.result)).toEqual(facts(parseKeepalived(document.text)));
  });

  it("has the pieces of a new document after 600 type-and-delete pairs", () => {
    const text = Array.from({ length: 300 }, (_, i) => `vrrp_instance VI_${i} {\n    priority ${i + 1}\n}\n\n`).join("");
    const document = new KeepalivedDocument(text);
    const middle = text.indexOf("priority", text.length / 2) + 3;
    for (let i = 0; i < 600; i++) {
      document.applyEdit({ start: middle, end: middle, newText: "x" });
      document.applyEdit({ start: middle, end: middle + 1, newText: "" });
    }
    expect(document.pieceCount).toBe(300);
    expect(facts(document.result)).toEqual(facts(parseKeepalived(text)));
  });

  it("joins pieces where a statement gains a block on the next line or a definition is continued", () => {
    const text = "a {\n}\n{\n}\n$A=1\nvrrp_instance VI_1 {\n    priority ${A}\n}\n";
    const document = new KeepalivedDocument(text);
    expect(document.pieceCount).toBe(4);
    // `a {}` becomes the statement `a`, which the `{` on the next line makes a block header.
    document.applyEdit({ start: 1, end: 5, newText: "" });
    expect(document.pieceCount).toBe(3);
    expect(facts(document.result)).toEqual(facts(parseKeepalived(document.text)));
    // A backslash continues the definition onto the next line, which it takes in.
    const end = document.text.indexOf("$A=1") + 4;
    document.applyEdit({ start: end, end, newText: " \\" });
    expect(document.result.ast.items.map((item) => item.kind)).toEqual(["block", "definition", "statement", "stray-brace"]);
    expect(document.pieceCount).toBe(new KeepalivedDocument(document.text).pieceCount);
    expect(facts(document.result)).toEqual(facts(parseKeepalived(document.text)));
    document.applyEdit({ start: end, end: end + 2, newText: "" });
    expect(document.pieceCount).toBe(new KeepalivedDocument(document.text).pieceCount);
    expect(facts(document.result)).toEqual(facts(parseKeepalived(document.text)));
  });

  it("equals a fresh parse, and a new document's pieces, through random edits of blocks with alternative @id headers", () => {
    const blocks = Array.from({ length: 24 }, (_, i) =>
      i % 3 === 0 ? `@lb1 vrrp_instance A${i} {\n@lb2 vrrp_instance B${i} {\n    priority ${i}\n}\n` : i % 3 === 1 ? `@lb1 vrrp_script s${i} {\n    weight 2\n}\n` : `vrrp_instance C${i} {\n    state BACKUP\n}\n`,
    ).join("");
    const snippets = ["@lb2 vrrp_instance X {\n", "@^lb1 vrrp_instance Y {\n", "@lb1 ", "{\n", "}\n", "\n", "@lb3 z {", " k\n"];
    const random = seededRandom(4242);
    const document = new KeepalivedDocument(blocks);
    let text = blocks;
    let withAlternatives = 0;
    for (let step = 0; step < 300; step++) {
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 30)));
      const edit = { start, end, newText: random() < 0.3 ? "" : snippets[Math.floor(random() * snippets.length)]! };
      document.applyEdit(edit);
      text = text.slice(0, start) + edit.newText + text.slice(end);
      expect(facts(document.result), `after edit ${step}`).toEqual(facts(parseKeepalived(text)));
      expect(document.pieceCount, `pieces after edit ${step}`).toBe(new KeepalivedDocument(text).pieceCount);
      if ([...keepalivedItems(document.result.ast)].some((item) => item.kind === "alternative-header")) withAlternatives++;
    }
    // The edits keep some alternative headers and make new ones for most of the run.
    expect(withAlternatives).toBeGreaterThan(100);
  });
});
