// The sixteenth mutation round's HA004 cases (docs/agreement.md, "Sixteenth round, haproxy"): a global
// `thread-group` line's group and threads, as haproxy reads each line (round13-cases.ts asks haproxy
// 2.6.12, 3.0.11 and 3.2.26 again); and 2.6's limits on every `thread-groups` / `nbthread` line, not
// only the last one.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";
import { lintText } from "./harness.js";
import { round13Cases } from "./round13-cases.js";

const file = (lines: string) => `global\n    nbthread 4\n    ${lines}\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind :8080\n    http-request return status 200\n`;
const line = (text: string, refused?: string) => ({ line: text, file: file(text), ...(refused ? { refused } : {}) });

round13Cases("the sixteenth mutation round's thread-group lines", [
  line("thread-group x 1", "HA004"),
  line("thread-group 1x 1", "HA004"),
  line("thread-group 0 1", "HA004"),
  line("thread-group 1 0", "HA004"),
  line("thread-group 1 1-x", "HA004"),
  line("thread-group 1 all", "HA004"),
  line("thread-group 1 1,2", "HA004"),
  line("thread-group 1"),
  line("thread-group 1 2-1"),
]);

// Refused by 2.6.12 alone: its single group and 64 threads are checked on each line as it is read.
const ONLY_26 = ["thread-group 2 1", "thread-groups 2\n    thread-groups 1", "nbthread 65\n    nbthread 4"];

describe("the sixteenth mutation round's 2.6 thread limits", () => {
  it("are errors at target 2.6 and not at 3.2", () => {
    for (const text of ONLY_26) {
      expect(lintText("haproxy", file(text), { haproxyVersion: "2.6" }).filter((p) => p.severity === "error").map((p) => p.ruleId), text).toContain("HA004");
      expect(lintText("haproxy", file(text), { haproxyVersion: "3.2" }).filter((p) => p.severity === "error"), text).toEqual([]);
    }
  });
  const daemons = ["haproxy", "haproxy32"].filter((name) => spawnSync(name, ["-v"]).error === undefined);
  it.runIf(daemons.length === 2)("are refused by haproxy 2.6.12 and taken by 3.2.26", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lblint-round16-")), "c.cfg");
    for (const text of ONLY_26) {
      writeFileSync(path, file(text));
      expect(haproxyCheck(path, { binary: "haproxy" }).status, text).not.toBe(0);
      expect(haproxyCheck(path, { binary: "haproxy32" }).status, text).toBe(0);
    }
  }, 120_000);
});
