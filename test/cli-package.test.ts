// The published package: `npm pack` of the built dist/ (as `npm test` builds it), installed into a
// scratch project and globally, then run as users run it.
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const scratch = mkdtempSync(join(tmpdir(), "lblint-package-"));
let tarball = "";

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
}

beforeAll(() => {
  if (!existsSync(join(root, "dist", "types", "server", "src", "index.d.ts"))) {
    throw new Error("dist/ has no type declarations: run `npm run build` (npm test does) before this test");
  }
  // --ignore-scripts: pack the dist/ that is there rather than building it again.
  const name = execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", scratch, "--loglevel=error"], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1)!;
  tarball = join(scratch, name);
}, 120_000);

describe("the npm package", () => {
  it("holds the CLI, the library, its type declarations and the rule pages, and no tests, fixtures or sources", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    for (const needed of ["package/package.json", "package/README.md", "package/dist/cli.js", "package/dist/index.js", "package/dist/types/server/src/index.d.ts", "package/dist/rules/HA001.md"]) {
      expect(files).toContain(needed);
    }
    const unwanted = files.filter((file) => /^package\/(test|fixtures|server|grammars|scripts|docs)\//.test(file) || (/\.ts$/.test(file) && !/\.d\.ts$/.test(file)) || /sarif-schema/.test(file));
    expect(unwanted).toEqual([]);
  });

  it("installs in a project: npx lblint runs, and the library imports with its types", () => {
    const project = join(scratch, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
    npm(["install", tarball], project);
    expect(execFileSync("npx", ["--no-install", "lblint", "--version"], { cwd: project, encoding: "utf8" })).toBe(`${version}\n`);
    writeFileSync(join(project, "haproxy.cfg"), "frontend www\n    bind :80\n    timeout client 30s\n    use_backend missing\n");
    const linted = spawnSync("npx", ["--no-install", "lblint", "haproxy.cfg"], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(linted.status).toBe(1);
    expect(linted.stdout).toContain("backend 'missing' is not defined");
    // The rule pages ship beside the bundle.
    expect(execFileSync("npx", ["--no-install", "lblint", "--explain", "HA010"], { cwd: project, encoding: "utf8" })).toMatch(/^# HA010 undefined-backend/);

    writeFileSync(
      join(project, "use.ts"),
      [
        'import { lint, parseHaproxy, type Problem } from "lblint";',
        'const problems: Problem[] = lint(parseHaproxy("frontend f\\n    use_backend b\\n"));',
        "export const ids: string[] = problems.map((problem) => problem.ruleId);",
        "// @ts-expect-error parseHaproxy takes text, so the declarations are real types",
        "parseHaproxy(42);",
        "",
      ].join("\n"),
    );
    const tsc = spawnSync(
      process.execPath,
      [join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "--typeRoots", join(root, "node_modules", "@types"), "--types", "node", "use.ts"],
      { cwd: project, encoding: "utf8" },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    const imported = execFileSync(process.execPath, ["--input-type=module", "-e", 'import { lint, parseHaproxy } from "lblint"; console.log(lint(parseHaproxy("frontend f\\n    use_backend b\\n")).map((p) => p.ruleId).includes("HA010"));'], { cwd: project, encoding: "utf8" });
    expect(imported).toBe("true\n");
  });

  it("installs globally: the lblint command is on the PATH of the prefix", () => {
    const prefix = join(scratch, "global");
    npm(["install", "--global", "--prefix", prefix, tarball], scratch);
    const bin = join(prefix, "bin", "lblint");
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" })).toBe(`${version}\n`);
    expect(spawnSync(bin, ["--list-rules"], { encoding: "utf8" }).stdout).toContain("HA010");
  });
});
