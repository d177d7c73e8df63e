// The built command runs from the V8 code cache the build made (scripts/build.mjs). V8 refuses a cache
// made under other flags, and the command sets one (a later tier-up) before it compiles: a cache made
// without it, or a flag changed without the cache, would make every run compile the whole command
// again, silently, at twice the start-up cost. Each entry is asked whether V8 took its cache.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TIER_UP_LATER_FROM } from "../server/src/cli/tier-up.js";

const dist = join(import.meta.dirname, "..", "dist");

describe("the command's code cache", () => {
  for (const entry of ["cli.cjs", "cli.js"]) {
    it(`is accepted by V8 when dist/${entry} runs`, () => {
      expect(existsSync(join(dist, entry)), "npm test builds dist/ first").toBe(true);
      const run = spawnSync(process.execPath, [join(dist, entry), "--version"], {
        encoding: "utf8",
        env: { ...process.env, LBLINT_CODE_CACHE_REPORT: "1", NODE_OPTIONS: "" },
      });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain("code cache: accepted");
    });
  }

  it("is reported as rejected under other V8 flags, so the check above can fail", () => {
    const run = spawnSync(process.execPath, ["--no-lazy-feedback-allocation", join(dist, "cli.cjs"), "--version"], {
      encoding: "utf8",
      env: { ...process.env, LBLINT_CODE_CACHE_REPORT: "1", NODE_OPTIONS: "" },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("code cache: rejected");
  });

  it("is still accepted, and the findings the same, on an input large enough for the command to tier up later", () => {
    const backend = (i: number) => `backend b${i}\n    balance roundrob1n\n    server s${i} 10.0.0.${i % 250}:80 check\n`;
    let text = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
    let count = 0;
    while (text.length < TIER_UP_LATER_FROM * 2) text += backend(count++);
    const dir = mkdtempSync(join(tmpdir(), "lblint-tier-up-"));
    const file = join(dir, "haproxy.cfg");
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [join(dist, "cli.cjs"), "--format", "json", file], {
      encoding: "utf8",
      env: { ...process.env, LBLINT_CODE_CACHE_REPORT: "1", NODE_OPTIONS: "" },
    });
    expect(run.stderr).toContain("code cache: accepted");
    expect(run.status).toBe(1);
    const [report] = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
    // Every backend's misspelt algorithm, as on a small input.
    expect(report!.messages.filter((message) => message.ruleId === "HA004")).toHaveLength(count);
  });
});
