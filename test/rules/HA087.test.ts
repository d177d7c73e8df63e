import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const rest = "frontend f\n    bind :18080\n    default_backend b\nbackend b\n    stick-table type ip size 1k peers mesh\n    server s 127.0.0.1:80\n";

describe("HA087 local-peer", () => {
  it("accepts a peers section with this haproxy's peer, in either form, or without localpeer", () => {
    expectHaproxy("HA087", "global\n    localpeer lb1\npeers mesh\n    peer lb1 127.0.0.1:1024\n    peer lb2 127.0.0.2:1024\n" + rest);
    expectHaproxy("HA087", "global\n    localpeer lb1\npeers mesh\n    bind 127.0.0.1:1024\n    server lb1\n    server lb2 127.0.0.2:1024\n" + rest);
    expectHaproxy("HA087", "peers mesh\n    peer lb2 127.0.0.2:1024\n" + rest);
  });

  it("reports a peers section without it, the last localpeer counting", () => {
    const found = expectHaproxy("HA087", "global\n    localpeer lb1\n    localpeer lb9\npeers «mesh»\n    peer lb1 127.0.0.1:1024\n" + rest);
    expect(found[0]!.message).toBe(
      "peers section 'mesh' has no peer named 'lb9', this haproxy's 'localpeer': haproxy removes the section, and the stick tables that name it are not shared (add 'peer lb9 ADDRESS:PORT', unless haproxy is started with -L)",
    );
  });

  const installed = spawnSync("haproxy", ["-v"]).error === undefined;
  it.runIf(installed)("warns where haproxy 2.6.12 removes the section", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha087-"));
    const head = "defaults\n    mode http\n    timeout client 5s\n    timeout server 5s\n    timeout connect 5s\n";
    for (const [peers, removed] of [["    peer lb2 127.0.0.2:1024\n", true], ["    peer lb1 127.0.0.1:1024\n", false], ["    bind 127.0.0.1:1024\n    server lb1\n", false]] as const) {
      const text = `global\n    localpeer lb1\n${head}peers mesh\n${peers}${rest}`;
      const file = join(dir, "haproxy.cfg");
      writeFileSync(file, text);
      const output = haproxyCheck(file);
      expect(/Removing incomplete section 'peers mesh'/.test(output.stderr + output.stdout)).toBe(removed);
      expect(lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA087")).toBe(removed);
    }
  });
});
