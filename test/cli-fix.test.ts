import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { autofix } from "../server/src/lint/autofix.js";
import { defaultConfig } from "../server/src/lint/config.js";
import { lintLoaded } from "../server/src/lint/lint.js";
import { replaceFile, WriteError } from "../server/src/cli/write-file.js";
import { MemoryFileSystem, OverlayFileSystem } from "../server/src/workspace/fs.js";
import { loadConfig } from "../server/src/workspace/loader.js";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");

function run(args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// 'mxconn' is an unknown keyword (HA001, correctness) with one candidate; 'webb' an undefined backend
// (HA010, reference) close to 'web'. Both fixes are certain.
const BROKEN = `global
    log stdout format raw local0

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend www
    bind :80
    mxconn 100
    default_backend webb

backend web
    server s1 10.0.0.1:80
`;
const FIXED = BROKEN.replace("mxconn", "maxconn").replace("webb", "web");

function project(text = BROKEN): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "lblint-fix-"));
  const file = join(dir, "haproxy.cfg");
  writeFileSync(file, text);
  return { dir, file };
}

describe("lblint --fix", () => {
  it("writes every safe fix, reports what is left, and leaves no temporary file", () => {
    const { dir, file } = project();
    const before = run(["--format", "json", file]);
    expect(before.code).toBe(1);
    const result = run(["--fix", "--format", "json", file]);
    expect(readFileSync(file, "utf8")).toBe(FIXED);
    const [report] = JSON.parse(result.stdout);
    expect(report.messages.filter((m: { ruleId: string }) => m.ruleId === "HA001" || m.ruleId === "HA010")).toEqual([]);
    expect(report.output).toBe(FIXED);
    expect(result.code).toBe(report.errorCount > 0 ? 1 : 0);
    expect(readdirSync(dir)).toEqual(["haproxy.cfg"]);
    // Fixing again changes nothing.
    run(["--fix", file]);
    expect(readFileSync(file, "utf8")).toBe(FIXED);
  });

  it("ends a file with a line break and removes a line that repeats a setting word for word", () => {
    const { file } = project("defaults\n    mode http\n    mode http   # twice\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s");
    run(["--fix", file]);
    expect(readFileSync(file, "utf8")).toBe("defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n");
  });

  it("keeps the file's mode and owner, and replaces the target of a symbolic link", () => {
    const { dir, file } = project();
    chmodSync(file, 0o640);
    const owner = process.getuid?.() === 0 ? { uid: 4321, gid: 4322 } : { uid: statSync(file).uid, gid: statSync(file).gid };
    chownSync(file, owner.uid, owner.gid);
    const link = join(dir, "current.haproxy.cfg");
    symlinkSync(file, link);
    run(["--fix", link]);
    expect(readFileSync(file, "utf8")).toBe(FIXED);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const info = statSync(file);
    expect(info.mode & 0o7777).toBe(0o640);
    expect({ uid: info.uid, gid: info.gid }).toEqual(owner);
  });

  it("limits fixes to the categories of --fix-type", () => {
    const { file } = project();
    run(["--fix", "--fix-type", "reference", file]);
    expect(readFileSync(file, "utf8")).toBe(BROKEN.replace("webb", "web"));
    run(["--fix", "--fix-type", "syntax,correctness", file]);
    expect(readFileSync(file, "utf8")).toBe(FIXED);
    expect(run(["--fix", "--fix-type", "cosmetic", file])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^lblint: unknown --fix-type 'cosmetic' \(expected syntax, correctness/) });
    expect(run(["--fix-type", "style", file])).toMatchObject({ code: 2, stderr: "lblint: --fix-type limits --fix or --fix-dry-run: give one of them\n" });
  });

  it("--fix-dry-run prints a unified diff that git can apply, and writes nothing", () => {
    const { dir, file } = project();
    const result = run(["--fix-dry-run", "haproxy.cfg"], dir);
    expect(readFileSync(file, "utf8")).toBe(BROKEN);
    expect(result.stdout).toContain(
      ["--- a/haproxy.cfg", "+++ b/haproxy.cfg", "@@ -9,8 +9,8 @@", " ", " frontend www", "     bind :80", "-    mxconn 100", "-    default_backend webb", "+    maxconn 100", "+    default_backend web"].join("\n"),
    );
    const patch = result.stdout.slice(0, result.stdout.indexOf("\n\n") + 1);
    writeFileSync(join(dir, "fix.patch"), patch);
    const applied = spawnSync("git", ["apply", "--unsafe-paths", "fix.patch"], { cwd: dir, encoding: "utf8" });
    expect(applied.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toBe(FIXED);
  });

  it("--fix-dry-run keeps a machine-read report whole: JSON carries the fixed text, the diff goes with --output-file", () => {
    const { dir, file } = project();
    const json = run(["--fix-dry-run", "--format", "json", file]);
    expect(JSON.parse(json.stdout)[0].output).toBe(FIXED);
    const toFile = run(["--fix-dry-run", "--format", "sarif", "-o", "report.sarif", "haproxy.cfg"], dir);
    expect(toFile.stdout).toMatch(/^--- a\/haproxy\.cfg\n\+\+\+ b\/haproxy\.cfg\n/);
    expect(JSON.parse(readFileSync(join(dir, "report.sarif"), "utf8")).version).toBe("2.1.0");
    expect(readFileSync(file, "utf8")).toBe(BROKEN);
  });

  it("fixes standard input only as a dry run", () => {
    const dry = spawnSync(process.execPath, [cli, "--stdin", "--stdin-filename", "haproxy.cfg", "--fix-dry-run"], { input: BROKEN, encoding: "utf8" });
    expect(dry.stdout).toContain("+    maxconn 100");
    const fix = spawnSync(process.execPath, [cli, "--stdin", "--fix"], { input: BROKEN, encoding: "utf8" });
    expect(fix.status).toBe(2);
    expect(fix.stderr).toBe("lblint: --fix cannot write standard input back; use --fix-dry-run to see the changes\n");
  });

  it("does not rewrite a file that is not UTF-8, which writing it back would change", () => {
    const { file } = project();
    const bytes = Buffer.concat([Buffer.from(BROKEN), Buffer.from("# caf\xe9\n", "latin1")]);
    writeFileSync(file, bytes);
    const result = run(["--fix", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: holds bytes that are not UTF-8, which writing it back would change; not fixed`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe("replaceFile", () => {
  it("does not overwrite a file that changed since it was read", async () => {
    const { file } = project("global\n");
    await expect(replaceFile(file, "something else\n", "new\n")).rejects.toThrow(new WriteError("changed on disk since lblint read it; not fixed (run lblint --fix again)"));
    expect(readFileSync(file, "utf8")).toBe("global\n");
    await replaceFile(file, "global\n", "defaults\n");
    expect(readFileSync(file, "utf8")).toBe("defaults\n");
  });

  it("refuses to break hard links and leaves nothing behind when it cannot write", async () => {
    const { dir, file } = project("global\n");
    const { linkSync } = await import("node:fs");
    linkSync(file, join(dir, "other.cfg"));
    await expect(replaceFile(file, "global\n", "x\n")).rejects.toThrow(/has 2 hard links/);
    expect(readdirSync(dir).sort()).toEqual(["haproxy.cfg", "other.cfg"]);
  });
});

describe("autofix", () => {
  const uri = "file:///etc/haproxy/haproxy.cfg";

  it("drops a fix that would add a syntax error and keeps the others", async () => {
    const fs = new MemoryFileSystem({ [uri]: BROKEN });
    const loaded = await loadConfig(fs, uri, "haproxy");
    const at = BROKEN.indexOf("bind :80");
    // A rule whose fix opens a quote it never closes, beside the real rules.
    const lint: typeof lintLoaded = (config, settings) => {
      const problems = lintLoaded(config, settings);
      const text = config.files.get(uri)!.text;
      if (text.includes("bind :80")) {
        const range = config.files.get(uri)!.parse.lines.range(at, at + 4);
        problems.get(uri)!.push({ ruleId: "HA001", code: "bad", severity: "error", message: "bad fix", range, fix: { description: "open a quote", edits: [{ start: at, end: at + 4, newText: 'bind "' }] } });
      }
      return problems;
    };
    const reload = (texts: ReadonlyMap<string, string>) => loadConfig(new OverlayFileSystem(texts, fs), uri, "haproxy");
    const result = await autofix(loaded, defaultConfig(), reload, { lint });
    expect(result.texts.get(uri)).toBe(FIXED);
    expect(result.dropped).toEqual([{ uri, ruleId: "HA001", description: "open a quote", reason: "it would add a syntax error" }]);
    expect(result.applied).toBe(2);
  });

  it("never applies the same fix twice when it does not resolve its problem", async () => {
    const fs = new MemoryFileSystem({ [uri]: "global\n" });
    const loaded = await loadConfig(fs, uri, "haproxy");
    const lint: typeof lintLoaded = (config) => {
      const range = config.files.get(uri)!.parse.lines.range(0, 0);
      return new Map([[uri, [{ ruleId: "HA001", code: "x", severity: "error" as const, message: "stubborn", range, fix: { description: "add a comment", edits: [{ start: 0, end: 0, newText: "# x\n" }] } }]]]);
    };
    const reload = (texts: ReadonlyMap<string, string>) => loadConfig(new OverlayFileSystem(texts, fs), uri, "haproxy");
    const result = await autofix(loaded, defaultConfig(), reload, { lint });
    expect(result.texts.get(uri)).toBe("# x\nglobal\n");
  });
});
