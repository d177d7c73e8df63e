import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfigFile, resolveConfig } from "../../server/src/lint/config.js";
import { configForFile } from "../../server/src/lint/config-overrides.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";

const CONFIG = {
  haproxyVersion: "3.4",
  rules: { HA012: "warning" },
  overrides: [
    { files: ["legacy/**"], haproxyVersion: "2.6", rules: { HA012: "off", HA021: "error" } },
    { files: "*.j2", excludedFiles: ["legacy/**"], rules: { HA001: "warning" } },
    { files: ["legacy/old/**"], haproxyVersion: "2.8" },
  ],
};

describe("overrides in lblint.config.json", () => {
  const config = resolveConfig(CONFIG, "file:///srv/lblint.config.json");
  const at = (path: string) => configForFile(config, `file:///srv/${path}`);

  it("applies every entry whose patterns match the file, in order, over the top-level settings", () => {
    expect(at("haproxy.cfg").targets.haproxy).toBe("3.4");
    expect(at("haproxy.cfg").rules.get("HA012")?.severity).toBe("warning");
    expect(at("legacy/haproxy.cfg").targets.haproxy).toBe("2.6");
    expect(at("legacy/haproxy.cfg").rules.get("HA012")?.severity).toBe("off");
    expect(at("legacy/haproxy.cfg").rules.get("HA021")?.severity).toBe("error");
    // The later entry wins where both match.
    expect(at("legacy/old/haproxy.cfg").targets.haproxy).toBe("2.8");
    expect(at("legacy/old/haproxy.cfg").rules.get("HA012")?.severity).toBe("off");
  });

  it("matches a pattern without '/' against the file name at any depth, minus excludedFiles, and nothing outside the config's directory", () => {
    expect(at("roles/lb/templates/haproxy.cfg.j2").rules.get("HA001")?.severity).toBe("warning");
    expect(at("legacy/haproxy.cfg.j2").rules.get("HA001")).toBeUndefined();
    expect(configForFile(config, "file:///other/legacy/haproxy.cfg").targets.haproxy).toBe("3.4");
    expect(configForFile(config, "untitled:Untitled-1").targets.haproxy).toBe("3.4");
  });

  it("refuses entries it cannot read, naming the entry and the key", async () => {
    const bad: [unknown, string][] = [
      [{ overrides: {} }, "'overrides' must be an array of { files, … } entries"],
      [{ overrides: [{ rules: {} }] }, "overrides[0] has no 'files'"],
      [{ overrides: [{ files: [] }] }, "overrides[0]: 'files' must be a pattern or a non-empty list of patterns"],
      [{ overrides: [{ files: "a", ignorePatterns: [] }] }, "overrides[0]: 'ignorePatterns' cannot be set per file (only haproxyVersion, keepalivedVersion, rules, indent)"],
      [{ overrides: [{ files: "a" }, { files: "b", rules: { HA999: "off" } }] }, "x overrides[1]: unknown rule 'HA999' in 'rules'"],
      [{ overrides: [{ files: "a", haproxyVersion: "1.5" }] }, "x overrides[0]: haproxyVersion '1.5' is not one lblint knows"],
    ];
    for (const [input, message] of bad) {
      expect(() => resolveConfig(input, "x")).toThrow(ConfigError);
      expect(() => resolveConfig(input, "x")).toThrow(message);
    }
    // In a file, the message says where the key was written.
    const fs = new MemoryFileSystem({ "file:///p/lblint.config.json": '{\n  "overrides": [\n    { "files": "a", "ignorePatterns": [] }\n  ]\n}\n' });
    await expect(loadConfigFile(fs, "file:///p/lblint.config.json")).rejects.toThrow("file:///p/lblint.config.json:3:21: overrides[0]: 'ignorePatterns' cannot be set per file");
  });

  it("the command line and --print-config read them, with the command line over them", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-overrides-"));
    mkdirSync(join(dir, "legacy"));
    writeFileSync(join(dir, "lblint.config.json"), JSON.stringify({ overrides: [{ files: ["legacy/**"], haproxyVersion: "2.6", rules: { "unknown-keyword": "off" } }] }));
    const text = "defaults\n    mode http\n    mxconn 10\n";
    writeFileSync(join(dir, "haproxy.cfg"), text);
    writeFileSync(join(dir, "legacy", "haproxy.cfg"), text);
    const cli = join(import.meta.dirname, "..", "..", "dist", "cli.js");
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8" });
    const report = JSON.parse(run("--format", "json", "haproxy.cfg", "legacy/haproxy.cfg").stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const unknown = report.map((file) => [file.filePath.slice(dir.length + 1), file.messages.some((m) => m.ruleId === "HA001")]);
    expect(unknown).toEqual([["haproxy.cfg", true], ["legacy/haproxy.cfg", false]]);
    expect(JSON.parse(run("--print-config", "legacy/haproxy.cfg").stdout)).toMatchObject({ haproxyVersion: "2.6", rules: { HA001: "off" } });
    expect(JSON.parse(run("--print-config", "legacy/haproxy.cfg", "--haproxy-version", "3.0", "--rule", "HA001:warning").stdout)).toMatchObject({ haproxyVersion: "3.0", rules: { HA001: "warning" } });
  });
});

describe("overrides in the library", () => {
  it("lint(parsed, config, uri) applies those that match the file", async () => {
    const { lint } = await import("../../server/src/lint/lint.js");
    const { parseHaproxy } = await import("../../grammars/haproxy/parse.js");
    const parsed = parseHaproxy("defaults\n    mode http\n    mxconn 10\n");
    const config = resolveConfig({ overrides: [{ files: "legacy/**", rules: { HA001: "off" } }] }, "file:///srv/lblint.config.json");
    expect(lint(parsed, config, "file:///srv/haproxy.cfg").some((p) => p.ruleId === "HA001")).toBe(true);
    expect(lint(parsed, config, "file:///srv/legacy/haproxy.cfg").some((p) => p.ruleId === "HA001")).toBe(false);
  });
});
