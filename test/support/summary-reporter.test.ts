// The closing "N passed, N failed" line is what CI reads: a test file that cannot even load must
// show up in it as a failure, never as a clean run.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

describe("the summary reporter", () => {
  it("counts a test file that fails to load as a failure", () => {
    const project = mkdtempSync(join(tmpdir(), "lblint-summary-"));
    try {
      writeFileSync(join(project, "good.test.ts"), 'import { it } from "vitest";\nit("passes", () => {});\n');
      writeFileSync(join(project, "broken.test.ts"), 'throw new Error("cannot load");\n');
      const result = spawnSync(
        process.execPath,
        [join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--root", project, "--reporter", join(root, "test", "support", "summary-reporter.ts")],
        { encoding: "utf8", cwd: project, timeout: 60_000 },
      );
      expect(result.status, result.stderr).not.toBe(0);
      expect(result.stdout).toMatch(/^1 passed, 1 failed$/m);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
