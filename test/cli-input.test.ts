import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "../server/src/cli/run.js";
import type { Io } from "../server/src/cli/io.js";

const cli = join(import.meta.dirname, "..", "dist", "cli.js");

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: options.cwd, input: options.input ?? "", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const UNDEFINED_BACKEND = "frontend www\n    bind :80\n    timeout client 30s\n    use_backend missing\n";
const KEEPALIVED = "vrrp_instance VI_1 {\n    state MASTER\n";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lblint-input-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((m) => m.ruleId));
}

describe("standard input", () => {
  it("--stdin with --stdin-filename: the name decides the language and the config file", () => {
    const dir = tree({ "lblint.config.json": '{ "rules": { "HA010": "off" } }' });
    const named = run(["--stdin", "--stdin-filename", "haproxy.cfg", "--format", "json"], { cwd: dir, input: UNDEFINED_BACKEND });
    expect(JSON.parse(named.stdout)[0].filePath).toBe("haproxy.cfg");
    expect(ruleIds(named.stdout)).not.toContain("HA010");
    expect(named.code).toBe(0);
    const elsewhere = run(["--stdin", "--stdin-filename", join(tmpdir(), "haproxy.cfg"), "--format", "json"], { cwd: dir, input: UNDEFINED_BACKEND });
    expect(ruleIds(elsewhere.stdout)).toContain("HA010");
    expect(elsewhere.code).toBe(1);
  });

  it("'-' reads standard input; without a name the content decides", () => {
    const result = run(["-", "--format", "json"], { input: KEEPALIVED });
    expect(result.code).toBe(1);
    const [file] = JSON.parse(result.stdout);
    expect(file.filePath).toBe("<stdin>");
    expect(file.messages.find((m: { ruleId: string }) => m.ruleId === "syntax")).toMatchObject({ code: "missing-close-brace" });
    expect(run(["-"], { input: "hello\n" })).toMatchObject({
      code: 2,
      stderr: "lblint: cannot tell whether standard input is a haproxy or a keepalived configuration (use --stdin-filename or --language)\n",
    });
    expect(run(["--stdin", "x.cfg"])).toMatchObject({ code: 2, stderr: "lblint: --stdin reads standard input only: give no PATH with it\n" });
    expect(run(["--stdin-filename", "x.cfg", "y.cfg"])).toMatchObject({ code: 2, stderr: "lblint: --stdin-filename names standard input: use it with --stdin (or '-' as the path)\n" });
  });
});

describe("paths, globs and ignore files", () => {
  it("a directory or glob without a configuration is an error; a glob finds configurations", () => {
    const dir = tree({ "docs/README.md": "hello\n", "conf/a.cfg": "global\n    maxconn 10\n    mxconn 5\n", "conf/b.txt": "global\n" });
    expect(run(["docs"], { cwd: dir })).toMatchObject({ code: 2, stderr: "lblint: docs: no haproxy or keepalived configuration found here (--list-files shows what was skipped)\n" });
    expect(run(["conf/*.conf"], { cwd: dir })).toMatchObject({ code: 2, stderr: "lblint: conf/*.conf: matches no haproxy or keepalived configuration (--list-files shows what was skipped)\n" });
    const found = run(["--format", "json", "conf/*.cfg"], { cwd: dir });
    expect(JSON.parse(found.stdout).map((f: { filePath: string }) => f.filePath)).toEqual([join(dir, "conf", "a.cfg")]);
    expect(found.code).toBe(1);
  });

  it("a missing name with a brace or bracket that makes no pattern is a missing file, not an internal error (tenth real-world round)", () => {
    const dir = tree({ "conf/a.cfg": "global\n    maxconn 10\n" });
    expect(run(["conf/{a"], { cwd: dir })).toMatchObject({ code: 2, stderr: "lblint: conf/{a: no such file or directory\n" });
    expect(run(["{}", "x[1"], { cwd: dir })).toMatchObject({ code: 2, stderr: "lblint: {}: no such file or directory\nlblint: x[1: no such file or directory\n" });
  });

  it("--list-files prints what would be checked and what is skipped, with the reason", () => {
    const dir = tree({
      ".lblintignore": "generated/\n",
      "haproxy/site.cfg": "global\n",
      "lb.conf": KEEPALIVED,
      "notes.conf": "hello\n",
      "README.md": "x\n",
      "generated/haproxy.cfg": "global\n",
    });
    const result = run(["--list-files", "."], { cwd: dir });
    expect(result).toEqual({
      code: 0,
      stdout: [
        "haproxy     haproxy/site.cfg",
        "keepalived  lb.conf",
        "skipped     .lblintignore  (not named like a haproxy or keepalived configuration)",
        "skipped     README.md  (not named like a haproxy or keepalived configuration)",
        "skipped     generated  (ignored by .lblintignore)",
        "skipped     notes.conf  (content is neither haproxy nor keepalived)",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(run(["--debug", "--format", "json", "."], { cwd: dir }).stderr).toContain("lblint: skipped generated (ignored by .lblintignore)\n");
  });

  it("skips what .lblintignore, --ignore-pattern and the config's ignorePatterns name; --no-ignore checks everything", () => {
    const dir = tree({
      ".lblintignore": "# comments and negations work as in git\nold/*\n!old/keep.haproxy.cfg\n",
      "lblint.config.json": '{ "ignorePatterns": ["vendor/**"] }',
      "old/a.haproxy.cfg": "global\n",
      "old/keep.haproxy.cfg": "global\n",
      "vendor/x/haproxy.cfg": "global\n",
      "tmp/haproxy.cfg": "global\n",
      "haproxy.cfg": "global\n",
    });
    const files = (args: string[]) => run(["--list-files", ...args], { cwd: dir }).stdout.split("\n").filter((l) => l.startsWith("haproxy")).map((l) => l.slice(12));
    expect(files(["."])).toEqual(["haproxy.cfg", "old/keep.haproxy.cfg", "tmp/haproxy.cfg"]);
    expect(files(["--ignore-pattern", "tmp", "."])).toEqual(["haproxy.cfg", "old/keep.haproxy.cfg"]);
    // Command-line rule settings keep the config file's ignorePatterns, relative to that file.
    expect(files(["--rule", "HA001:warning", "."])).toEqual(["haproxy.cfg", "old/keep.haproxy.cfg", "tmp/haproxy.cfg"]);
    expect(files(["--no-ignore", "."])).toEqual(["haproxy.cfg", "old/a.haproxy.cfg", "old/keep.haproxy.cfg", "tmp/haproxy.cfg", "vendor/x/haproxy.cfg"]);
    // A file named explicitly but ignored is skipped quietly, as pre-commit passes every staged file.
    expect(run(["old/a.haproxy.cfg"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("haproxy configurations in several files", () => {
  const files = {
    "etc/haproxy/haproxy.cfg": "global\n    maxconn 100\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n",
    "etc/haproxy/conf.d/20-backends.cfg": "backend web\n    server s1 10.0.0.1:80\n",
    "etc/haproxy/conf.d/10-frontends.cfg": "frontend www\n    bind :80\n    use_backend web\n",
    "etc/haproxy/conf.d/.hidden.cfg": "this is not read\n",
    "etc/haproxy/conf.d/notes.txt": "nor is this\n",
  };

  it("--haproxy-config lints the files as haproxy -f loads them: one configuration", () => {
    const dir = tree(files);
    const alone = run(["--format", "json", "etc/haproxy/conf.d/10-frontends.cfg"], { cwd: dir });
    expect(ruleIds(alone.stdout)).toContain("HA010");
    const set = run(["--format", "json", "--haproxy-config", "etc/haproxy/haproxy.cfg", "--haproxy-config", "etc/haproxy/conf.d"], { cwd: dir });
    const reports = JSON.parse(set.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(reports.map((r) => r.filePath)).toEqual(
      ["haproxy.cfg", "conf.d/10-frontends.cfg", "conf.d/20-backends.cfg"].map((name) => join(dir, "etc", "haproxy", name)),
    );
    expect(reports.flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain("HA010");
    // A file of the set named again is not linted a second time on its own; a hidden file, which
    // haproxy does not read from a directory, is linted on its own.
    const again = run(["--format", "json", "--haproxy-config", "etc/haproxy/haproxy.cfg", "--haproxy-config", "etc/haproxy/conf.d", "etc/haproxy"], { cwd: dir });
    expect(JSON.parse(again.stdout).map((r: { filePath: string }) => r.filePath)).toEqual(
      ["haproxy.cfg", "conf.d/10-frontends.cfg", "conf.d/20-backends.cfg", "conf.d/.hidden.cfg"].map((name) => join(dir, "etc", "haproxy", name)),
    );
    expect(run(["--haproxy-config", "etc/nowhere"], { cwd: dir })).toMatchObject({ code: 2, stderr: `lblint: --haproxy-config ${join(dir, "etc", "nowhere")}: no such file or directory\n` });
  });

  it("haproxyConfigs in lblint.config.json makes one staged file of a split configuration lint with the others", () => {
    const dir = tree({ ...files, "lblint.config.json": '{ "haproxyConfigs": [["etc/haproxy/haproxy.cfg", "etc/haproxy/conf.d"]] }' });
    const staged = run(["--format", "json", "etc/haproxy/conf.d/10-frontends.cfg"], { cwd: dir });
    const reports = JSON.parse(staged.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(reports.map((r) => r.filePath)).toEqual(
      ["haproxy.cfg", "conf.d/10-frontends.cfg", "conf.d/20-backends.cfg"].map((name) => join(dir, "etc", "haproxy", name)),
    );
    expect(reports.flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain("HA010");
    const broken = tree({ ...files, "lblint.config.json": '{ "haproxyConfigs": ["etc/nowhere"] }' });
    const result = run(["etc/haproxy/conf.d/10-frontends.cfg"], { cwd: broken });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("haproxyConfigs in");
  });
});

describe("configuration commands", () => {
  it("--print-config shows the settings that apply to a file", () => {
    const dir = tree({ "lblint.config.json": '{ "haproxyVersion": "2.6", "rules": { "HA010": "warning", "HA037": ["info", { "known": ["PORT"] }] } }' });
    const result = run(["--print-config", "sub/haproxy.cfg", "--rule", "HA011:off"], { cwd: dir });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ configFile: join(dir, "lblint.config.json"), language: "haproxy", haproxyVersion: "2.6", keepalivedVersion: "2.4" });
    expect(printed.rules).toMatchObject({ HA001: "error", HA010: "warning", HA011: "off", HA037: ["info", { known: ["PORT"] }] });
    expect(Object.keys(printed.rules).every((id) => id.startsWith("HA"))).toBe(true);
  });

  it("--init writes a starter lblint.config.json that lblint accepts, and never overwrites one", () => {
    const dir = tree({ "haproxy.cfg": "global\n" });
    const first = run(["--init"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^lblint: wrote .*lblint\.config\.json/);
    const written = JSON.parse(readFileSync(join(dir, "lblint.config.json"), "utf8"));
    expect(Object.keys(written)).toEqual(["haproxyVersion", "keepalivedVersion", "rules", "ignorePatterns"]);
    expect(run(["haproxy.cfg"], { cwd: dir }).code).not.toBe(2);
    expect(run(["--init"], { cwd: dir })).toMatchObject({ code: 2, stderr: `lblint: ${join(dir, "lblint.config.json")} already exists; --init does not overwrite it\n` });
    expect(existsSync(join(dir, "lblint.config.json"))).toBe(true);
  });

  it("--init points $schema at the schema of a project's own lblint", () => {
    const dir = tree({ "haproxy.cfg": "global\n", "node_modules/lblint/dist/lblint.config.schema.json": "{}" });
    expect(run(["--init"], { cwd: dir }).code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, "lblint.config.json"), "utf8"));
    expect(written.$schema).toBe("./node_modules/lblint/dist/lblint.config.schema.json");
    expect(run(["haproxy.cfg"], { cwd: dir }).code).not.toBe(2);
  });

  it("--init joins haproxy.cfg and a conf.d of .cfg files into one haproxy configuration, and lints them so", () => {
    const dir = tree({
      "haproxy.cfg": "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend www\n    bind :8080\n    default_backend app\n",
      "conf.d/20-app.cfg": "backend app\n    server a 10.0.0.1:80\n",
      "notes.d/README": "not haproxy\n",
    });
    const init = run(["--init"], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain("lblint: haproxyConfigs reads haproxy.cfg + conf.d as one haproxy configuration, as 'haproxy -f haproxy.cfg -f conf.d' would");
    const written = JSON.parse(readFileSync(join(dir, "lblint.config.json"), "utf8"));
    expect(written.haproxyConfigs).toEqual([["haproxy.cfg", "conf.d"]]);
    const lint = run(["--format", "json", "haproxy.cfg"], { cwd: dir });
    expect(ruleIds(lint.stdout)).not.toContain("HA010");
  });
});

describe("exit status 2: one line, the stack only with --debug", () => {
  it("answers command-line mistakes with what was meant", () => {
    expect(run(["-f", "haproxy.cfg"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "lblint: -f is --format here, as in ESLint, and 'haproxy.cfg' is no format; to check that file, name it without -f: lblint haproxy.cfg\n",
    });
    expect(run(["--bogus", "x"])).toMatchObject({ code: 2, stderr: "lblint: unknown option '--bogus' (see lblint --help)\n" });
    expect(run(["x", "--format"])).toMatchObject({ code: 2, stderr: "lblint: --format needs a value (see lblint --help)\n" });
    expect(run(["--fix=yes", "x"])).toMatchObject({ code: 2, stderr: "lblint: --fix takes no value\n" });
    expect(run(["--fix", "--fix-dry-run", "x"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^lblint: --fix and --fix-dry-run exclude each other/) });
  });

  it("an internal error is one line, and its stack trace with --debug", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      cwd: tmpdir(),
      env: {},
      isTTY: false,
      out: (text) => void out.push(text),
      err: (text) => void err.push(text),
      readStdin: () => Promise.reject(new TypeError("boom")),
      writeFile: () => Promise.resolve(),
    };
    expect(await runCli(["--stdin"], io)).toBe(2);
    expect(err).toEqual(["lblint: internal error: boom (run with --debug for the stack trace, and please report it)\n"]);
    err.length = 0;
    expect(await runCli(["--stdin", "--debug"], io)).toBe(2);
    expect(err.join("")).toMatch(/^lblint: internal error: boom .*\nTypeError: boom\n\s+at /);
    expect(out).toEqual([]);
  });
});

describe("whole sites", () => {
  const site = join(import.meta.dirname, "..", "fixtures", "sites", "dr");

  it("a site directory is checked as a whole, in every format; --site-report prints the report", () => {
    const json = run(["--format", "json", site]);
    expect(json.stderr).toBe("");
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
    const sarif = JSON.parse(run(["--format", "sarif", site]).stdout);
    expect(sarif.version).toBe("2.1.0");
    const report = run(["--site-report", site]);
    expect(report.code).toBe(json.code);
    expect(report.stdout).toMatch(/^Site .*dr: \d+ hosts\n/);
  });
});
