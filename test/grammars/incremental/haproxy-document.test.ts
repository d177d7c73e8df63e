// An incrementally edited document must equal a fresh parse of the same text, whatever the edits.
import { describe, expect, it } from "vitest";
import type { Position } from "../../../grammars/common/text.js";
import type { HaproxyConfig, Line } from "../../../grammars/haproxy/ast.js";
import { parseHaproxy, type HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import { printHaproxy } from "../../../grammars/haproxy/print.js";
import { edit } from "../../../grammars/edit/editor.js";
import { HaproxyDocument } from "../../../grammars/incremental/haproxy-document.js";
import { randomEditDisagreements } from "./random-edits.js";

const at = (r: { start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } }) =>
  `${r.start.offset}-${r.end.offset}@${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

function linesOf(ast: HaproxyConfig): readonly Line[] {
  return [...ast.preamble, ...ast.sections.flatMap((section) => [section.header, ...section.body])];
}

/** Everything an editor would look at: text, sections, lines, words, conditionals and diagnostics. */
function facts(result: HaproxyParseResult): string[] {
  const { ast } = result;
  return [
    printHaproxy(ast),
    ...ast.sections.map((s) => `section ${s.type} ${s.name?.value} ${at(s.range)}`),
    ...linesOf(ast).map((line) => `${line.kind} ${line.line} ${at(line.range)} ${line.words.map((w) => `${w.text}@${at(w.range)}`).join(" ")} guard=${line.guard?.directive.line}`),
    ...ast.conditionals.map((block) => `if ${block.branches.map((b) => b.directive.line).join(",")} end=${block.end?.line}`),
    ...result.diagnostics.map((d) => `${d.code} ${at(d.range)}`).sort(),
  ];
}

/** Remembers every text it parses after it is built. */
class CountingDocument extends HaproxyDocument {
  parsed: string[] = [];

  protected override parse(text: string, base: Position) {
    this.parsed?.push(text);
    return super.parse(text, base);
  }
}

const SNIPPETS = ["\n", "\n\n", " ", "x", "#", '"', "'", "\\", "backend b2\n", "frontend f\n", "  server s 10.0.0.1:80 check\n", ".if defined(X)\n", ".endif\n", ".else\n", "global\n", "\r\n", "{{ v }}", "if { path /x", "{#", "#}"];


describe("an incrementally edited haproxy document", () => {
  it("equals a fresh parse after each of 6 random edits, on every corpus file", () => {
    const run = { format: "haproxy", open: (text: string) => new HaproxyDocument(text), parse: (text: string) => parseHaproxy(text), facts, snippets: SNIPPETS, seed: 2026, editsPerFile: 6 } as const;
    expect(randomEditDisagreements(run)).toEqual([]);
  });

  it("re-parses the section an edit touches and keeps the others", () => {
    const sections = Array.from({ length: 50 }, (_, i) => `backend b${i}\n    server s${i} 10.0.0.${i}:80 check\n`).join("");
    const document = new CountingDocument(`global\n    maxconn 10\n${sections}`);
    expect(document.pieceCount).toBe(51);
    const untouched = document.result.ast.sections.find((section) => section.name?.value === "b40")!;
    const offset = document.text.indexOf("s20 ");
    document.applyEdit({ start: offset, end: offset + 3, newText: "web20" });
    expect(document.parsed).toEqual([`backend b20\n    server web20 10.0.0.20:80 check\n`]);
    expect(document.pieceCount).toBe(51);
    expect(document.result.ast.sections[41]).toBe(untouched);
    expect(untouched.header.range.start.offset).toBe(document.text.indexOf("backend b40"));
    expect(document.result.ast.sections[21]!.body[0]!.words[1]!.text).toBe("web20");
  });

  it("joins a section whose header is edited away to the one before, and cuts it again when it comes back", () => {
    const text = "global\n    maxconn 10\nbackend a\n    server a1 10.0.0.1:80\nbackend b\n    server b1 10.0.0.2:80\n";
    const document = new HaproxyDocument(text);
    expect(document.pieceCount).toBe(3);
    const at = text.indexOf("backend b");
    document.applyEdit({ start: at, end: at + 1, newText: "" });
    expect(document.pieceCount).toBe(2);
    expect(document.result.diagnostics.map((d) => d.code)).toEqual([]);
    document.applyEdit({ start: at, end: at, newText: "b" });
    expect(document.pieceCount).toBe(3);
    expect(facts(document.result)).toEqual(facts(parseHaproxy(text)));
  });

  it("keeps an .if block in one piece, and takes in the rest of the file while one is left open", () => {
    const text = "global\n.if defined(A)\nbackend a\n.endif\nbackend b\nbackend c\n";
    const document = new HaproxyDocument(text);
    // global with the .if block and backend a; then b; then c.
    expect(document.pieceCount).toBe(3);
    const endif = text.indexOf(".endif");
    document.applyEdit({ start: endif, end: endif + 7, newText: "" });
    expect(document.pieceCount).toBe(1);
    expect(facts(document.result)).toEqual(facts(parseHaproxy(document.text)));
    document.applyEdit({ start: endif, end: endif, newText: ".endif\n" });
    expect(document.pieceCount).toBe(3);
    expect(facts(document.result)).toEqual(facts(parseHaproxy(text)));
  });

  it("keeps a {# template comment in one piece until its #} closes it, however far on", () => {
    const text = "global\n    maxconn 1\nbackend a\n    x {#\nbackend b\n    y\nbackend c\n    z\n";
    const document = new HaproxyDocument(text);
    // The comment may yet be closed: backend a runs to the end of the file.
    expect(document.pieceCount).toBe(2);
    const at = text.indexOf("y") + 1;
    document.applyEdit({ start: at, end: at, newText: " #}" });
    expect(document.result.ast.sections.map((section) => section.name?.value)).toEqual([undefined, "a", "c"]);
    expect(document.pieceCount).toBe(3);
    expect(facts(document.result)).toEqual(facts(parseHaproxy(document.text)));
    document.applyEdit({ start: at, end: at + 3, newText: "" });
    expect(document.pieceCount).toBe(2);
    expect(facts(document.result)).toEqual(facts(parseHaproxy(text)));
  });

  it("has the pieces of a new document after 600 type-and-delete pairs, and re-parses one section for each edit", () => {
    const text = Array.from({ length: 300 }, (_, i) => `backend b${i}\n    balance roundrobin\n    server s${i} 10.0.0.1:80 check\n\n`).join("");
    const document = new CountingDocument(text);
    const middle = text.indexOf("roundrobin", text.length / 2) + 5;
    for (let i = 0; i < 600; i++) {
      document.applyEdit({ start: middle, end: middle, newText: "x" });
      document.applyEdit({ start: middle, end: middle + 1, newText: "" });
    }
    expect(document.text).toBe(text);
    expect(document.pieceCount).toBe(300);
    expect(document.pieceCount).toBe(new HaproxyDocument(text).pieceCount);
    // Each edit parsed the one section it touched, never a region grown by the edits before.
    expect(Math.max(...document.parsed.map((parsed) => parsed.length))).toBeLessThan(100);
    expect(facts(document.result)).toEqual(facts(parseHaproxy(text)));
  });
});

describe("editing an incremental document", () => {
  it("gives the same text as editing a fresh parse, pieces notwithstanding", () => {
    const text = "global\n    maxconn 10\n\nbackend a\n    server a1 10.0.0.1:80\n\nbackend b\n    server b1 10.0.0.2:80\n";
    const document = new HaproxyDocument(text);
    document.applyEdit({ start: text.indexOf("a1"), end: text.indexOf("a1") + 2, newText: "alpha1" });
    const fresh = parseHaproxy(document.text);
    const change = (parsed: HaproxyParseResult) => {
      const b = parsed.ast.sections.find((s) => s.name?.value === "b")!;
      return edit(parsed).insertStatement(b, "server b2 10.0.0.3:80").setArgument(b.body[0]!.kind === "statement" ? b.body[0]! : b.header, 1, "10.0.0.9:80");
    };
    expect(change(document.result).toString()).toBe(change(fresh).toString());
    expect(change(document.result).textEdits()).toEqual(change(fresh).textEdits());
  });
});
