import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");
const example = join(import.meta.dirname, "..", "fixtures", "examples", "haproxy.cfg");

function run(timing: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.LBLINT_TIMING;
  if (timing !== undefined) env.LBLINT_TIMING = timing;
  const result = spawnSync(process.execPath, [cli, "--format", "json", example], { encoding: "utf8", env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The rule names of the timing table on stderr, costliest first. */
function timedRules(stderr: string): string[] {
  const lines = stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^Rule\s+\| Time \(ms\) \| Relative$/);
  return lines.slice(2).map((line) => line.split("|")[0]!.trim());
}

describe("LBLINT_TIMING", () => {
  const plain = run(undefined);

  it("is off unless asked for, and never changes the findings", () => {
    expect(plain.stderr).toBe("");
    expect(run("0").stderr).toBe("");
    const timed = run("1");
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.code).toBe(plain.code);
  });

  it("lists the ten costliest rules by default, a larger number of them, or all", () => {
    const ten = timedRules(run("1").stderr);
    expect(ten).toHaveLength(10);
    for (const name of ten) expect(name).toMatch(/^HA\d{3}$/);
    expect(timedRules(run("3").stderr)).toHaveLength(10);
    expect(timedRules(run("15").stderr)).toHaveLength(15);
    const all = timedRules(run("all").stderr);
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(all).size).toBe(all.length);
  });

  it("sorts the rows by time, costliest first", () => {
    const rows = run("all").stderr.trimEnd().split("\n").slice(2);
    const times = rows.map((row) => Number(row.split("|")[1]));
    expect(times.every((time, i) => i === 0 || time <= times[i - 1]!)).toBe(true);
  });
});
