// `$NAME=value` definitions. Every continuation rule below was checked with keepalived 2.2.7: a
// definition `$X=…` followed by a line `$X` reports the words it expanded to as unknown keywords,
// so `keepalived -t` shows which lines joined the definition.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Definition } from "../../../grammars/keepalived/ast.js";
import { allItems, blockAt, codes, definitionAt, itemsOf, loc, parse, statementAt, triviaTexts } from "./helpers.js";

/** The definitions and statement keywords of a file, in order. */
const shape = (text: string) =>
  allItems(parse(text)).map((item) =>
    item.kind === "definition" ? `def ${item.name}=${JSON.stringify(item.value)}` : item.kind === "statement" ? item.keyword.value : item.kind,
  );

describe("single-line definitions", () => {
  const result = parse("$IFACE=eth0\n  $VIP=10.0.0.100/24 # the VIP\n$EMPTY=\nvrrp_instance VI_1 {\n  interface $IFACE\n}\n");

  it("give the name, its range, the value and the whole range", () => {
    const iface = definitionAt(result.ast, 0);
    expect([iface.name, loc(iface.nameRange), iface.value, loc(iface.range), iface.multiline]).toEqual(["IFACE", "0:1-0:6 @1-6", "eth0", "0:0-0:11 @0-11", false]);
  });

  it("may be indented, and stop before a trailing comment", () => {
    const vip = definitionAt(result.ast, 1);
    expect([vip.name, loc(vip.nameRange), vip.value, loc(vip.range)]).toEqual(["VIP", "1:3-1:6 @15-18", "10.0.0.100/24 ", "1:2-1:21 @14-33"]);
    expect(triviaTexts(result.ast, "comment")).toEqual(["# the VIP"]);
  });

  it("may have an empty value", () => {
    const empty = definitionAt(result.ast, 2);
    expect([empty.name, empty.value, loc(empty.range)]).toEqual(["EMPTY", "", "2:0-2:7 @43-50"]);
  });

  it("are used by reference in later statements", () => {
    const use = statementAt(blockAt(result.ast, 3), 0);
    expect(use.args[0]!.variables.map((v) => [v.name, loc(v.range)])).toEqual([["IFACE", "4:12-4:18 @84-90"]]);
  });
});

describe("multi-line definitions", () => {
  it("take every line ending in `\\` and the one after it, braces included (k10)", () => {
    const result = parse(readFileSync("/work/shared/research/oracle-cases/keepalived/k10_multiline_def.conf", "utf8"));
    expect(codes(result)).toEqual([]);
    expect(itemsOf(result.ast).map((i) => i.kind)).toEqual(["block", "definition", "definition", "definition", "statement", "definition", "definition", "statement"]);
    const inst = definitionAt(result.ast, 1);
    expect([inst.name, loc(inst.nameRange), loc(inst.range), inst.multiline]).toEqual(["INST", "3:1-3:5 @31-35", "3:0-11:1 @30-190", true]);
    expect(inst.value.startsWith("vrrp_instance VI_$N { \\\n  state MASTER \\\n")).toBe(true);
    expect(inst.value.endsWith("  } \\\n}")).toBe(true);
    const use = statementAt(result.ast, 4);
    expect(use.keyword.variables.map((v) => [v.text, loc(v.range)])).toEqual([["$INST", "14:0-14:5 @203-208"]]);
  });

  it("continue when blanks follow the backslash", () => {
    expect(shape("$A=bogusA1 \\  \n  bogusA2\nafter\n")).toEqual(['def A="bogusA1 \\\\  \\n  bogusA2"', "after"]);
  });

  it("continue when a comment follows the backslash, and keep that comment in the value", () => {
    expect(shape("$A=bogusA1 \\ # note\n  bogusA2\nafter\n")).toEqual(['def A="bogusA1 \\\\ # note\\n  bogusA2"', "after"]);
  });

  it("continue when a comment on a continued line ends with a backslash", () => {
    expect(shape("$C=bogusC1 \\\n  bogusC2 ! c \\\n  bogusC3\nafter\n")).toEqual(['def C="bogusC1 \\\\\\n  bogusC2 ! c \\\\\\n  bogusC3"', "after"]);
  });

  it("stop when the backslash at the end of a comment is escaped by another", () => {
    expect(shape("$V=bogusV1 \\\n  # c \\\\\n  bogusV2\n")).toEqual(['def V="bogusV1 \\\\\\n  "', "bogusV2"]);
  });

  it("stop at a blank or whitespace-only line", () => {
    expect(shape("$W=bogusW1 \\\n\nbogusI\n")).toEqual(['def W="bogusW1 \\\\\\n"', "bogusI"]);
    expect(shape("$B=bogusB1 \\\n   \nbogusB2\n")).toEqual(['def B="bogusB1 \\\\\\n   "', "bogusB2"]);
  });

  it("continue from an open quote whose `#` is no comment", () => {
    expect(shape('$D=bogusD1 "x # \\\n  bogusD2\nafter\n')).toEqual(['def D="bogusD1 \\"x # \\\\\\n  bogusD2"', "after"]);
  });

  it("continue over CRLF line endings and from an empty first line", () => {
    const result = parse("$W= \\\r\n  bogusW1\r\nafter\r\n");
    const w: Definition = definitionAt(result.ast, 0);
    expect([w.value, loc(w.range), w.multiline]).toEqual([" \\\r\n  bogusW1", "0:0-1:9 @0-16", true]);
    expect(statementAt(result.ast, 1).keyword.value).toBe("after");
  });

  it("end at the end of the file after a final backslash, on their one line", () => {
    const result = parse("$X=a \\");
    expect([definitionAt(result.ast, 0).value, definitionAt(result.ast, 0).multiline]).toEqual(["a \\", false]);
  });
});

describe("where a definition can stand", () => {
  it("after a brace, where it runs to the end of the line and takes the `}` with it", () => {
    // keepalived -t: `bogusC { $Y=bogusD }` then `$Y` reported 'bogusD' and an unknown '}'.
    const result = parse("bogusC { $Y=bogusD }\n");
    const block = blockAt(result.ast, 0);
    expect(block.close).toBeUndefined();
    const y = definitionAt(block, 0);
    expect([y.name, y.value, loc(y.range)]).toEqual(["Y", "bogusD }", "0:9-0:20 @9-20"]);
    expect(codes(result)).toEqual(["missing-close-brace"]);
  });

  it("not after a word: `bogusX $E=1` is a statement and defines nothing", () => {
    // keepalived -t: a later `$E` was reported as the unknown keyword '$E'.
    expect(shape("bogusX $E=1\n")).toEqual(["bogusX"]);
    expect(statementAt(parse("bogusX $E=1\n").ast, 0).args.map((w) => w.value)).toEqual(["$E=1"]);
  });

  it("not after a word ending in `}`, nor after a lone carriage return, which keepalived reads as a space", () => {
    expect(shape("router_id ${A} $B=1\n")).toEqual(["router_id"]);
    expect(shape("router_id {{ a }} $B=1\n")).toEqual(["router_id"]);
    expect(shape("bogusCR\r$C=1\r\n")).toEqual(["bogusCR"]);
  });

  it("not with a space before `=` or a digit first in the name", () => {
    // keepalived -t: `$S =bogusS1` then `$S` reported '$S' twice.
    expect(shape("$S =bogusS1\n$1=x\n")).toEqual(["$S", "$1=x"]);
  });
});
