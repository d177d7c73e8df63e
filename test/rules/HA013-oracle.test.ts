// Two proxies with one id, as haproxy 2.6.12 reads ids (atol: `10x`, `010`, `+10`, `10.5` are 10):
// lblint reports HA013 exactly where haproxy refuses the second ("reuses same custom id").
// Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const IDS = ["10", "10x", "010", "+10", "10.5", "11", "1x"];

describe("HA013 proxies sharing an id, against haproxy 2.6.12", () => {
  it.runIf(installed)("is reported exactly where haproxy refuses the second proxy", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha013-")), "t.cfg");
    const wrong: string[] = [];
    for (const id of IDS) {
      const text = `frontend a\n    bind 127.0.0.1:18080\n    timeout client 5s\n    id 10\nbackend b\n    id ${id}\n`;
      writeFileSync(file, text);
      const said = haproxyCheck(file, { timeout: 20_000 });
      const refused = /reuses same custom id/.test(`${said.stdout}${said.stderr}`);
      const reported = lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA013");
      if (refused !== reported) wrong.push(`id ${id}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${reported ? "reports" : "says nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});
