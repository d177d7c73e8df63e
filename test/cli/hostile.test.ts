// Hostile files and trees (issue 13): each path that cannot be linted gives one line saying what is
// wrong, the other paths are still linted, and nothing hangs or prints a stack trace. The command
// runs as a child process with a timeout, so a hang fails the test instead of stopping the suite.
// Permission problems need a user that permissions apply to: as root, the child runs as nobody
// (uid and gid 65534); otherwise chmod 000 applies to the user running the tests.
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const cli = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");
const HAPROXY = "global\n    maxconn 100\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";
const isRoot = process.getuid?.() === 0;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cwd: string, args: readonly string[], unprivileged = false): Result {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(unprivileged && isRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch directory that the unprivileged child can enter too. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "lblint-hostile-"));
  chmodSync(dir, 0o755);
  return dir;
}

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

/** The files a JSON report covers, by base name. */
function linted(result: Result): string[] {
  return (JSON.parse(result.stdout) as { filePath: string }[]).map((file) => file.filePath.slice(file.filePath.lastIndexOf("/") + 1)).sort();
}

function expectNoStackTrace(result: Result): void {
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe("hostile files on the command line", () => {
  it("refuses a FIFO without opening it, and goes on with the other files", () => {
    const dir = scratch();
    mkfifo(join(dir, "haproxy.cfg"));
    writeFileSync(join(dir, "other.haproxy.cfg"), HAPROXY);
    const result = run(dir, ["--format", "json", "haproxy.cfg", "other.haproxy.cfg"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("lblint: haproxy.cfg: a FIFO (named pipe), not a regular file; lblint does not read it\n");
    expect(linted(result)).toEqual(["other.haproxy.cfg"]);
  });

  it("refuses /dev/zero and other character devices", () => {
    const result = run(tmpdir(), ["--language", "haproxy", "/dev/zero", "/dev/urandom"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "lblint: /dev/zero: a character device, not a regular file; lblint does not read it\n" +
        "lblint: /dev/urandom: a character device, not a regular file; lblint does not read it\n",
    });
  });

  it("names a symbolic link loop as a loop, not as a missing file", () => {
    const dir = scratch();
    symlinkSync("b.cfg", join(dir, "a.cfg"));
    symlinkSync("a.cfg", join(dir, "b.cfg"));
    symlinkSync("haproxy.cfg", join(dir, "haproxy.cfg"));
    symlinkSync("nowhere.cfg", join(dir, "dangling.cfg"));
    const result = run(dir, ["a.cfg", "haproxy.cfg", "dangling.cfg"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "lblint: a.cfg: a symbolic link loop (too many levels of symbolic links)\n" +
        "lblint: haproxy.cfg: a symbolic link loop (too many levels of symbolic links)\n" +
        "lblint: dangling.cfg: a symbolic link to a file that does not exist\n",
    });
  });

  it("does not open a FIFO given as the config file, found as .lblintignore or named in a haproxy set", () => {
    const dir = scratch();
    writeFileSync(join(dir, "haproxy.cfg"), HAPROXY);
    mkfifo(join(dir, "pipe.json"));
    mkfifo(join(dir, "pipe.cfg"));
    expect(run(dir, ["--config", "pipe.json", "haproxy.cfg"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `lblint: pipe.json: cannot read the configuration: a FIFO (named pipe), not a regular file; lblint does not read it\n`,
    });
    expect(run(dir, ["--haproxy-config", "pipe.cfg"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `lblint: --haproxy-config ${join(dir, "pipe.cfg")}: a FIFO (named pipe), not a regular file or directory\n`,
    });
    mkfifo(join(dir, ".lblintignore"));
    expect(run(dir, ["haproxy.cfg"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `lblint: ${join(dir, ".lblintignore")}: cannot read it: a FIFO (named pipe), not a regular file; lblint does not read it\n`,
    });
  });

  it("says that a directory named like a configuration file is a directory", () => {
    const dir = scratch();
    mkdirSync(join(dir, "haproxy.cfg"));
    const result = run(dir, ["haproxy.cfg"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "lblint: haproxy.cfg: a directory, not a configuration file, and no haproxy or keepalived configuration found here (--list-files shows what was skipped)\n",
    });
  });

  it("says that a binary file looks binary", () => {
    const dir = scratch();
    const binary = Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01"), Buffer.alloc(64), Buffer.from("global\n")]);
    writeFileSync(join(dir, "blob.cfg"), binary);
    writeFileSync(join(dir, "haproxy.cfg"), binary);
    const named = run(dir, ["blob.cfg"]);
    expect(named).toEqual({ code: 2, stdout: "", stderr: "lblint: blob.cfg: looks like a binary file (it holds NUL or other control bytes), not a configuration\n" });
    // Named like a configuration, it is one that is broken: one error, not one per stray byte.
    const json = run(dir, ["--format", "json", "haproxy.cfg"]);
    expect(json.code).toBe(1);
    const [report] = JSON.parse(json.stdout);
    expect(report.messages.map((m: { code: string; message: string }) => [m.code, m.message])).toEqual([
      ["binary-file", "this looks like a binary file (it holds NUL or other control bytes), not a configuration"],
    ]);
  });

  it("refuses a file over the size limit without reading it", () => {
    const dir = scratch();
    // Sparse: 33 MiB on paper, nothing on disk.
    writeFileSync(join(dir, "haproxy.cfg"), "");
    truncateSync(join(dir, "haproxy.cfg"), 33 * 1024 * 1024);
    writeFileSync(join(dir, "huge.cfg"), "");
    truncateSync(join(dir, "huge.cfg"), 40 * 1024 * 1024);
    const result = run(dir, ["haproxy.cfg", "huge.cfg"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "lblint: huge.cfg: cannot read it: too large (40.0 MiB; lblint reads files up to 32.0 MiB)\n" +
        `lblint: ${join(dir, "haproxy.cfg")}: cannot read it: too large (33.0 MiB; lblint reads files up to 32.0 MiB)\n`,
    );
  });
});

describe("files and directories lblint may not read", () => {
  it(`says "permission denied" for a file and a directory, and lints the rest (${isRoot ? "as nobody" : "chmod 000"})`, () => {
    const dir = scratch();
    writeFileSync(join(dir, "locked.haproxy.cfg"), HAPROXY);
    writeFileSync(join(dir, "locked.cfg"), HAPROXY);
    writeFileSync(join(dir, "open.haproxy.cfg"), HAPROXY);
    mkdirSync(join(dir, "closed"));
    writeFileSync(join(dir, "closed", "haproxy.cfg"), HAPROXY);
    chmodSync(join(dir, "locked.haproxy.cfg"), 0o000);
    chmodSync(join(dir, "locked.cfg"), 0o000);
    chmodSync(join(dir, "closed"), 0o000);
    const named = run(dir, ["--format", "json", "locked.haproxy.cfg", "locked.cfg", "closed", "open.haproxy.cfg"], true);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(
      `lblint: locked.cfg: cannot read it: permission denied\n` +
        `lblint: ${join(dir, "closed")}: cannot read the directory: permission denied\n` +
        `lblint: ${join(dir, "locked.haproxy.cfg")}: cannot read it: permission denied\n`,
    );
    expect(linted(named)).toEqual(["open.haproxy.cfg"]);

    const walked = run(dir, ["--format", "json", "."], true);
    expect(walked.code).toBe(2);
    expect(walked.stderr).toBe(
      `lblint: ${join(dir, "closed")}: cannot read the directory: permission denied\n` +
        `lblint: ${join(dir, "locked.cfg")}: cannot read it: permission denied\n` +
        `lblint: ${join(dir, "locked.haproxy.cfg")}: cannot read it: permission denied\n`,
    );
    expect(linted(walked)).toEqual(["open.haproxy.cfg"]);

    expect(run(dir, ["--haproxy-config", "closed"], true)).toEqual({
      code: 2,
      stdout: "",
      stderr: `lblint: --haproxy-config ${join(dir, "closed")}: cannot read the directory: permission denied\n`,
    });
  });

  it("reports an unreadable keepalived include as unreadable, not missing", () => {
    const dir = scratch();
    writeFileSync(join(dir, "keepalived.conf"), "include locked.conf\nglobal_defs {\n    router_id a\n}\n");
    writeFileSync(join(dir, "locked.conf"), "global_defs {\n}\n");
    chmodSync(join(dir, "locked.conf"), 0o000);
    const result = run(dir, ["--format", "json", "keepalived.conf"], true);
    expectNoStackTrace(result);
    const [report] = JSON.parse(result.stdout);
    expect(report.messages.filter((m: { ruleId: string }) => m.ruleId === "syntax").map((m: { message: string }) => m.message)).toEqual([
      "cannot read included file locked.conf: permission denied",
    ]);
  });
});

describe("hostile trees", () => {
  it("walks past FIFOs, devices' look-alikes and symbolic link loops, and does not follow a link to a parent", () => {
    const dir = scratch();
    mkdirSync(join(dir, "site", "sub"), { recursive: true });
    writeFileSync(join(dir, "site", "sub", "haproxy.cfg"), HAPROXY);
    mkfifo(join(dir, "site", "pipe.cfg"));
    mkfifo(join(dir, "site", "notes"));
    symlinkSync("loop.cfg", join(dir, "site", "loop.cfg"));
    symlinkSync("..", join(dir, "site", "sub", "up"));
    symlinkSync(join(dir, "site", "sub"), join(dir, "site", "again"));
    const result = run(dir, ["--format", "json", "site"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `lblint: ${join(dir, "site", "again", "up")}: a symbolic link loop: it leads back to ${join(dir, "site")}, which holds it; not followed\n` +
        `lblint: ${join(dir, "site", "loop.cfg")}: a symbolic link loop (too many levels of symbolic links)\n` +
        `lblint: ${join(dir, "site", "pipe.cfg")}: a FIFO (named pipe), not a regular file; lblint does not read it\n`,
    );
    // The directory reached through `again` is walked once.
    expect(linted(result)).toEqual(["haproxy.cfg"]);
    const list = run(dir, ["--list-files", "site"]);
    expect(list.stdout).toContain(`skipped     site/notes  (a FIFO (named pipe), not a regular file; lblint does not read it)\n`);
  });

  it("takes a directory given twice, two globs over one directory and a link to a file once each, calling none empty", () => {
    const dir = scratch();
    mkdirSync(join(dir, "etc"));
    writeFileSync(join(dir, "etc", "haproxy.cfg"), HAPROXY);
    writeFileSync(join(dir, "etc", "keepalived.conf"), "global_defs {\n    router_id a\n}\n");
    mkdirSync(join(dir, "enabled"));
    symlinkSync(join("..", "etc", "haproxy.cfg"), join(dir, "enabled", "haproxy.cfg"));
    const result = run(dir, ["--format", "json", "etc", "etc", "etc/*.cfg", "etc/*.conf", "enabled"]);
    expect(result.stderr).toBe("");
    // The link in enabled/ leads to a file already taken: it is linted once.
    expect(linted(result)).toEqual(["haproxy.cfg", "keepalived.conf"]);
  });

  it("lints every file a glob matches, thousands of them", () => {
    const dir = scratch();
    mkdirSync(join(dir, "conf.d"));
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, "conf.d", `haproxy-${i}.cfg`), HAPROXY);
    const result = run(dir, ["--format", "json", "conf.d/*.cfg"]);
    expectNoStackTrace(result);
    expect(result.code).toBe(0);
    expect(linted(result)).toHaveLength(1500);
  });

  it("follows a keepalived include glob of thousands of files, and stops at cycles and self-includes", () => {
    const dir = scratch();
    mkdirSync(join(dir, "conf.d"));
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, "conf.d", `vs-${i}.conf`), `virtual_server_group g${i} {\n    10.0.0.${i % 250} 80\n}\n`);
    writeFileSync(join(dir, "keepalived.conf"), "include conf.d/*.conf\ninclude keepalived.conf\ninclude a.conf\n");
    writeFileSync(join(dir, "a.conf"), "include b.conf\n");
    writeFileSync(join(dir, "b.conf"), "include a.conf\ninclude *.conf\n");
    const result = run(dir, ["--format", "json", "keepalived.conf"]);
    expectNoStackTrace(result);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as { filePath: string; messages: { code: string; message: string; line: number }[] }[];
    expect(reports).toHaveLength(1503);
    const cycles = reports.flatMap((report) => report.messages.filter((m) => m.code === "include-cycle").map((m) => m.message));
    expect(cycles.sort()).toEqual([
      // b.conf names a.conf, and its glob matches a.conf, b.conf and keepalived.conf: one each.
      "include cycle: a.conf → b.conf → a.conf",
      "include cycle: a.conf → b.conf → a.conf",
      "include cycle: b.conf → b.conf",
      "include cycle: keepalived.conf → a.conf → b.conf → keepalived.conf",
      "include cycle: keepalived.conf → keepalived.conf",
    ]);
  });
});
