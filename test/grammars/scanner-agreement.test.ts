// The hand-written scanners must produce exactly the tokens of the Chevrotain lexers that define
// them: same types, same images, same offsets, on every corpus file and on random text.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IToken, Lexer } from "chevrotain";
import { haproxyLexer } from "../../grammars/haproxy/lexer.js";
import { scanHaproxy } from "../../grammars/haproxy/scanner.js";
import { CORPUS } from "../corpus/corpus.js";

type Scanner = (text: string, withWhitespace: boolean) => IToken[];

const describeTokens = (tokens: readonly IToken[]) => tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${JSON.stringify(t.image)}`);

function disagreement(lexer: Lexer, scan: Scanner, text: string): string | undefined {
  const expected = describeTokens(lexer.tokenize(text).tokens);
  const actual = describeTokens(scan(text, true));
  const index = expected.findIndex((token, i) => token !== actual[i]);
  if (index < 0 && expected.length === actual.length) return undefined;
  const at = index < 0 ? Math.min(expected.length, actual.length) : index;
  return `token ${at}: lexer ${expected[at]} / scanner ${actual[at]}`;
}

/** mulberry32: a small seeded PRNG, so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTexts(alphabet: readonly string[], count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 80) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
}

const HAPROXY_ALPHABET = ["a", "b", " ", "\t", "\v", "\f", "\r", "\n", "\r\n", "#", '"', "'", "\\", "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "$", "é", "😀", "\0"];

describe("the haproxy scanner", () => {
  it("agrees with the Chevrotain lexer on every corpus file", () => {
    const failures: string[] = [];
    for (const sub of ["haproxy", "templated/haproxy"]) {
      for (const name of readdirSync(join(CORPUS, sub))) {
        const problem = disagreement(haproxyLexer, scanHaproxy, readFileSync(join(CORPUS, sub, name), "utf8"));
        if (problem) failures.push(`${sub}/${name}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("agrees with the Chevrotain lexer on 3,000 random texts", () => {
    const failures = randomTexts(HAPROXY_ALPHABET, 3000, 7)
      .map((text) => [text, disagreement(haproxyLexer, scanHaproxy, text)] as const)
      .filter(([, problem]) => problem)
      .map(([text, problem]) => `${JSON.stringify(text)}: ${problem}`);
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
