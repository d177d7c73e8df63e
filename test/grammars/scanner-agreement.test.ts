// The hand-written scanners must produce exactly the tokens of the Chevrotain lexers that define
// them: same types, same images, same offsets, on every corpus file and on random text.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IToken, Lexer } from "chevrotain";
import { haproxyLexer } from "../../grammars/haproxy/lexer.js";
import { scanHaproxy, TOKEN_NAMES as HAPROXY_TOKEN_NAMES } from "../../grammars/haproxy/scanner.js";
import { keepalivedLexer } from "../../grammars/keepalived/lexer.js";
import { scanKeepalived, TOKEN_NAMES as KEEPALIVED_TOKEN_NAMES } from "../../grammars/keepalived/scanner.js";
import { CORPUS } from "../corpus/corpus.js";
import { seededRandom } from "../support/random.js";

/** A scanner's tokens, trivia included, described as `describeTokens` describes the lexer's. */
type Scanner = (text: string) => string[];

const describeTokens = (tokens: readonly IToken[]) => tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${JSON.stringify(t.image)}`);

/** The scanners make no token objects: they give kinds and offsets, named as the lexers name them. */
const describeScanned = (names: readonly string[], text: string, tokens: readonly { kind: number; start: number; end: number }[]) =>
  tokens.map((t) => `${names[t.kind]}@${t.start}:${JSON.stringify(text.slice(t.start, t.end))}`);

const haproxyScanner: Scanner = (text) => describeScanned(HAPROXY_TOKEN_NAMES, text, scanHaproxy(text, true));
const keepalivedScanner: Scanner = (text) => describeScanned(KEEPALIVED_TOKEN_NAMES, text, scanKeepalived(text, true));

function disagreement(lexer: Lexer, scan: Scanner, text: string): string | undefined {
  const expected = describeTokens(lexer.tokenize(text).tokens);
  const actual = scan(text);
  const index = expected.findIndex((token, i) => token !== actual[i]);
  if (index < 0 && expected.length === actual.length) return undefined;
  const at = index < 0 ? Math.min(expected.length, actual.length) : index;
  return `token ${at}: lexer ${expected[at]} / scanner ${actual[at]}`;
}

function randomTexts(alphabet: readonly string[], count: number, seed: number): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 80) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
}

const HAPROXY_ALPHABET = ["a", "b", " ", "\t", "\v", "\f", "\r", "\n", "\r\n", "#", '"', "'", "\\", "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "$", "é", "😀", "\0"];

const KEEPALIVED_ALPHABET = ["a", "b", " ", "\t", "\r", "\n", "\r\n", "#", "!", '"', "\\", "{", "}", "{{", "}}", "$", "$A=", "${A}", "${_RANDOM 1 2}", "@lb1", "@^x", "~SEQ(i,1,2)", "include", "include ", "é", "\0"];

// What the scanners find without the lexers' regular expressions (openers that are never closed,
// `${NAME 1 2}` parameters, the spaces `\s` matches beyond ASCII, `include` arguments, `~SEQ(`).
const KEEPALIVED_OPENERS = ["${", "$", "{", "}", " ", "1", "a", "-", "\u00a0", "\u2028", "\ufeff", '"', "{{", "}}", "{%", "%}", "{#", "#}", "include ", "~SEQ(", "~LST (", ")", "@a ", "\n", "\r", "\t"];

const HAPROXY_OPENERS = ["{{", "}}", "{%", "%}", "{#", "#}", "{", "}", "%", " ", "a", "\n", "\r", "\r\n", '"', "'", "\\", "$"];

function corpusDisagreements(lexer: Lexer, scan: Scanner, dirs: readonly string[]): string[] {
  const failures: string[] = [];
  for (const sub of dirs) {
    for (const name of readdirSync(join(CORPUS, sub))) {
      const problem = disagreement(lexer, scan, readFileSync(join(CORPUS, sub, name), "utf8"));
      if (problem) failures.push(`${sub}/${name}: ${problem}`);
    }
  }
  return failures;
}

function randomDisagreements(lexer: Lexer, scan: Scanner, alphabet: readonly string[], seed: number): string[] {
  return randomTexts(alphabet, 3000, seed)
    .map((text) => [text, disagreement(lexer, scan, text)] as const)
    .filter(([, problem]) => problem)
    .map(([text, problem]) => `${JSON.stringify(text)}: ${problem}`)
    .slice(0, 5);
}

describe("the keepalived scanner", () => {
  it("agrees with the Chevrotain lexer on every corpus file", () => {
    expect(corpusDisagreements(keepalivedLexer, keepalivedScanner, ["keepalived", "templated/keepalived"])).toEqual([]);
  });

  it("agrees with the Chevrotain lexer on 3,000 random texts", () => {
    expect(randomDisagreements(keepalivedLexer, keepalivedScanner, KEEPALIVED_ALPHABET, 11)).toEqual([]);
  });

  it("agrees with the Chevrotain lexer on 3,000 random texts of openers and closers", () => {
    expect(randomDisagreements(keepalivedLexer, keepalivedScanner, KEEPALIVED_OPENERS, 13)).toEqual([]);
  });
});

describe("the haproxy scanner", () => {
  it("agrees with the Chevrotain lexer on every corpus file", () => {
    expect(corpusDisagreements(haproxyLexer, haproxyScanner, ["haproxy", "templated/haproxy"])).toEqual([]);
  });

  it("agrees with the Chevrotain lexer on 3,000 random texts", () => {
    expect(randomDisagreements(haproxyLexer, haproxyScanner, HAPROXY_ALPHABET, 7)).toEqual([]);
  });

  it("agrees with the Chevrotain lexer on 3,000 random texts of openers and closers", () => {
    expect(randomDisagreements(haproxyLexer, haproxyScanner, HAPROXY_OPENERS, 17)).toEqual([]);
  });
});
