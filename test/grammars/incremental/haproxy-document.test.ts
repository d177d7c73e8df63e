// An incrementally edited document must equal a fresh parse of the same text, whatever the edits.
import { describe, expect, it } from "vitest";
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

const SNIPPETS = ["\n", "\n\n", " ", "x", "#", '"', "'", "\\", "backend b2\n", "frontend f\n", "  server s 10.0.0.1:80 check\n", ".if defined(X)\n", ".endif\n", ".else\n", "global\n", "\r\n", "{{ v }}", "if { path /x"];


describe("an incrementally edited haproxy document", () => {
  it("equals a fresh parse after each of 6 random edits, on every corpus file", () => {
    const run = { format: "haproxy", open: (text: string) => new HaproxyDocument(text), parse: (text: string) => parseHaproxy(text), facts, snippets: SNIPPETS, seed: 2026, editsPerFile: 6 } as const;
    expect(randomEditDisagreements(run)).toEqual([]);
  });

  it("re-parses the section an edit touches (with the one before) and keeps the others", () => {
    const sections = Array.from({ length: 50 }, (_, i) => `backend b${i}\n    server s${i} 10.0.0.${i}:80 check\n`).join("");
    const document = new HaproxyDocument(`global\n    maxconn 10\n${sections}`);
    expect(document.pieceCount).toBe(51);
    const untouched = document.result.ast.sections.find((section) => section.name?.value === "b40")!;
    const offset = document.text.indexOf("s20 ");
    document.applyEdit({ start: offset, end: offset + 3, newText: "web20" });
    // The edited section and the one before it are now one piece.
    expect(document.pieceCount).toBe(50);
    expect(document.result.ast.sections[41]).toBe(untouched);
    expect(untouched.header.range.start.offset).toBe(document.text.indexOf("backend b40"));
    expect(document.result.ast.sections[21]!.body[0]!.words[1]!.text).toBe("web20");
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
