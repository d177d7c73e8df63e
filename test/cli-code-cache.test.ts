// The built command runs from the V8 code cache the build made (scripts/build.mjs). V8 refuses a cache
// made under other flags, and the command sets one (a later tier-up) before it compiles: a cache made
// without it, or a flag changed without the cache, would make every run compile the whole command
// again, silently, at twice the start-up cost. Each entry is asked whether V8 took its cache.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

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
});
