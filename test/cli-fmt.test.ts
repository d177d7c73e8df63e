// lblint --fmt, --fmt-check, --fmt-diff and --indent: the editor's formatting from the command line.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectIndent } from "../server/src/service/indent.js";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: options.cwd, input: options.input ?? "", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TAB = String.fromCharCode(9);
const HAPROXY = ["global", "    maxconn 100", "  log stdout format raw local0", "defaults", "    mode http", `${TAB}timeout connect 5s   `, "backend app", "        server a 10.0.0.1:80 check", ""].join("\n");
const HAPROXY_FORMATTED = ["global", "    maxconn 100", "    log stdout format raw local0", "defaults", "    mode http", "    timeout connect 5s", "backend app", "    server a 10.0.0.1:80 check", ""].join("\n");
const KEEPALIVED = ["vrrp_instance VI_1 {", "  state MASTER", "    interface eth0", "  virtual_ipaddress { 10.0.0.10/24 }", "}", ""].join("\n");
const KEEPALIVED_FORMATTED = ["vrrp_instance VI_1 {", "  state MASTER", "  interface eth0", "  virtual_ipaddress {", "    10.0.0.10/24", "  }", "}", ""].join("\n");

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lblint-fmt-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("lblint --fmt", () => {
  it("lists, shows and then writes the formatting, keeping each file's indentation step", () => {
    const dir = folder({ "haproxy.cfg": HAPROXY, "keepalived.conf": KEEPALIVED });
    const check = run(["--fmt-check", "."], { cwd: dir });
    expect([check.code, check.stdout]).toEqual([1, "haproxy.cfg\nkeepalived.conf\n"]);
    expect(check.stderr).toBe("lblint: 2 files not formatted (lblint --fmt formats them)\n");
    const diff = run(["--fmt-diff", "keepalived.conf"], { cwd: dir });
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain("--- a/keepalived.conf\n+++ b/keepalived.conf\n");
    expect(diff.stdout).toContain("-    interface eth0\n-  virtual_ipaddress { 10.0.0.10/24 }\n+  interface eth0\n+  virtual_ipaddress {\n+    10.0.0.10/24\n+  }\n");
    expect(readFileSync(join(dir, "keepalived.conf"), "utf8")).toBe(KEEPALIVED);

    const write = run(["--fmt", "."], { cwd: dir });
    expect([write.code, write.stdout, write.stderr]).toEqual([0, "", "lblint: formatted 2 files, 0 files already formatted\n"]);
    expect(readFileSync(join(dir, "haproxy.cfg"), "utf8")).toBe(HAPROXY_FORMATTED);
    expect(readFileSync(join(dir, "keepalived.conf"), "utf8")).toBe(KEEPALIVED_FORMATTED);
    expect(readdirSync(dir).sort()).toEqual(["haproxy.cfg", "keepalived.conf"]);
    expect(run(["--fmt-check", "."], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("formats standard input to standard output, with the indentation asked for", () => {
    const tab = run(["--fmt", "--stdin", "--stdin-filename", "haproxy.cfg", "--indent", "tab"], { input: HAPROXY });
    expect([tab.code, tab.stdout]).toEqual([0, HAPROXY_FORMATTED.replaceAll("    ", TAB)]);
    const two = run(["--fmt", "-", "--language", "keepalived", "--indent", "2"], { input: KEEPALIVED_FORMATTED.replaceAll("  ", "    ") });
    expect(two.stdout).toBe(KEEPALIVED_FORMATTED);
  });

  it("leaves a file with a syntax error alone and says where the error is", () => {
    const broken = "vrrp_instance VI_1 {\n  state MASTER\n   priority 100\n";
    const dir = folder({ "keepalived.conf": broken });
    const result = run(["--fmt", "keepalived.conf"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lblint: keepalived\.conf: not formatted: it has a syntax error at line 1 \(.*\); run lblint on it\n/);
    expect(readFileSync(join(dir, "keepalived.conf"), "utf8")).toBe(broken);
  });

  it("says why a file is not written, and goes on with the others", () => {
    const dir = folder({ "keepalived.conf": KEEPALIVED });
    // A directory named like a configuration cannot be replaced by a file.
    mkdirSync(join(dir, "conf.d"));
    writeFileSync(join(dir, "conf.d", "haproxy.cfg"), HAPROXY);
    const result = run(["--fmt", "keepalived.conf", "conf.d/haproxy.cfg", "missing.cfg"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, "keepalived.conf"), "utf8")).toBe(KEEPALIVED_FORMATTED);
    expect(readFileSync(join(dir, "conf.d", "haproxy.cfg"), "utf8")).toBe(HAPROXY_FORMATTED);
    expect(result.stderr).toContain("missing.cfg");
  });

  it("takes the indent of lblint.config.json (and its overrides) unless --indent says otherwise", () => {
    const dir = folder({ "lblint.config.json": '{ "indent": 2, "overrides": [{ "files": ["tabbed/**"], "indent": "tab" }] }', "keepalived.conf": KEEPALIVED_FORMATTED.replaceAll("  ", "    ") });
    mkdirSync(join(dir, "tabbed"));
    writeFileSync(join(dir, "tabbed", "keepalived.conf"), KEEPALIVED_FORMATTED);
    expect(run(["--fmt", "."], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "keepalived.conf"), "utf8")).toBe(KEEPALIVED_FORMATTED);
    expect(readFileSync(join(dir, "tabbed", "keepalived.conf"), "utf8")).toBe(KEEPALIVED_FORMATTED.replaceAll("  ", TAB));
    expect(run(["--fmt", "--indent", "4", "keepalived.conf"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "keepalived.conf"), "utf8")).toBe(KEEPALIVED_FORMATTED.replaceAll("  ", "    "));
    const printed = JSON.parse(run(["--print-config", "tabbed/keepalived.conf"], { cwd: dir }).stdout) as { indent: unknown };
    expect(printed.indent).toBe("tab");
  });

  it("refuses options that do not go together", () => {
    expect(run(["--fmt", "--fmt-check", "x.cfg"]).stderr).toBe("lblint: --fmt and --fmt-check exclude each other: --fmt writes the files, --fmt-check lists those not formatted, --fmt-diff shows the changes\n");
    expect(run(["--fmt", "--fix", "x.cfg"]).stderr).toBe("lblint: --fmt formats, --fix fixes findings: run them one after the other\n");
    expect(run(["--indent", "3", "x.cfg"]).stderr).toBe("lblint: --indent sets the indentation of --fmt, --fmt-check or --fmt-diff: give one of them\n");
    expect(run(["--fmt", "--indent", "0", "x.cfg"]).stderr).toBe("lblint: --indent takes a number of spaces from 1 to 16, or 'tab' (got '0')\n");
  });
});

describe("the indentation a file uses", () => {
  it("is the step from a header to the first line under it, most often", () => {
    expect(detectIndent("global\n  maxconn 1\n    nbthread 2\ndefaults\n  mode http\n")).toEqual({ tabSize: 2, insertSpaces: true });
    expect(detectIndent("a {\n    b {\n        c\n    }\n  d\n}\n")).toEqual({ tabSize: 4, insertSpaces: true });
    expect(detectIndent(`global\n${TAB}maxconn 1\n${TAB}nbthread 2\ndefaults\n  mode http\n`)).toEqual({ tabSize: 4, insertSpaces: false });
    expect(detectIndent("# only a comment\n")).toEqual({ tabSize: 4, insertSpaces: true });
  });
});
