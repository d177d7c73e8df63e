// Regular expressions through haproxy 2.6.12 (PCRE2): lblint's HA082 reports exactly those haproxy
// refuses, as an ACL pattern matched with -m reg (compiled without capturing groups: `(a)\1` is
// refused there, `(?<x>a)\1` is not). The patterns are valid and invalid forms of every
// construct regex-compile.ts reads. Skipped where haproxy is not installed (CI installs it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { regexError } from "../../server/src/rules/haproxy/regex-compile.js";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const VALID = [
  "(?i)^www\\.", "^/api/(v1|v2)/", "[[:alpha:]]+", "a{2,3}", "\\d+", "(?<name>x)\\k<name>", "a++", "x{,3}", "[]a]", "[^]a]",
  "\\Qa.b\\E", "(?:a|b)*", "^$", "a|", "(|a)", "\\/", "(?=x)", "\\bfoo\\b", "x*?", "(?#c)x", "{", "a{", "a{1", "a{1,",
  "(?P<n>a)(?P=n)", "[a-z0-9._-]+", "[\\w.-]+", "^[^/]+$", "(?i:abc)d", "(?-i)a", "(?<x>a)\\1", "[\\]]", "[a\\-z]",
  "\\.(css|js|png)$", "^/static/.*", "a{0}", "(?s).", "[[:^digit:]]", "a{65535}", "(*UTF)a", "\\x41+", "[\\x00-\\x7f]",
];

const INVALID = [
  "^*", "$*", "\\b*", "(?i)*", "^(a|b", "a)", "[abc", "*a", "a**", "+", "a{3,2}", "(?", "\\", "(*", "a|*b", "(?<n>", "(",
  "x{99999}", "[a-", "[z-a]", "\\1", "(a)\\2", "[\\d-z]", "a{1}{2}", "(?i", "(?z)", "\\k<nope>", "[9-0]", "((a)", "(a)\\1",
];

function refuses(dir: string, pattern: string): boolean {
  const file = join(dir, "t.cfg");
  // Single quotes: haproxy reads the pattern as written.
  writeFileSync(file, `frontend fe\n    mode http\n    bind 127.0.0.1:18080\n    timeout client 5s\n    http-request deny if { path -m reg '${pattern}' }\n`);
  const run = haproxyCheck(file, { timeout: 20_000 });
  return run.status !== 0;
}

describe("HA082 regex-invalid, as PCRE decides", () => {
  it("takes the valid patterns and reports the invalid ones, without asking haproxy", () => {
    expect(VALID.filter((pattern) => regexError(pattern, false) !== undefined)).toEqual([]);
    expect(INVALID.filter((pattern) => regexError(pattern, false) === undefined)).toEqual([]);
  });

  it("reads hostile patterns in linear time (a quadratic scan would take minutes here)", () => {
    const n = 200_000;
    for (const unit of ["[", "[[:", "(", "(?", "(?#", "\\Q", "[a-", "(?<", "\\k<", "{1,", "a*"]) {
      const pattern = unit.repeat(Math.ceil(n / unit.length));
      expect(() => regexError(pattern, false)).not.toThrow();
    }
  });

  it.runIf(installed)("agrees with haproxy 2.6.12 on every one of them", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha082-"));
    const wrong = [...VALID, ...INVALID].filter((pattern) => refuses(dir, pattern) !== (regexError(pattern, false) !== undefined));
    expect(wrong).toEqual([]);
  }, 120_000);

  // regsub's first argument as written on the line, unescaped by the line and then by haproxy's
  // argument parser before PCRE sees it.
  const REGSUB = [String.raw`\d[`, String.raw`a\.b[`, String.raw`\(`, String.raw`\\\\[`, String.raw`\[`, String.raw`\\(`, `'('`, `"a|+b"`, `'\\d['`, String.raw`x\tb(`];

  it.runIf(installed)("reads regsub's regex as haproxy 2.6.12 does, backslashes and quotes included", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha082-regsub-"));
    const file = join(dir, "t.cfg");
    const wrong = REGSUB.filter((argument) => {
      const text = `frontend fe\n    mode http\n    bind 127.0.0.1:18080\n    timeout client 5s\n    http-request set-header X %[path,regsub(${argument},x)]\n`;
      writeFileSync(file, text);
      const refused = haproxyCheck(file, { timeout: 20_000 }).status !== 0;
      // An unbalanced '(' in an argument is HA068's (where haproxy ends the arguments); either is an error on the line.
      return refused !== lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => (p.ruleId === "HA082" || p.ruleId === "HA068") && p.severity === "error");
    });
    expect(wrong).toEqual([]);
  }, 60_000);
});
