// keepalived opens only regular files without an execute bit: a FIFO, a device or an executable file
// matched by an include is skipped with a message (keepalived -t still exits 0), and an executable
// main file leaves keepalived with no configuration. lblint says so on the include line, and asks
// keepalived itself when it is installed, so that the messages stay true.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NodeFileSystem } from "../../server/src/workspace/fs.js";
import { loadConfig } from "../../server/src/workspace/loader.js";
import { pathToUri } from "../../server/src/workspace/uri.js";

const VRRP = "vrrp_instance VI_1 {\n  interface lo\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n";
const keepalived = spawnSync("keepalived", ["--version"]).error === undefined;

function site() {
  const dir = mkdtempSync(join(tmpdir(), "lblint-skip-"));
  mkdirSync(join(dir, "conf.d"));
  writeFileSync(join(dir, "conf.d", "a.conf"), VRRP);
  writeFileSync(join(dir, "conf.d", "b.conf"), "");
  chmodSync(join(dir, "conf.d", "b.conf"), 0o744);
  expect(spawnSync("mkfifo", [join(dir, "conf.d", "c.conf")]).status).toBe(0);
  writeFileSync(join(dir, "keepalived.conf"), "include conf.d/*.conf\ninclude conf.d/c.conf\n");
  return dir;
}

async function problemsOf(file: string) {
  const uri = pathToUri(file);
  const config = await loadConfig(new NodeFileSystem(), uri, "keepalived");
  return { files: [...config.files.keys()], problems: (config.diagnostics.get(uri) ?? []).map((d) => [d.code, d.severity, d.range.start.line, d.message]) };
}

describe("include targets keepalived skips", () => {
  it("warns for FIFOs and executable files an include matches, and reads the rest", async () => {
    const dir = site();
    const { files, problems } = await problemsOf(join(dir, "keepalived.conf"));
    expect(files).toEqual([pathToUri(join(dir, "keepalived.conf")), pathToUri(join(dir, "conf.d", "a.conf"))]);
    expect(problems).toEqual([
      ["include-skipped", "warning", 0, "keepalived skips 'c.conf' (matched by 'conf.d/*.conf'): it is a FIFO (named pipe), not a regular file"],
      ["include-skipped", "warning", 0, "keepalived skips 'b.conf' (matched by 'conf.d/*.conf'): it reads no file with an execute bit set (chmod a-x)"],
      ["include-skipped", "warning", 1, "keepalived skips 'conf.d/c.conf': it is a FIFO (named pipe), not a regular file"],
    ]);
  });

  it("warns when the main file has an execute bit", async () => {
    const dir = site();
    chmodSync(join(dir, "conf.d", "a.conf"), 0o645);
    const { problems } = await problemsOf(join(dir, "conf.d", "a.conf"));
    expect(problems).toEqual([
      ["executable-file", "warning", 0, "keepalived reads no configuration file with an execute bit set: it would skip this one and run with none (chmod a-x)"],
    ]);
  });

  it.runIf(keepalived)("agrees with keepalived -t, which skips the same files and exits 0", () => {
    const dir = site();
    const run = spawnSync("sh", ["-c", `keepalived -t -f ${join(dir, "keepalived.conf")} -l -D 2>&1 | cat`], { encoding: "utf8", cwd: dir, timeout: 20_000 });
    const skipped = [...run.stdout.matchAll(/Configuration file '([^']+)' is not a regular non-executable file - skipping/g)].map((m) => m[1]);
    expect(skipped.sort()).toEqual(["conf.d/b.conf", "conf.d/c.conf", "conf.d/c.conf"]);
    chmodSync(join(dir, "keepalived.conf"), 0o755);
    const main = spawnSync("keepalived", ["-t", "-f", join(dir, "keepalived.conf"), "-l", "-D"], { encoding: "utf8", cwd: dir, timeout: 20_000 });
    expect(main.status).toBe(0);
  });
});
