// The hand-written text searches of the haproxy rules find exactly what the regular expressions
// they stand for find, on arbitrary texts built from the characters that matter to them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../grammars/common/text.js";
import { searchLines, type TextProbe } from "../../server/src/rules/search-lines.js";
import { BACKSLASH_AT_LINE_END, HASH_AFTER_WORD } from "../../server/src/rules/haproxy/text-probes.js";
import { isPlainIpv4AndPort, PLAIN_IPV4_AND_PORT_WORD } from "../../server/src/facts/shapes.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import type { Statement } from "../../grammars/haproxy/ast.js";

const PROBES: Record<string, TextProbe> = { HASH_AFTER_WORD, BACKSLASH_AT_LINE_END };
const pieces = ["#", "\\", " ", "\t", "\n", "\r\n", "\r", ".", '"', "'", "a", "bind", "\u2028", "x#y", " \\ #"];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(""));

/** Every match start of `pattern` from each offset, as the regular expression finds it. */
function byRegex(pattern: RegExp, text: string, from: number): number {
  const search = new RegExp(pattern.source, `${pattern.flags}g`);
  search.lastIndex = from;
  return search.exec(text)?.index ?? -1;
}

describe("text probes", () => {
  for (const [name, probe] of Object.entries(PROBES)) {
    it(`${name} finds what ${probe.pattern} finds, from every offset`, () => {
      fc.assert(
        fc.property(texts, (text) => {
          for (let from = 0; from <= text.length; from++) expect(probe.find(text, from), `${JSON.stringify(text)} from ${from}`).toBe(byRegex(probe.pattern, text, from));
        }),
        { numRuns: 400 },
      );
    });
    it(`${name} gives searchLines the regular expression's lines`, () => {
      const text = "global\n  .if defined(X)\nbackend b\n  acl a path_beg /x#y\n  server s 10.0.0.1:80 \\ \n\t'quoted' x\n# c\n";
      const lines = new LineIndex(text);
      expect(searchLines(text, lines, probe)).toEqual(searchLines(text, lines, probe.pattern));
      expect(searchLines(text, lines, probe).length).toBeGreaterThan(0);
    });
  }
});

describe("isPlainIpv4AndPort", () => {
  it("takes the usual server address and nothing a server check would question", () => {
    for (const yes of ["10.0.0.1:80", "0.0.0.0:1", "255.255.255.255:65535", "192.168.1.20:8080"]) expect(isPlainIpv4AndPort(yes), yes).toBe(true);
    for (const no of ["10.0.0.1", "10.0.0.1:", "10.0.0.1:0", "10.0.0.1:65536", "10.0.0.256:80", "010.0.0.1:80", "10.0.0.1:080", "10.0.0:80", "10.0.0.1.2:80", "10.0.0.1:80a", "a.b.c.d:80", "10.0.0.1:+1", "[::1]:80", "", "1.2.3.4:123456"]) {
      expect(isPlainIpv4AndPort(no), no).toBe(false);
    }
  });
});

describe("PLAIN_IPV4_AND_PORT_WORD", () => {
  it("matches a server's address word in place exactly when isPlainIpv4AndPort takes its text", () => {
    const digits = fc.constantFrom("0", "1", "2", "5", "6", "9", "25", "255", "256", "65535", "65536", "6553", "010");
    const soup = fc.array(fc.oneof(digits, fc.constantFrom(".", ":", "a", "+", "-", "[", "]")), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
    // Mostly the shape itself, with an edge value or a stray character here and there.
    const shaped = fc.tuple(digits, digits, digits, digits, digits, fc.constantFrom("", "", "", "0", "a", ":", ".")).map(([a, b, c, d, port, tail]) => `${a}.${b}.${c}.${d}:${port}${tail}`);
    const address = fc.oneof(soup, shaped);
    fc.assert(
      fc.property(address, (word) => {
        const statement = parseHaproxy(`backend b\n  server s ${word} check\n`).ast.sections[0]!.body.find((line): line is Statement => line.kind === "statement")!;
        expect(statement.plainWordMatches(2, PLAIN_IPV4_AND_PORT_WORD), word).toBe(isPlainIpv4AndPort(word));
      }),
      { numRuns: 1500 },
    );
  });
});
