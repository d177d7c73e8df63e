import { describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryFileSystem, NodeFileSystem, OverlayFileSystem } from "../../server/src/workspace/fs.js";
import { expandGlob } from "../../server/src/workspace/glob.js";
import { BINARY_FILE_MESSAGE, loadConfig } from "../../server/src/workspace/loader.js";
import { pathToUri } from "../../server/src/workspace/uri.js";

const ROOT = "file:///etc/keepalived/keepalived.conf";

function problems(config: Awaited<ReturnType<typeof loadConfig>>, uri: string) {
  return (config.diagnostics.get(uri) ?? []).map((d) => ({ code: d.code, line: d.range.start.line, message: d.message }));
}

describe("loading keepalived configurations with includes", () => {
  it("follows globs relative to the including file, in sorted order, and nested includes relative to theirs", async () => {
    const fs = new MemoryFileSystem({
      [ROOT]: "global_defs {\n  router_id lb1\n}\ninclude conf.d/*.conf\n",
      "file:///etc/keepalived/conf.d/20-vs.conf": "virtual_server 10.0.0.1 80 {\n  include ../rs/*.conf\n}\n",
      "file:///etc/keepalived/conf.d/10-vrrp.conf": "vrrp_instance VI_1 {\n  state MASTER\n}\n",
      "file:///etc/keepalived/conf.d/README": "not a conf file\n",
      "file:///etc/keepalived/rs/a.conf": "real_server 10.0.1.1 80 {\n  weight 1\n}\n",
    });
    const config = await loadConfig(fs, ROOT, "keepalived");
    expect([...config.files.keys()]).toEqual([
      ROOT,
      "file:///etc/keepalived/conf.d/10-vrrp.conf",
      "file:///etc/keepalived/conf.d/20-vs.conf",
      "file:///etc/keepalived/rs/a.conf",
    ]);
    expect(config.includes.map((link) => [link.from, link.targets.length])).toEqual([
      [ROOT, 2],
      ["file:///etc/keepalived/conf.d/20-vs.conf", 1],
    ]);
    expect(config.files.get("file:///etc/keepalived/rs/a.conf")!.includedBy?.uri).toBe("file:///etc/keepalived/conf.d/20-vs.conf");
    expect([...config.diagnostics.values()].flat()).toEqual([]);
  });

  it("reports a missing include as a warning on the pattern, as keepalived goes on without it", async () => {
    const fs = new MemoryFileSystem({ [ROOT]: "include /etc/keepalived/none/*.conf\ninclude missing.conf\n" });
    const config = await loadConfig(fs, ROOT, "keepalived");
    expect(problems(config, ROOT)).toEqual([
      { code: "include-missing", line: 0, message: "'/etc/keepalived/none/*.conf' matches no file; keepalived skips it without failing" },
      { code: "include-missing", line: 1, message: "'missing.conf' matches no file; keepalived skips it without failing" },
    ]);
  });

  it("stops at include cycles and self-includes with an error naming the chain", async () => {
    const fs = new MemoryFileSystem({
      [ROOT]: "include a.conf\n",
      "file:///etc/keepalived/a.conf": "include b.conf\n",
      "file:///etc/keepalived/b.conf": "include a.conf\ninclude b.conf\n",
    });
    const config = await loadConfig(fs, ROOT, "keepalived");
    expect(config.files.size).toBe(3);
    expect(problems(config, "file:///etc/keepalived/b.conf")).toEqual([
      { code: "include-cycle", line: 0, message: "include cycle: a.conf → b.conf → a.conf" },
      { code: "include-cycle", line: 1, message: "include cycle: b.conf → b.conf" },
    ]);
  });

  it("does not follow includes whose path is computed", async () => {
    const fs = new MemoryFileSystem({ [ROOT]: "include ${_PWD}/x.conf\n" });
    const config = await loadConfig(fs, ROOT, "keepalived");
    expect(problems(config, ROOT).map((p) => [p.code, p.line])).toEqual([["include-unresolved", 0]]);
  });

  it("reads include with several words as one name with spaces, as keepalived 2.2.7 does, and warns", async () => {
    const fs = new MemoryFileSystem({ [ROOT]: "include a.conf b.conf\n", "file:///etc/keepalived/a.conf%20b.conf": "global_defs {\n}\n" });
    const config = await loadConfig(fs, ROOT, "keepalived");
    expect(problems(config, ROOT)).toEqual([
      { code: "include-arguments", line: 0, message: "keepalived reads 'a.conf b.conf' as one file name, spaces included; use one include per file or a glob" },
    ]);
    expect([...config.files.keys()]).toEqual([ROOT, "file:///etc/keepalived/a.conf%20b.conf"]);
  });

  it("reads unsaved editor buffers over the disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    writeFileSync(join(dir, "keepalived.conf"), "include extra.conf\n");
    writeFileSync(join(dir, "extra.conf"), "vrrp_instance OLD {\n}\n");
    const overlay = new OverlayFileSystem(new Map([[pathToUri(join(dir, "extra.conf")), "vrrp_instance NEW {\n"]]), new NodeFileSystem());
    const config = await loadConfig(overlay, pathToUri(join(dir, "keepalived.conf")), "keepalived");
    const extra = config.files.get(pathToUri(join(dir, "extra.conf")))!;
    expect(extra.text).toBe("vrrp_instance NEW {\n");
    expect(problems(config, extra.uri).map((p) => p.code)).toEqual(["missing-close-brace"]);
  });

  it("says so when an include glob matches more paths than lblint follows, instead of cutting the list", async () => {
    const files: Record<string, string> = { [ROOT]: "include conf.d/*.conf\n" };
    for (let i = 0; i < 10_001; i++) files[`file:///etc/keepalived/conf.d/${i}.conf`] = "";
    const fs = new MemoryFileSystem(files);
    await expect(expandGlob(fs, "file:///etc/keepalived/conf.d/*.conf", 10)).rejects.toThrow("it matches more than 10 paths, more than lblint follows");
    const config = await loadConfig(fs, ROOT, "keepalived");
    expect(problems(config, ROOT)).toEqual([
      { code: "include-unreadable", line: 0, message: "cannot read 'conf.d/*.conf': it matches more than 10,000 paths, more than lblint follows" },
    ]);
  });

  it("turns unreadable files and symlink loops on disk into diagnostics", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "keepalived.conf"), "include sub/*.conf\ninclude loop.conf\n");
    writeFileSync(join(dir, "sub", "locked.conf"), "x\n");
    symlinkSync(join(dir, "loop.conf"), join(dir, "loop.conf"));
    chmodSync(join(dir, "sub", "locked.conf"), 0o000);
    const config = await loadConfig(new NodeFileSystem(), pathToUri(join(dir, "keepalived.conf")), "keepalived");
    const found = problems(config, pathToUri(join(dir, "keepalived.conf")));
    // root can read anything, so the locked file may load; the symlink loop never does, and is not
    // reported as a missing file.
    expect(found).toContainEqual({ code: "include-unreadable", line: 1, message: "cannot read 'loop.conf': a symbolic link loop (too many levels of symbolic links)" });
    expect(found.every((p) => p.code === "include-unreadable")).toBe(true);
  });

  it("reports a binary file once instead of parsing its bytes as text", async () => {
    const binary = "\x7fELF\x02\x01\x01" + "\0".repeat(40) + "vrrp_instance {".repeat(3);
    const fs = new MemoryFileSystem({ [ROOT]: "include bin.conf\nglobal_defs {\n  router_id a\0b\n}\n", "file:///etc/keepalived/bin.conf": binary });
    const config = await loadConfig(fs, ROOT, "keepalived");
    expect(problems(config, "file:///etc/keepalived/bin.conf")).toEqual([{ code: "binary-file", line: 0, message: BINARY_FILE_MESSAGE }]);
    expect(problems(config, ROOT).map((p) => p.code)).toEqual(["nul-character"]);
  });

  it("loads haproxy files on their own", async () => {
    const fs = new MemoryFileSystem({ "file:///etc/haproxy/haproxy.cfg": "global\n  daemon\n" });
    const config = await loadConfig(fs, "file:///etc/haproxy/haproxy.cfg", "haproxy");
    expect([...config.files.keys()]).toEqual(["file:///etc/haproxy/haproxy.cfg"]);
    expect(config.files.get("file:///etc/haproxy/haproxy.cfg")!.parse.format).toBe("haproxy");
  });
});
