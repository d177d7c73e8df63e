// Property-based robustness: for arbitrary text and for mutations of real corpus files, the parsers
// never throw, print every byte back, keep every range inside the document, and every rule runs to
// the end (a rule that throws shows up as an `internal-error` problem, which must never happen).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { printHaproxy } from "../../grammars/haproxy/print.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { printKeepalived } from "../../grammars/keepalived/print.js";
import { resolveConfig } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
import type { Problem } from "../../server/src/lint/report.js";
import { CORPUS, loadManifest, type Format } from "../corpus/corpus.js";
import { apply, mutations } from "./mutations.js";

const config = resolveConfig({ haproxyVersion: "2.6", keepalivedVersion: "2.2" }, "robustness test");

function check(format: Format, text: string): void {
  const parsed = format === "haproxy" ? parseHaproxy(text) : parseKeepalived(text);
  const printed = format === "haproxy" ? printHaproxy(parsed.ast as never) : printKeepalived(parsed.ast as never);
  expect(printed).toBe(text);
  const problems: Problem[] = lint(parsed, config);
  for (const problem of problems) {
    expect(problem.code, problem.message).not.toBe("internal-error");
    expect(problem.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(problem.range.end.offset).toBeLessThanOrEqual(text.length);
    expect(problem.range.start.offset).toBeLessThanOrEqual(problem.range.end.offset);
  }
}

function corpusTexts(format: Format): string[] {
  return loadManifest()
    .filter((entry) => entry.format === format && entry.oracle !== null && !entry.file.startsWith("templated/"))
    .map((entry) => readFileSync(join(CORPUS, entry.file), "utf8"));
}

describe.each(["haproxy", "keepalived"] as const)("%s: robustness", (format) => {
  const texts = corpusTexts(format);

  it("parses, prints back and lints any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => check(format, text)),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it("parses, prints back and lints mutated corpus files", () => {
    fc.assert(
      fc.property(fc.nat(texts.length - 1), mutations, (index, list) => check(format, apply(texts[index]!, list))),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
