// Printing the tree gives the file back, byte for byte, and the ranges of the tree tile the file:
// each child starts where the previous one ended. Checked on hand-picked awkward inputs, on every
// oracle case file, and on 2,000 seeded random strings.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Block, KeepalivedChild, KeepalivedConfig } from "../../../grammars/keepalived/ast.js";
import { parseKeepalived, type KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { printKeepalived } from "../../../grammars/keepalived/print.js";
import { keepalivedItems } from "../../../grammars/keepalived/walk.js";
import { seededRandom } from "../../support/random.js";

/** Problems with the ranges of a parse: gaps or overlaps between siblings, items that print differently. */
function rangeProblems(result: KeepalivedParseResult): string[] {
  const problems: string[] = [];
  const text = result.lines.text;
  const expectAt = (what: string, actual: number, expected: number) => {
    if (actual !== expected) problems.push(`${what} at ${actual}, expected ${expected}`);
  };
  const tile = (children: readonly KeepalivedChild[], start: number, end: number, where: string) => {
    let at = start;
    for (const child of children) {
      expectAt(`${child.kind} in ${where}`, child.range.startOffset, at);
      at = child.range.endOffset;
    }
    expectAt(`end of ${where}`, at, end);
  };
  const visit = (node: KeepalivedConfig | Block) => {
    if (node.kind === "config") return tile(node.children, 0, text.length, "file");
    let at = node.range.startOffset;
    if (node.header) {
      expectAt("header", node.header.range.startOffset, at);
      at = node.header.range.endOffset;
    }
    for (const trivia of node.beforeOpen) {
      expectAt("trivia before {", trivia.range.startOffset, at);
      at = trivia.range.endOffset;
    }
    expectAt("{", node.open.range.startOffset, at);
    tile(node.children, node.open.range.endOffset, node.close?.range.startOffset ?? node.range.endOffset, "block");
    if (node.close) expectAt("end of block", node.close.range.endOffset, node.range.endOffset);
  };
  visit(result.ast);
  for (const item of keepalivedItems(result.ast)) {
    if (item.kind === "block") visit(item);
    if (printKeepalived(item) !== item.range.text) problems.push(`${item.kind} at ${item.range.startOffset} prints differently`);
  }
  for (const d of result.diagnostics) {
    const { startOffset, endOffset } = d.range;
    if (!(startOffset >= 0 && startOffset <= endOffset && endOffset <= text.length)) problems.push(`${d.code} at ${startOffset}-${endOffset} lies outside`);
  }
  return problems;
}

function expectFaithful(text: string): KeepalivedParseResult {
  const result = parseKeepalived(text);
  expect(printKeepalived(result.ast)).toBe(text);
  expect(rangeProblems(result)).toEqual([]);
  return result;
}

describe("round trip on awkward inputs", () => {
  const inputs: [string, string][] = [
    ["an empty file", ""],
    ["only spaces and line breaks", " \t\n\r\n\r \n"],
    ["only braces", "{}{{}}}{"],
    ["unbalanced braces on many lines", "a {\n b {\n}\n}\n}\n{\n"],
    ["a quote left open at the end", 'a "b { } # c'],
    ["a definition ending in a backslash", "$A=x \\"],
    ["definitions whose continuations hold braces and comments", "$A=a { \\ # c\n } \\\n$B=\n"],
    ["a lone `${` and `$`", "x ${ y $\n${"],
    ["an unclosed `~SEQ(`", "~SEQ(i, 1\n~LST(\n"],
    ["bare prefixes", "@\n@^\n@lb1\n~SEQ(i,1,2)\n"],
    ["an unterminated template comment", "{# open\n{{ x }"],
    ["mixed line endings", "a\r\nb\rc\n\r\r\n{\r}\r\n"],
    ["NUL and control bytes", "a\0b { \x01\x02 } \x7f\n\0"],
    ["lone surrogates", "router_id \ud800x \udc00\n"],
  ];
  for (const [name, text] of inputs) {
    it(`gives back ${name}`, () => {
      expectFaithful(text);
    });
  }

  it("gives back binary garbage of every byte value", () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 167 + 13) % 256)).join("");
    expectFaithful(bytes);
  });

  it("gives back very long lines and reports them", () => {
    const text = `router_id ${"x".repeat(100_000)} { ${"é".repeat(5000)} }\n`;
    const result = expectFaithful(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["line-too-long"]);
  });

  it("gives back a file that is empty and reports nothing", () => {
    const result = expectFaithful("");
    expect(result.ast.children).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("round trip on the oracle case files", () => {
  const root = "/work/shared/research/oracle-cases/keepalived";
  const files: string[] = [];
  const collect = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) collect(path);
      else files.push(path);
    }
  };
  collect(root);

  it("finds the case files", () => {
    expect(files.length).toBeGreaterThan(60);
  });

  it("gives back every case file with tiling ranges", () => {
    const failures = files.filter((path) => {
      const text = readFileSync(path, "utf8");
      const result = parseKeepalived(text);
      return printKeepalived(result.ast) !== text || rangeProblems(result).length > 0;
    });
    expect(failures).toEqual([]);
  });
});

describe("seeded random input", () => {
  const PIECES = [
    ..."{}\"#!$@~\\\n\r\t ={}\"\\\n\n  abxyz09_.,()^/-\0é😀",
    "$A=",
    "${A}",
    "$A ",
    "@lb1 ",
    "@^",
    "~SEQ(i, 1, 3) ",
    "~LST(",
    "include ",
    "{{ v }}",
    "{%",
    "{#",
    "\\\n",
    "\r\n",
    "vrrp_instance VI_1 {",
    "}",
  ];

  it("never throws, always gives the text back, and keeps diagnostics inside the document", () => {
    const random = seededRandom(20240607);
    const failures: { text: string; problem: string }[] = [];
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(random() * (n % 50 === 0 ? 400 : 60));
      let text = "";
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
      try {
        const result = parseKeepalived(text);
        if (printKeepalived(result.ast) !== text) failures.push({ text, problem: "round trip" });
        else for (const problem of rangeProblems(result)) failures.push({ text, problem });
      } catch (error) {
        failures.push({ text, problem: `threw ${String(error)}` });
      }
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
