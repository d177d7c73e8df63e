// Integer ACL patterns, each alone after an operator or none, through haproxy 2.6.12 (one file per
// case): lblint reports an error on the ACL exactly when haproxy refuses it. haproxy takes ranges
// with ':' or '-' (either bound left out), negative numbers after an operator or '--', and, after
// gt/ge/lt/le only, dotted numbers (`gt 0.5`), which lblint warns about. Skipped where haproxy is
// not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const OPERATORS = ["", "gt ", "eq ", "le ", "-- "];
const VALUES = ["0.5", "5.", "0.5x", "1.2.3", "1-2", "1-", "5:1", "5-1", "1:2", "0", "10", "5x", "x", ".5", "-5", "1e3", ":5", "5:", "2:2", "2-2", "+5", "0x5", "99999999999999999999", "9223372036854775807", "9223372036854775806"];

const config = (pattern: string) =>
  `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind 127.0.0.1:18080\n    acl a srv_sess_rate(b/s) ${pattern}\n    http-request deny if a\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

describe("HA064 integer patterns", () => {
  it("reads ranges, backward ranges and dotted numbers after an ordering operator", () => {
    expectHaproxy("HA064", "frontend f\n    bind :80\n    acl a srv_sess_rate(b/s) 1-2 «5:1» 3-\n    acl b srv_sess_rate(b/s) gt «0.5»\n    acl c srv_sess_rate(b/s) eq «0.5»\n");
    const warnings = lintText("haproxy", "frontend f\n    bind :80\n    acl b srv_sess_rate(b/s) gt 0.5\n").filter((p) => p.ruleId === "HA064");
    expect(warnings.map((p) => p.severity)).toEqual(["warning"]);
  });

  it("reads the integer ACL keywords (url_len, hdr_cnt, hdr_val) as integers too (a sweep of value forms)", () => {
    const found = expectHaproxy("HA064", "frontend f\n    bind :80\n    acl a url_len lt «5abc»\n    acl b req.hdr_cnt(x) «+5»\n    acl c hdr_val(x) 5:10\n    acl d dst_port «99999999999999999999»\n");
    expect(found.map((p) => p.message)).toEqual([
      "'5abc' is not a number, which 'url_len' (an integer) is matched against",
      "'+5' is not a number, a range or an operator, which 'req.hdr_cnt' (an integer) is matched against",
      "'99999999999999999999' is too large for haproxy's 64-bit integers; haproxy refuses it",
    ]);
  });

  it.runIf(installed)("agrees with haproxy 2.6.12 on every case", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha064-"));
    const file = join(dir, "t.cfg");
    const wrong: string[] = [];
    for (const operator of OPERATORS) {
      for (const value of VALUES) {
        const text = config(`${operator}${value}`);
        writeFileSync(file, text);
        const refused = haproxyCheck(file, { timeout: 20_000 }).status !== 0;
        const errors = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.severity === "error" && p.range.start.line === 7);
        if (refused !== errors.length > 0) wrong.push(`'${operator}${value}': haproxy ${refused ? "refuses" : "accepts"} it, lblint ${errors.map((p) => `${p.ruleId} ${p.message}`).join("; ") || "no error"}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
