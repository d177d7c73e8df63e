// Every syntax problem the grammars report has a fixture, and each fixture is checked twice: lblint
// must report its code on the stated line, and the real checker (haproxy 2.6 / keepalived 2.2.7,
// installed by .ci/run) must do what the fixture's header says it does. The headers are what the rule
// docs will quote as "what the native checker says".
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(root, "fixtures", "syntax");

interface Checked {
  code: number | null;
  output: string;
}

function runChecker(format: "haproxy" | "keepalived", file: string): Checked {
  const args = format === "haproxy" ? ["-c", "-f", file] : ["-t", "-f", file, "-l", "-D"];
  const result = spawnSync(format, args, { encoding: "utf8", timeout: 30_000 });
  if (result.error) throw new Error(`${format} is not installed (apt-get install -y haproxy keepalived): ${result.error.message}`);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

interface Expectation {
  lblint: { code: string; line: number };
  oracle: string;
}

function expectationOf(text: string): Expectation {
  // A fixture about a byte order mark starts with one, before its header.
  const [first = "", second = ""] = text.replace(/^\ufeff/, "").split("\n");
  const lblint = /^[#!] lblint: ([a-z-]+)@(\d+)$/.exec(first);
  const oracle = /^[#!] (?:haproxy|keepalived): (.*)$/.exec(second);
  if (!lblint || !oracle) throw new Error(`fixture header must be '# lblint: CODE@LINE' then '# CHECKER: EXPECTATION', got ${JSON.stringify([first, second])}`);
  return { lblint: { code: lblint[1]!, line: Number(lblint[2]) }, oracle: oracle[1]! };
}

/** What lblint reports: `code@line` with 1-based lines. */
function lblintSays(format: "haproxy" | "keepalived", text: string): string[] {
  const parsed = format === "haproxy" ? parseHaproxy(text) : parseKeepalived(text);
  return parsed.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`);
}

/** Checks the checker's behaviour against an expectation such as `rejects@12`, `accepts …`, `reports@4 "Unexpected '{'"`, `silent`. */
function checkOracle(format: "haproxy" | "keepalived", expectation: string, checked: Checked): void {
  const [, verb, line, quoted] = /^(rejects|accepts|reports|silent)(?:@(\d+))?(?:.*?"(.*)")?/.exec(expectation) ?? [];
  if (!verb) throw new Error(`unknown checker expectation '${expectation}'`);
  if (verb === "accepts") expect(checked.code, checked.output).toBe(0);
  if (verb === "rejects") expect(checked.code, checked.output).not.toBe(0);
  if (verb === "silent") expect(checked.output.trim(), "the checker says nothing about it").toBe("");
  const messages = checked.output.split("\n");
  const onLine = (m: string) => (format === "haproxy" ? m.includes(`:${line}]`) : m.includes(`Line ${line})`));
  if (line) expect(messages.some((m) => (format === "haproxy" ? /\[(ALERT|WARNING)\]/.test(m) : true) && onLine(m)), checked.output).toBe(true);
  if (quoted) expect(messages.some((m) => m.includes(quoted) && (!line || onLine(m))), checked.output).toBe(true);
}

function fixtureFiles(format: "haproxy" | "keepalived"): string[] {
  return readdirSync(join(fixtures, format)).sort();
}

describe.each(["haproxy", "keepalived"] as const)("%s syntax fixtures", (format) => {
  it.each(fixtureFiles(format))("%s: lblint and the real checker agree with the header", (name) => {
    const file = join(fixtures, format, name);
    const text = readFileSync(file, "utf8");
    const expected = expectationOf(text);
    expect(name.replace(/\.(cfg|conf)$/, "")).toBe(expected.lblint.code);
    expect(lblintSays(format, text)).toContain(`${expected.lblint.code}@${expected.lblint.line}`);
    checkOracle(format, expected.oracle, runChecker(format, file));
  });
});

describe("NUL bytes", () => {
  const dir = mkdtempSync(join(tmpdir(), "lblint-nul-"));

  it("haproxy rejects the file, and lblint says so on that line", () => {
    const text = "global\n    maxconn 100\n    log stdout\0format raw local0\n";
    const file = join(dir, "nul.cfg");
    writeFileSync(file, text);
    expect(lblintSays("haproxy", text)).toEqual(["nul-character@3"]);
    checkOracle("haproxy", "rejects@3", runChecker("haproxy", file));
  });

  it("keepalived silently drops the rest of the line, which lblint reports as an error", () => {
    const text = "global_defs {\n    router_id lb1\0 extra\n}\n";
    const file = join(dir, "nul.conf");
    writeFileSync(file, text);
    expect(lblintSays("keepalived", text)).toEqual(["nul-character@2"]);
    checkOracle("keepalived", "silent", runChecker("keepalived", file));
  });
});

describe("fixture coverage", () => {
  it("has a fixture for every syntax code the grammars can report", () => {
    // Never reported on real input: the scanners cover every character and the parsers never fail.
    const internal = new Set(["lexer", "parser"]);
    // No checker to compare with: a note about templates; NUL bytes are tested above from generated
    // text; nesting a hundred levels deep is lblint's own limit (tested in the grammar tests).
    const withoutOracle = new Set(["template-syntax", "nul-character", "nesting-too-deep"]);
    const sources = ["haproxy", "keepalived", "common"].flatMap((dir) =>
      readdirSync(join(root, "grammars", dir)).map((file) => readFileSync(join(root, "grammars", dir, file), "utf8")),
    );
    const codes = new Set(sources.flatMap((source) => [...source.matchAll(/diagnostic\(\s*"([a-z-]+)"/g)].map((m) => m[1]!)));
    const covered = new Set(["haproxy", "keepalived"].flatMap((format) => fixtureFiles(format as "haproxy").map((name) => name.replace(/\.(cfg|conf)$/, ""))));
    const missing = [...codes].filter((code) => !internal.has(code) && !withoutOracle.has(code) && !covered.has(code));
    expect(missing).toEqual([]);
    expect(codes.size).toBeGreaterThan(15);
  });
});
