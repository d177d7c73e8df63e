// `.if` / `.elif` / `.else` / `.endif` blocks, every line's guard, the structure errors, and the
// message directives `.diag`, `.notice`, `.warning`, `.alert`.
import { describe, expect, it } from "vitest";
import type { ConditionalBranch, Directive, Line } from "../../../grammars/haproxy/ast.js";
import { codes, loc, parse } from "./helpers.js";

const directive = (line: Line | undefined): Directive => {
  if (line?.kind !== "directive") throw new Error(`expected a directive, got ${line?.kind}`);
  return line;
};
/** A branch as `.name@line`, or "-" for no branch. */
const where = (branch: ConditionalBranch | undefined) => (branch ? `${branch.directive.name}@${branch.directive.line}` : "-");

describe("nested blocks", () => {
  const text = [
    "global", //                  0
    ".if defined(A)", //          1
    "  maxconn 1", //             2
    "  .if feature(OPENSSL)", //  3
    "    maxconn 2", //           4
    "  .else", //                 5
    "    maxconn 3", //           6
    "  .endif", //                7
    ".elif 1", //                 8
    "  maxconn 4", //             9
    ".else", //                   10
    "  maxconn 5", //             11
    ".endif", //                  12
    "  maxconn 6", //             13
    "",
  ].join("\n");

  it("gives every line the innermost branch around it, and directives the branch around their block", () => {
    const { all, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(all.map((l) => `${l.line}:${where(l.guard)}`)).toEqual([
      "0:-",
      "1:-",
      "2:.if@1",
      "3:.if@1",
      "4:.if@3",
      "5:.if@1",
      "6:.else@5",
      "7:.if@1",
      "8:-",
      "9:.elif@8",
      "10:-",
      "11:.else@10",
      "12:-",
      "13:-",
    ]);
  });

  it("builds a tree of blocks with their branches, ends, parents and direct lines", () => {
    const { ast } = parse(text);
    expect(ast.conditionals).toHaveLength(1);
    const outer = ast.conditionals[0]!;
    expect(outer.kind).toBe("conditional");
    expect(outer.parent).toBeUndefined();
    expect(outer.branches.map((b) => [b.kind, where(b), b.block === outer])).toEqual([
      ["branch", ".if@1", true],
      ["branch", ".elif@8", true],
      ["branch", ".else@10", true],
    ]);
    expect(outer.end?.line).toBe(12);
    expect(outer.branches.map((b) => b.lines.map((l) => l.line))).toEqual([[2], [9], [11]]);
    expect(outer.branches.map((b) => b.children.length)).toEqual([1, 0, 0]);

    const inner = outer.branches[0]!.children[0]!;
    expect(inner.parent).toBe(outer.branches[0]);
    expect(inner.branches.map(where)).toEqual([".if@3", ".else@5"]);
    expect(inner.branches.map((b) => b.lines.map((l) => l.line))).toEqual([[4], [6]]);
    expect(inner.end?.line).toBe(7);
  });

  it("keeps the directives in the section body and gives them their keyword, args and ranges", () => {
    const { ast } = parse(text);
    const body = ast.sections[0]!.body;
    expect(body).toHaveLength(13);
    const nestedIf = directive(body[2]);
    expect(nestedIf.name).toBe(".if");
    expect(loc(nestedIf.keyword.range)).toBe("3:2-3:5 @36-39");
    expect(nestedIf.args.map((w) => [w.text, loc(w.range)])).toEqual([["feature(OPENSSL)", "3:6-3:22 @40-56"]]);
    const endif = directive(body[6]);
    expect(endif.name).toBe(".endif");
    expect(endif.args).toEqual([]);
    expect(endif.predicate).toBeUndefined();
    expect(loc(endif.range)).toBe("7:0-8:0 @93-102");
  });

  it("guards a section header that stands inside a block", () => {
    const { ast } = parse(".if 1\nbackend be\n  server s 1.2.3.4\n.endif\n");
    const section = ast.sections[0]!;
    expect(where(section.header.guard)).toBe(".if@0");
    expect(where(section.body[0]!.guard)).toBe(".if@0");
    expect(section.body[1]!.guard).toBeUndefined();
    expect(ast.preamble.map((l) => l.kind)).toEqual(["directive"]);
    expect(ast.conditionals[0]!.branches[0]!.lines.map((l) => l.line)).toEqual([1, 2]);
  });

  it("lists message directives and blank lines among a branch's lines", () => {
    const { ast } = parse(".if 1\n\n.notice hi\n.endif\n");
    expect(ast.conditionals[0]!.branches[0]!.lines.map((l) => [l.line, l.kind])).toEqual([
      [1, "empty"],
      [2, "directive"],
    ]);
  });

  it("keeps sibling blocks apart in source order", () => {
    const { ast } = parse(".if 1\n.endif\n.if 0\n.endif\n");
    expect(ast.conditionals.map((b) => [where(b.branches[0]), b.end?.line])).toEqual([
      [".if@0", 1],
      [".if@2", 3],
    ]);
  });
});

describe("structure errors", () => {
  it("reports a lone .elif, .else or .endif on its keyword (haproxy: lone '.else' with no matching '.if')", () => {
    const result = parse("global\n.elif 1\n  .else\n.endif # x\n");
    expect(result.diagnostics.map((d) => [d.code, d.severity, loc(d.range)])).toEqual([
      ["lone-conditional", "error", "1:0-1:5 @7-12"],
      ["lone-conditional", "error", "2:2-2:7 @17-22"],
      ["lone-conditional", "error", "3:0-3:6 @23-29"],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "'.elif' has no matching '.if'",
      "'.else' has no matching '.if'",
      "'.endif' has no matching '.if'",
    ]);
    expect(result.ast.conditionals).toEqual([]);
    expect(result.all.every((l) => l.guard === undefined)).toBe(true);
  });

  it("reports .elif and .else after .else (haproxy: '.elif' after '.else' is not permitted)", () => {
    const result = parse(".if 1\n.else\n.elif 0\n.else\n.endif\n");
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([
      ["conditional-after-else", "2:0-2:5 @12-17"],
      ["conditional-after-else", "3:0-3:5 @20-25"],
    ]);
    expect(result.ast.conditionals[0]!.branches.map(where)).toEqual([".if@0", ".else@1", ".elif@2", ".else@3"]);
    expect(result.ast.conditionals[0]!.end?.line).toBe(4);
  });

  it("reports an .if without .endif on its keyword and leaves the block open to the end of the file", () => {
    // haproxy: "non-terminated '.if' block."
    const result = parse("global\n.if 1\n  maxconn 1\n");
    expect(result.diagnostics.map((d) => [d.code, d.severity, loc(d.range)])).toEqual([
      ["unterminated-conditional", "error", "1:0-1:3 @7-10"],
    ]);
    const block = result.ast.conditionals[0]!;
    expect(block.end).toBeUndefined();
    expect(where(result.all[2]!.guard)).toBe(".if@1");
  });

  it("reports every .if left open, the outer one first", () => {
    const result = parse(".if 1\n  .if 0\n  .elif 1\n");
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([
      ["unterminated-conditional", "0:0-0:3 @0-3"],
      ["unterminated-conditional", "1:2-1:5 @8-11"],
    ]);
  });

  it("matches a later block normally after a lone .endif", () => {
    const result = parse(".endif\n.if 1\n  maxconn 1\n.endif\nglobal\n");
    expect(codes(result)).toEqual(["lone-conditional", "outside-section"]);
    expect(result.ast.conditionals.map((b) => [where(b.branches[0]), b.end?.line])).toEqual([[".if@1", 3]]);
  });

  it("does not treat a directive name in another case as a directive", () => {
    const result = parse("global\n.IF 1\n");
    expect(result.all[1]!.kind).toBe("statement");
    expect(result.ast.conditionals).toEqual([]);
    expect(codes(result)).toEqual([]);
  });
});

describe("message directives", () => {
  for (const name of [".diag", ".notice", ".warning", ".alert"] as const) {
    it(`reads ${name} as a directive with its message word and no predicate`, () => {
      const text = `global\n  ${name} "hello world" # why\n`;
      const result = parse(text);
      expect(codes(result)).toEqual([]);
      const line = directive(result.all[1]);
      expect(line.name).toBe(name);
      expect(loc(line.keyword.range)).toBe(`1:2-1:${2 + name.length} @9-${9 + name.length}`);
      expect(line.args.map((w) => w.value)).toEqual(["hello world"]);
      const start = 10 + name.length;
      expect(loc(line.args[0]!.range)).toBe(`1:${start - 7}-1:${start + 6} @${start}-${start + 13}`);
      expect(line.predicate).toBeUndefined();
      expect(line.comment?.text).toBe("# why");
      expect(result.ast.conditionals).toEqual([]);
    });
  }

  it("does not let a message directive open or close a block", () => {
    const result = parse(".if 1\n.alert \"stop\"\n.endif\n");
    expect(codes(result)).toEqual([]);
    expect(where(result.all[1]!.guard)).toBe(".if@0");
  });
});
