// The documentation of the command line stays in step with it: --help names every option, the
// generated rules index is current, and the README tells the exit codes.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OPTION_NAMES } from "../server/src/cli/args.js";
import { HELP } from "../server/src/cli/help.js";
import { RULES } from "../server/src/lint/registry.js";

const root = join(import.meta.dirname, "..");

describe("command-line documentation", () => {
  it("--help names every option and the three exit codes", () => {
    const missing = OPTION_NAMES.filter((name) => !new RegExp(`--${name}\\b`).test(HELP));
    expect(missing).toEqual([]);
    expect(HELP).toMatch(/Exit status:\n {2}0 .*\n {2}1 .*\n(.*\n)? {2}2 /);
    // A manual page fits a terminal.
    expect(HELP.split("\n").filter((line) => line.length > 80)).toEqual([]);
  });

  it("docs/rules/README.md is the current output of scripts/gen-rules-index.mjs and lists every rule", () => {
    const check = spawnSync(process.execPath, [join(root, "scripts", "gen-rules-index.mjs"), "--check"], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    const page = readFileSync(join(root, "docs", "rules", "README.md"), "utf8");
    for (const { meta } of RULES) {
      expect(page).toContain(`| [${meta.id}](${meta.id}.md) | ${meta.alias} | ${meta.severity} | ${meta.category} | ${meta.fixable ? "yes" : "no"} |`);
    }
  });

  it("the README and docs/cli.md document the exit codes, the formats and the CI set-ups", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const cli = readFileSync(join(root, "docs", "cli.md"), "utf8");
    for (const format of ["stylish", "json", "sarif", "github", "checkstyle", "junit", "gitlab", "gcc"]) expect(cli).toContain(`\`${format}\``);
    for (const text of [readme, cli]) expect(text).toMatch(/\b0\b.*\n?.*\b1\b.*\n?.*\b2\b/);
    expect(readme).toContain("repo: ");
    expect(readme).toContain("github/codeql-action/upload-sarif");
    expect(readme).toContain(".gitlab-ci.yml");
  });
});
