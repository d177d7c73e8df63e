// A backend header with a word after its name and nothing under it: haproxy 2.6.12 skips it without
// a word, so a proxy routing to it is refused ("unable to find required default_backend"). lblint
// reports an error exactly where haproxy refuses the file, a warning where it takes it. Skipped
// where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const FRONTEND = (route: string) => `frontend f\n    bind 127.0.0.1:18080\n    timeout client 5s\n    ${route}\n`;
const CASES = [
  `backend be_ref default\n${FRONTEND("default_backend be_ref")}`,
  `backend be_ref default\n${FRONTEND("use_backend be_ref if TRUE")}`,
  `backend be_ref default\nbackend other\n    timeout connect 5s\n    timeout server 5s\n${FRONTEND("default_backend other")}`,
];

describe("HA009 a skipped backend header, against haproxy 2.6.12", () => {
  it.runIf(installed)("is an error exactly where haproxy refuses the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha009-")), "t.cfg");
    const wrong: string[] = [];
    for (const text of CASES) {
      writeFileSync(file, text);
      const refused = haproxyCheck(file, { timeout: 20_000 }).status !== 0;
      const found = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA009");
      if (found.length !== 1 || (found[0]!.severity === "error") !== refused) wrong.push(`${text.replace(/\n\s*/g, " / ")}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${found.map((p) => p.severity).join(", ") || "nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});
