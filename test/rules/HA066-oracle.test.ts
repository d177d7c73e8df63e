// Capture ids against the slots haproxy 2.6.12 counts: a frontend's own, those its named defaults
// section's `len` captures make, and a named defaults section's own. Each case alone in a file:
// lblint reports HA066 exactly on the lines haproxy refuses ("unable to find capture id").
// Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const DEFAULTS = "defaults d\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const FRONTEND = "frontend f from d\n    bind 127.0.0.1:18080\n";

const CASES = [
  `${DEFAULTS}    http-request capture hdr(a) len 10\n    http-request capture hdr(b) id 1\n${FRONTEND}`,
  `${DEFAULTS}    http-request capture hdr(b) id 0\n    http-request capture hdr(a) len 10\n${FRONTEND}`,
  `${DEFAULTS}    http-response capture res.hdr(b) id 0\n${FRONTEND}`,
  `${DEFAULTS}    http-request capture hdr(a) len 10\n${FRONTEND}    http-request capture hdr(b) id 1\n`,
  `${DEFAULTS}    http-request capture hdr(a) len 10\n${FRONTEND}    declare capture request len 5\n    http-request capture hdr(b) id 1\n`,
];

describe("HA066 capture ids, against haproxy 2.6.12", () => {
  it.runIf(installed)("is reported exactly where haproxy refuses the id", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha066-")), "t.cfg");
    const wrong: string[] = [];
    for (const text of CASES) {
      writeFileSync(file, text);
      const said = haproxyCheck(file, { timeout: 20_000 });
      const refused = /unable to find capture id/.test(`${said.stdout}${said.stderr}`);
      const reported = lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA066");
      if (refused !== reported) wrong.push(`${text.split("\n").filter((line) => line.includes("capture")).join(" / ")}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${reported ? "reports" : "says nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});
