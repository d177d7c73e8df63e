// `${_ENV NAME}`: keepalived 2.4's environment variables, one word with the name after a space (as
// `${_RANDOM 1 10}` with its numbers). keepalived 2.2.7 and 2.3.3 leave it as written, so its braces
// are read as braces ("Unexpected '{' - ignoring", "Unknown keyword '_ENV'", "Unknown keyword '}'"):
// KA010 says so once, at the reference, instead of KA006 on a brace that is not one. Skipped where the
// daemons are not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../../server/src/index.js";
import { expectKeepalived, lintText } from "./harness.js";

const installed = spawnSync("keepalived", ["-v"]).error === undefined;
const text = (value: string) => `global_defs {\n    router_id ${value}\n}\n`;

describe("KA010 ${_ENV NAME}", () => {
  it("reads it as one word", () => {
    const parsed = parseText("keepalived", text("${_ENV HOME}"));
    expect(parsed.diagnostics).toEqual([]);
    const problems = lintText("keepalived", text("${_ENV HOME}"), { keepalivedVersion: "2.4" });
    expect(problems.filter((p) => p.severity !== "info")).toEqual([]);
  });

  it("reports it before 2.4, where keepalived leaves it as written", () => {
    for (const version of ["2.2", "2.3"]) {
      const found = expectKeepalived("KA010", text("«${_ENV HOME}»"), { keepalivedVersion: version });
      expect(found[0]!.message).toBe(`'\${_ENV HOME}' is not one of keepalived's predefined definitions at ${version} (keepalived 2.4 defines it); keepalived leaves it as written and reads its '{' and '}' as braces`);
      expect(lintText("keepalived", text("${_ENV HOME}"), { keepalivedVersion: version }).filter((p) => p.ruleId === "KA006")).toEqual([]);
    }
  });

  it("keeps other words after a space out of the reference", () => {
    // Only _ENV takes a name: `${_RANDOM x}` ends at the space, as before.
    expect(lintText("keepalived", text("${_RANDOM x}"), { keepalivedVersion: "2.4" }).some((p) => p.ruleId === "KA006" || p.code === "unexpected-brace")).toBe(true);
  });

  it.runIf(installed)("matches keepalived 2.2.7, which reads its braces", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ka010-env-")), "keepalived.conf");
    writeFileSync(file, text("${_ENV HOME}"));
    const out = spawnSync("sh", ["-c", 'keepalived -t -f "$1" -l -D 2>&1 | cat', "sh", file], { encoding: "utf8", timeout: 20_000 }).stdout;
    expect(out).toMatch(/Line 2\) Unexpected '\{'/);
    expect(lintText("keepalived", text("${_ENV HOME}"), { keepalivedVersion: "2.2" }).filter((p) => p.severity === "error" && p.range.start.line === 1)).toHaveLength(1);
  });
});
