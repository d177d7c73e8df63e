// readTextFileSync: what lblint reads from disk, for the command line and the language server alike.
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LanguageService } from "../../server/src/service/language-service.js";
import { NodeFileSystem } from "../../server/src/workspace/fs.js";
import { describeFsError, readTextFileSync } from "../../server/src/workspace/read-file.js";
import { pathToUri } from "../../server/src/workspace/uri.js";

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "lblint-read-"));
}

/** The message readTextFileSync throws for `path`, in words. */
function refusal(path: string, options?: Parameters<typeof readTextFileSync>[1]): string {
  try {
    readTextFileSync(path, options);
  } catch (error) {
    return describeFsError(error);
  }
  throw new Error(`${path} was read`);
}

describe("readTextFileSync", () => {
  it("reads a regular file as UTF-8", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a.cfg"), "global\n    log stdout format raw local0 é\n");
    expect(readTextFileSync(join(dir, "a.cfg"))).toBe("global\n    log stdout format raw local0 é\n");
  });

  it("refuses FIFOs, devices and directories before opening them", () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "pipe.conf")]);
    mkdirSync(join(dir, "keepalived.conf"));
    // Opening the FIFO would block until a writer came: the test would time out.
    expect(refusal(join(dir, "pipe.conf"))).toBe("a FIFO (named pipe), not a regular file; lblint does not read it");
    expect(refusal("/dev/zero")).toBe("a character device, not a regular file; lblint does not read it");
    expect(refusal(join(dir, "keepalived.conf"))).toBe("a directory, not a file");
  });

  it("refuses a file over the limit, and names the error codes in words", () => {
    const dir = scratch();
    writeFileSync(join(dir, "big.cfg"), "x".repeat(3 * 1024 * 1024));
    expect(refusal(join(dir, "big.cfg"), { maxBytes: 1024 * 1024 })).toBe("too large (3.0 MiB; lblint reads files up to 1.0 MiB)");
    expect(refusal(join(dir, "missing.cfg"))).toBe("no such file or directory");
    expect(describeFsError(Object.assign(new Error("x"), { code: "EACCES" }))).toBe("permission denied");
    expect(describeFsError(Object.assign(new Error("x"), { code: "ELOOP" }))).toBe("a symbolic link loop (too many levels of symbolic links)");
  });

  it("reads a file again when it changed during the read, and gives up the second time", () => {
    const dir = scratch();
    const path = join(dir, "haproxy.cfg");
    writeFileSync(path, "global\n");
    const attempts: number[] = [];
    const text = readTextFileSync(path, {
      beforeRead: (attempt) => {
        attempts.push(attempt);
        if (attempt === 0) appendFileSync(path, "    maxconn 10\n");
      },
    });
    expect(attempts).toEqual([0, 1]);
    expect(text).toBe("global\n    maxconn 10\n");
    expect(refusal(path, { beforeRead: () => appendFileSync(path, "#\n") })).toBe(
      "the file changed while it was being read, twice; try again when it is no longer being written",
    );
  });
});

describe("the language server's reading of includes", () => {
  it("does not open a FIFO that an include names or that a glob matches", async () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "pipe.conf")]);
    const root = pathToUri(join(dir, "keepalived.conf"));
    const text = "include pipe.conf\ninclude *.conf\nglobal_defs {\n    router_id a\n}\n";
    writeFileSync(join(dir, "keepalived.conf"), text);
    const service = new LanguageService(new NodeFileSystem());
    service.open(root, "keepalived", text, 1);
    const { problems } = await service.problems(root);
    const syntax = (problems.get(root) ?? []).filter((p) => p.ruleId === "syntax").map((p) => [p.range.start.line, p.message]);
    expect(syntax).toEqual([
      [0, "keepalived skips 'pipe.conf': it is a FIFO (named pipe), not a regular file"],
      [1, "include cycle: keepalived.conf → keepalived.conf"],
      [1, "keepalived skips 'pipe.conf' (matched by '*.conf'): it is a FIFO (named pipe), not a regular file"],
    ]);
  });
});
