import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lblint-rules-"));
  mkdirSync(join(dir, "etc"));
  writeFileSync(join(dir, "etc", "haproxy.cfg"), "frontend www\n    bind :80\n    timeout client 30s\n    use_backend missing\n");
  if (config !== undefined) writeFileSync(join(dir, "lblint.config.json"), config);
  return dir;
}

describe("lblint and its rules", () => {
  it("reports rule findings with their ids and aliases, and exits 1 on an error", () => {
    const result = run(join(project(), "etc", "haproxy.cfg"));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("backend 'missing' is not defined  undefined-backend (HA010)");
  });

  it("applies the nearest lblint.config.json, and --rule over it", () => {
    const dir = project('{ "rules": { "undefined-backend": "warning" } }');
    const file = join(dir, "etc", "haproxy.cfg");
    const json = JSON.parse(run("--format", "json", file).stdout);
    expect(json[0].messages.map((m: { ruleId: string; severity: number }) => [m.ruleId, m.severity])).toEqual([["HA010", 1]]);
    expect(run(file).code).toBe(0);
    expect(run("--rule", "HA010:off", "--format", "json", file).stdout).toContain('"messages":[]');
    expect(run("--rule", "HA010:error", file).code).toBe(1);
  });

  it("exits 2 with one line naming the file and key for a bad config, version or rule", () => {
    const bad = run(join(project('{ "rules": { "HA999": "error" } }'), "etc", "haproxy.cfg"));
    expect(bad.code).toBe(2);
    // A path, not a file:// URI, with the line and column of the key.
    expect(bad.stderr).toMatch(/^lblint: \/.*lblint\.config\.json:1:14: unknown rule 'HA999' in 'rules' \(see lblint --list-rules\)\n$/);
    const version = run("--haproxy-version", "1.8", join(project(), "etc", "haproxy.cfg"));
    expect(version).toMatchObject({ code: 2, stderr: "lblint: command line: haproxyVersion '1.8' is not one lblint knows (2.6, 2.8, 3.0, 3.2, 3.4)\n" });
    expect(run("--rule", "HA010", join(project(), "etc", "haproxy.cfg")).code).toBe(2);
  });

  it("lists the rules and explains one from its docs page", () => {
    const list = run("--list-rules", "--format", "json");
    expect(JSON.parse(list.stdout).map((meta: { id: string }) => meta.id)).toContain("HA010");
    const explain = run("--explain", "undefined-backend");
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^# HA010 undefined-backend\n/);
    expect(run("--explain", "nope")).toMatchObject({ code: 2, stderr: "lblint: no rule named 'nope' (see lblint --list-rules)\n" });
  });
});
