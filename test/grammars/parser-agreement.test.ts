// The parsers read the scanners' tokens with plain loops (haproxy/parse.ts, keepalived/items.ts): no
// token objects, no Chevrotain at run time. The grammars stay stated for Chevrotain (haproxy/parser.ts,
// keepalived/parser.ts), fed by the Chevrotain lexers, and these tests hold the loops to them: the
// same lines, words, items and braces at the same offsets, on every corpus file and on random text.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Line } from "../../grammars/haproxy/ast.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { referenceLines, type LineShape } from "../../grammars/haproxy/parser.js";
import type { KeepalivedItem, Statement } from "../../grammars/keepalived/ast.js";
import { MAX_BLOCK_DEPTH } from "../../grammars/keepalived/items.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { referenceItems, type ItemShape } from "../../grammars/keepalived/parser.js";
import { CORPUS } from "../corpus/corpus.js";
import { seededRandom } from "../support/random.js";

function haproxyLines(text: string): LineShape[] {
  const ast = parseHaproxy(text).ast;
  const lines: Line[] = [...ast.preamble, ...ast.sections.flatMap((section) => [section.header, ...section.body])];
  return lines.map((line) => ({
    start: line.range.localStart,
    end: line.range.localEnd,
    words: line.words.map((word) => [word.range.localStart, word.range.localEnd] as const),
    comment: line.comment?.range.localStart ?? -1,
    newline: line.tokens.find((token) => token.kind === "newline")?.range.localStart ?? -1,
  }));
}

function statementShape(statement: Statement): ItemShape {
  const parts = statement.tokens
    .filter((token) => token.kind !== "whitespace")
    .map((token) => {
      const { localStart, localEnd } = token.range;
      // A statement of prefixes only keeps them as words.
      const name =
        token.kind === "config-id" || (statement.prefixOnly && token.text.startsWith("@"))
          ? "ConfigId"
          : token.kind === "sequence" || statement.prefixOnly
            ? "Sequence"
            : token.kind === "word" && token.quoted
              ? "Quoted"
              : "Word";
      return [localStart, localEnd, name] as const;
    });
  return { kind: "statement", parts };
}

function itemShapes(items: readonly KeepalivedItem[]): ItemShape[] {
  return items.map((item): ItemShape => {
    switch (item.kind) {
      case "statement":
        return statementShape(item);
      case "block":
        return {
          kind: "block",
          header: item.header && statementShape(item.header),
          open: item.open.range.localStart,
          items: itemShapes(item.items),
          close: item.close?.range.localStart ?? -1,
        };
      case "definition":
        return { kind: "definition", start: item.range.localStart, end: item.range.localEnd };
      case "stray-brace":
        return { kind: "stray-brace", at: item.range.localStart, open: item.brace.kind === "open-brace", deep: item.deep };
      case "alternative-header":
        return { kind: "alternative-header", header: statementShape(item.header), open: item.open.range.localStart };
    }
  });
}

const keepalivedShapes = (text: string) => itemShapes(parseKeepalived(text).ast.items);

function corpusTexts(dirs: readonly string[]): [string, string][] {
  return dirs.flatMap((dir) => readdirSync(join(CORPUS, dir)).map((name): [string, string] => [`${dir}/${name}`, readFileSync(join(CORPUS, dir, name), "utf8")]));
}

function randomTexts(alphabet: readonly string[], count: number, seed: number): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 80) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
}

/** The texts on which the fast parse and the reference differ (at most five). */
function disagreements<Shape>(texts: readonly (readonly [string, string])[], fast: (text: string) => Shape, reference: (text: string) => Shape): string[] {
  const failures: string[] = [];
  for (const [name, text] of texts) {
    const expected = JSON.stringify(reference(text));
    if (JSON.stringify(fast(text)) !== expected) failures.push(name);
    if (failures.length === 5) break;
  }
  return failures;
}

const named = (texts: readonly string[]) => texts.map((text) => [JSON.stringify(text), text] as const);

const HAPROXY_ALPHABET = ["a", "b", " ", "\t", "\r", "\n", "\r\n", "#", '"', "'", "\\", "{", "}", "{{", "}}", "{#", "#}", "$", "é", "\0", "global\n", "if ", "!"];

const KEEPALIVED_ALPHABET = ["a", "b", " ", "\t", "\r", "\n", "\r\n", "#", "!", '"', "\\", "{", "}", "{{", "}}", "$", "$A=", "${A}", "@lb1 ", "@^x", "~SEQ(i,1,2) ", "include ", "x {\n", "}\n", "\0"];

describe("the haproxy line reader", () => {
  it("reads the lines of the Chevrotain parser on every corpus file", () => {
    expect(disagreements(corpusTexts(["haproxy", "templated/haproxy"]), haproxyLines, referenceLines)).toEqual([]);
  });

  it("reads the lines of the Chevrotain parser on 3,000 random texts", () => {
    expect(disagreements(named(randomTexts(HAPROXY_ALPHABET, 3000, 23)), haproxyLines, referenceLines)).toEqual([]);
  });
});

describe("the keepalived item reader", () => {
  it("reads the items of the Chevrotain parser on every corpus file", () => {
    expect(disagreements(corpusTexts(["keepalived", "templated/keepalived"]), keepalivedShapes, referenceItems)).toEqual([]);
  });

  it("reads the items of the Chevrotain parser on 3,000 random texts", () => {
    expect(disagreements(named(randomTexts(KEEPALIVED_ALPHABET, 3000, 29)), keepalivedShapes, referenceItems)).toEqual([]);
  });

  it("reads alternative @id headers as the Chevrotain parser does, on 3,000 random texts of such lines", () => {
    const lines = ["@a x {\n", "@b y {\n", "@^a z {\n", "@^b w {\n", "@a x {", "@b y { k\n", "@b y\n", "{\n", "}\n", "k v\n", "\n", "# c\n", "@a ~SEQ(i,1,2) x {\n", "@b\n", "@c \"q\" {\r\n", " \t"];
    expect(disagreements(named(randomTexts(lines, 3000, 31)), keepalivedShapes, referenceItems)).toEqual([]);
  });

  it("reads blocks nested past the depth limit as the Chevrotain parser does", () => {
    const deep = [
      "a {\n".repeat(MAX_BLOCK_DEPTH - 2) + "@a x {\n@b y {\n@c z {\nk\n}\n",
      "a {\n".repeat(MAX_BLOCK_DEPTH - 1) + "@a x {\n@b y {\nk\n}\n",
      "a {\n".repeat(MAX_BLOCK_DEPTH) + "@a x {\n@b y {\nk\n}\n",
      "a {\n".repeat(MAX_BLOCK_DEPTH + 5) + "b\n" + "}\n".repeat(MAX_BLOCK_DEPTH + 8),
      "{".repeat(MAX_BLOCK_DEPTH + 3) + "x {\n}" + "}".repeat(MAX_BLOCK_DEPTH),
      "x\n".repeat(3) + "{ a {".repeat(MAX_BLOCK_DEPTH) + "\n\n{\n",
    ];
    expect(disagreements(named(deep), keepalivedShapes, referenceItems)).toEqual([]);
  });
});
