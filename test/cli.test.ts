import { describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");
const examples = join(import.meta.dirname, "..", "fixtures", "examples");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the lblint command", () => {
  it("exits 0 and prints nothing for clean files", () => {
    const result = run(join(examples, "haproxy.cfg"), join(examples, "keepalived.conf"));
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("prints ESLint-compatible JSON with 1-based positions and exits 1 on errors", () => {
    const result = run("--format", "json", join(examples, "broken", "keepalived.conf"));
    expect(result.code).toBe(1);
    const [file] = JSON.parse(result.stdout);
    expect(file.filePath).toBe(join(examples, "broken", "keepalived.conf"));
    expect(file.errorCount).toBe(2);
    expect(file.fatalErrorCount).toBe(2);
    // The unterminated notify_master is also a script run without enable_script_security (KA018).
    expect(file.warningCount).toBe(1);
    expect(file.messages[0]).toEqual({
      ruleId: "syntax",
      code: "missing-close-brace",
      severity: 2,
      fatal: true,
      message: "the '{' of 'vrrp_instance' is never closed; keepalived reads the rest of the file inside it",
      line: 2,
      column: 20,
      endLine: 2,
      endColumn: 21,
    });
    expect(file.messages.find((message: { code: string }) => message.code === "unterminated-quote")).toMatchObject({ line: 7, column: 19, endLine: 7, endColumn: 52 });
  });

  it("finds configurations in a directory by name and by content", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    mkdirSync(join(dir, "haproxy"));
    writeFileSync(join(dir, "haproxy", "site.cfg"), "global\n  maxconn 10\n");
    writeFileSync(join(dir, "lb.conf"), "vrrp_instance VI_1 {\n  state MASTER\n");
    writeFileSync(join(dir, "notes.txt"), "vrrp_instance VI_1 {\n");
    const result = run("--format", "json", dir);
    const paths = JSON.parse(result.stdout).map((file: { filePath: string }) => file.filePath);
    expect(paths).toEqual([join(dir, "haproxy", "site.cfg"), join(dir, "lb.conf")]);
    expect(result.code).toBe(1);
  });

  it("follows keepalived includes and reports the included file once", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    mkdirSync(join(dir, "keepalived", "conf.d"), { recursive: true });
    writeFileSync(join(dir, "keepalived", "keepalived.conf"), "include conf.d/*.conf\ninclude missing.conf\n");
    writeFileSync(
      join(dir, "keepalived", "conf.d", "vi.conf"),
      'vrrp_instance VI_1 {\n  notify "/x\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\nglobal_defs {\n  enable_script_security\n  script_user root\n}\n',
    );
    const result = run("--format", "json", dir);
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { message: string; line: number }[] }[];
    expect(files.map((file) => file.filePath)).toEqual([join(dir, "keepalived", "keepalived.conf"), join(dir, "keepalived", "conf.d", "vi.conf")]);
    expect(files[0]!.messages).toMatchObject([{ line: 2, message: "'missing.conf' matches no file; keepalived skips it without failing" }]);
    expect(files[1]!.messages).toMatchObject([{ line: 2, message: "this quote is not closed before the end of the line" }]);
  });

  it("reports each file of an include cycle once, with the cycle", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    mkdirSync(join(dir, "keepalived"));
    writeFileSync(join(dir, "keepalived", "a.conf"), "include b.conf\n");
    writeFileSync(join(dir, "keepalived", "b.conf"), "include a.conf\n");
    const files = JSON.parse(run("--format", "json", dir).stdout) as { filePath: string; messages: { message: string }[] }[];
    expect(files.map((file) => file.filePath).sort()).toEqual([join(dir, "keepalived", "a.conf"), join(dir, "keepalived", "b.conf")]);
    expect(files.flatMap((file) => file.messages.map((m) => m.message))).toEqual(["include cycle: a.conf → b.conf → a.conf"]);
  });

  it("prints stylish output with a summary", () => {
    const result = run(join(examples, "broken", "haproxy.cfg"));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("  2:1    error    'maxconn' is outside any section");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("✖ 5 problems (4 errors, 1 warning)");
  });

  it("answers usage and I/O problems with one line and exit code 2", () => {
    expect(run()).toMatchObject({ code: 2, stderr: "lblint: no file or directory given (try 'lblint --help')\n" });
    expect(run("--format", "xml", examples)).toMatchObject({ code: 2, stderr: "lblint: unknown --format 'xml' (expected stylish, json, sarif, github, checkstyle, junit, gitlab, gcc)\n" });
    expect(run("/nonexistent/haproxy.cfg")).toMatchObject({ code: 2, stderr: "lblint: /nonexistent/haproxy.cfg: no such file or directory\n" });
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    writeFileSync(join(dir, "README"), "hello\n");
    expect(run("/dev/null").stderr).toBe("lblint: /dev/null: a character device, not a regular file; lblint does not read it\n");
    expect(run(join(dir, "README")).stderr).toMatch(/^lblint: .*README: cannot tell whether this is a haproxy or a keepalived configuration \(use --language\)\n$/);
  });

  it("ends quietly when its output pipe is closed early, as by 'lblint FILE | head -1'", async () => {
    // Megabytes of output, far more than a pipe buffers: the reader is gone before lblint is done.
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    writeFileSync(join(dir, "haproxy.cfg"), `frontend f\n${'    x "unclosed\n'.repeat(50_000)}`);
    const child = spawn(process.execPath, [cli, join(dir, "haproxy.cfg")], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect([0, 1]).toContain(code);
  });

  // 150,000 findings are more than a function call can take as spread arguments (the crash this guards).
  it("reports 150,000 problems in one file, in both formats", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    writeFileSync(join(dir, "haproxy.cfg"), `frontend f\n${'    description "unclosed\n'.repeat(150_000)}`);
    const stylish = run(join(dir, "haproxy.cfg"));
    expect(stylish.stderr).toBe("");
    // One syntax error per line at least; rules may add their own, and warnings about the frontend.
    const summary = /^✖ \d+ problems \((\d+) errors, \d+ warnings\)$/m.exec(stylish.stdout.slice(-1000));
    expect(Number(summary?.[1])).toBeGreaterThanOrEqual(150_000);
    const json = run("--format", "json", join(dir, "haproxy.cfg"));
    expect(JSON.parse(json.stdout)[0].errorCount).toBe(Number(summary?.[1]));
  });

  it("prints help", () => {
    expect(execFileSync(process.execPath, [cli, "--help"], { encoding: "utf8" })).toContain("Usage: lblint [options] [PATH...]");
  });
});
