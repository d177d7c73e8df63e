// The sixteenth mutation round's HA091 cases (docs/agreement.md, "Sixteenth round, haproxy"): the
// packages of haproxy 2.6.12, 3.0.11 and 3.2.26 compress with libslz, not zlib, and refuse the zlib
// tuning keywords as unknown (asked again where they are installed).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";
import { lintText } from "./harness.js";

const file = (line: string) => `global\n    ${line}\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind :8080\n    http-request return status 200\n`;
const LINES = ["tune.zlib.memlevel 8", "tune.zlib.windowsize 15"];

describe("the sixteenth mutation round's zlib keywords", () => {
  it("are HA091 warnings at every target, and nothing else", () => {
    for (const version of ["2.6", "3.0", "3.2"] as const) {
      for (const line of LINES) {
        const found = lintText("haproxy", file(line), { haproxyVersion: version }).filter((p) => p.severity !== "info");
        expect(found.map((p) => `${p.ruleId} ${p.severity}`), `${version} ${line}`).toEqual(["HA091 warning"]);
      }
    }
  });
  const daemons = ["haproxy", "haproxy30", "haproxy32"].filter((name) => spawnSync(name, ["-v"]).error === undefined);
  it.runIf(daemons.length > 0)("are refused by every installed release", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lblint-round16-")), "c.cfg");
    const taken: string[] = [];
    for (const line of LINES) {
      writeFileSync(path, file(line));
      for (const daemon of daemons) if (haproxyCheck(path, { binary: daemon }).status === 0) taken.push(`${daemon}: ${line}`);
    }
    expect(taken).toEqual([]);
  }, 120_000);
});
