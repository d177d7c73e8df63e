// Ten megabytes of real configuration text, cut and mixed with binary noise: both parsers finish,
// give every byte back and keep every diagnostic inside the document.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { print } from "../../grammars/print.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { CORPUS } from "../corpus/corpus.js";

const TEN_MB = 10 * 1024 * 1024;

/** Corpus files of one format, concatenated and cut at random places, with noise between the cuts. */
function tenMegabytes(format: "haproxy" | "keepalived", seed: number): string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const files = readdirSync(join(CORPUS, format)).map((name) => readFileSync(join(CORPUS, format, name), "utf8"));
  const parts: string[] = [];
  let size = 0;
  while (size < TEN_MB) {
    const file = files[Math.floor(next() * files.length)]!;
    const cut = file.slice(0, Math.floor(next() * file.length));
    const noise = Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(Math.floor(next() * 256))).join("");
    parts.push(cut, noise);
    size += cut.length + noise.length;
  }
  return parts.join("");
}

describe.each([
  ["haproxy", parseHaproxy],
  ["keepalived", parseKeepalived],
] as const)("a 10 MB %s file", (format, parse) => {
  it("parses, prints back byte for byte and reports only ranges inside the text", () => {
    const text = tenMegabytes(format, 42);
    const parsed = parse(text);
    expect(print(parsed) === text).toBe(true);
    const outside = parsed.diagnostics.filter((d) => d.range.startOffset < 0 || d.range.endOffset > text.length || d.range.startOffset > d.range.endOffset);
    expect(outside).toEqual([]);
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
  });
});
