// An editor re-parses only the haproxy section or keepalived top-level block that an edit touches.
// That works when a piece parsed on its own, given where it starts, yields the very ranges that the
// whole file's parse gives; and when moving a piece moves every range in it.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Range } from "../../grammars/common/text.js";
import type { Line } from "../../grammars/haproxy/ast.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { printHaproxy } from "../../grammars/haproxy/print.js";
import type { Block } from "../../grammars/keepalived/ast.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { printKeepalived } from "../../grammars/keepalived/print.js";
import { keepalivedItems, keepalivedStatements } from "../../grammars/keepalived/walk.js";
import { CORPUS } from "../corpus/corpus.js";

const where = (range: Range) => `${range.start.offset}-${range.end.offset} ${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;

function haproxyWords(lines: readonly Line[]): string[] {
  return lines.flatMap((line) => [`line ${line.line} ${where(line.range)}`, ...line.tokens.map((token) => `${token.kind} ${JSON.stringify(token.text)} ${where(token.range)}`)]);
}

/** Every item, statement line and word of a block, with its range. */
function keepalivedWords(block: Block): string[] {
  const out = [block, ...keepalivedItems(block)].map((item) => `${item.kind} ${where(item.range)}`);
  for (const statement of [block.header!, ...keepalivedStatements(block)]) {
    out.push(`line ${statement.line}`, ...statement.words.map((word) => `${JSON.stringify(word.text)} ${where(word.range)}`));
  }
  return out;
}

function corpusFiles(format: "haproxy" | "keepalived"): [string, string][] {
  return readdirSync(join(CORPUS, format)).map((name) => [name, readFileSync(join(CORPUS, format, name), "utf8")]);
}

describe("haproxy sections parsed on their own", () => {
  it("give the ranges and text of the whole-file parse, on every corpus file", () => {
    const failures: string[] = [];
    for (const [name, text] of corpusFiles("haproxy")) {
      const whole = parseHaproxy(text);
      for (const section of whole.ast.sections) {
        const piece = parseHaproxy(text.slice(section.range.startOffset, section.range.endOffset), { base: section.range.start });
        const alone = piece.ast.sections[0];
        if (!alone || piece.ast.sections.length !== 1 || printHaproxy(alone) !== printHaproxy(section)) {
          failures.push(`${name}: section at line ${section.header.line} does not parse back to one section`);
          continue;
        }
        const expected = haproxyWords([section.header, ...section.body]);
        const actual = haproxyWords([alone.header, ...alone.body]);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) failures.push(`${name}: section at line ${section.header.line} has other ranges`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("keepalived top-level blocks parsed on their own", () => {
  it("give the ranges and text of the whole-file parse, on every corpus file", () => {
    const failures: string[] = [];
    for (const [name, text] of corpusFiles("keepalived")) {
      const whole = parseKeepalived(text);
      for (const item of whole.ast.items) {
        if (item.kind !== "block" || !item.header) continue;
        const piece = parseKeepalived(text.slice(item.range.startOffset, item.range.endOffset), { base: item.range.start });
        const alone = piece.ast.items[0];
        if (alone?.kind !== "block" || piece.ast.items.length !== 1 || printKeepalived(alone) !== printKeepalived(item)) {
          failures.push(`${name}: block at ${where(item.range)} does not parse back to one block`);
          continue;
        }
        const expected = keepalivedWords(item);
        const actual = keepalivedWords(alone);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) failures.push(`${name}: block at ${where(item.range)} has other ranges`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("moving a piece", () => {
  it("moves every range in it, lines and columns included", () => {
    const piece = parseHaproxy("backend web\n    server s1 10.0.0.1:80 check\n", { base: { offset: 100, line: 7, column: 0 } });
    const server = piece.ast.sections[0]!.body[0]!;
    expect(where(server.words[1]!.range)).toBe("123-125 8:11-8:13");
    expect(server.line).toBe(8);
    piece.lines.moveTo({ offset: 90, line: 5, column: 0 });
    expect(where(server.words[1]!.range)).toBe("113-115 6:11-6:13");
    expect(server.line).toBe(6);
  });

  it("counts columns from the piece's first column on its first line only", () => {
    const piece = parseKeepalived("vrrp_instance VI_2 {\n  state BACKUP\n}", { base: { offset: 40, line: 3, column: 2 } });
    const block = piece.ast.items[0]!;
    expect(block.kind === "block" && where(block.header!.words[1]!.range)).toBe("54-58 3:16-3:20");
    expect(block.kind === "block" && where(block.items[0]!.range)).toBe("63-75 4:2-4:14");
  });
});
