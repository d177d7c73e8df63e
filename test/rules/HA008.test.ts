import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SECTION_KINDS } from "../../grammars/haproxy/sections.js";
import { HAPROXY_SECTION_AVAILABILITY } from "../../server/src/facts/haproxy-values.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA008 newer-keyword", () => {
  it("is an error where the target certainly lacks the keyword and a warning where lblint cannot tell", () => {
    const text = "frontend f\n    bind :80\n    «option forwarded»\n";
    // In 3.0 (its answer), not in 2.6 (its manual and dump): 2.8 may or may not have it.
    expect(expectHaproxy("HA008", text, { haproxyVersion: "2.6" })[0]!.severity).toBe("error");
    const [at28] = expectHaproxy("HA008", text, { haproxyVersion: "2.8" });
    expect(at28!.severity).toBe("warning");
    expect(at28!.message).toBe("'option forwarded' may not exist in haproxy 2.8: lblint knows it only from 3.0");
    expectHaproxy("HA008", text.replace(/[«»]/g, ""), { haproxyVersion: "3.0" });
    expectHaproxy("HA008", text.replace(/[«»]/g, ""), { haproxyVersion: "3.4" });
  });

  it("is an error for 3.0 and 3.2 where those releases lack the keyword (their keyword dumps and answers)", () => {
    const text = "backend b\n    balance hash req.hdr(x)\n    «hash-preserve-affinity» always\n";
    const [at30] = expectHaproxy("HA008", text, { haproxyVersion: "3.0" });
    expect(at30!.severity).toBe("error");
    expect(at30!.message).toBe("'hash-preserve-affinity' does not exist in haproxy 3.0 (lblint knows it from 3.2); set haproxyVersion if this file is for a newer haproxy");
    expectHaproxy("HA008", text.replace(/[«»]/g, ""), { haproxyVersion: "3.2" });
    const headers = "frontend f\n    bind :80\n    http-request «set-headers-bin» %[var(txn.h)]\n";
    expect(expectHaproxy("HA008", headers, { haproxyVersion: "3.2" })[0]!.severity).toBe("error");
    expectHaproxy("HA008", headers.replace(/[«»]/g, ""), { haproxyVersion: "3.4" });
  });

  it("skips lines in .if branches the target version cannot take", () => {
    expectHaproxy("HA008", ".if version_atleast(3.1-dev8)\nfrontend f\n    bind :80\n    option forwarded\n.endif\n", { haproxyVersion: "2.6" });
  });
});

describe("HA008 newer-keyword: actions", () => {
  it("reports a rule action newer than the target", () => {
    const [found] = expectHaproxy("HA008", "frontend f\n    bind :80\n    tcp-request session «attach-srv» be/srv\n", { haproxyVersion: "2.6" });
    expect(found!.message).toMatch(/^'tcp-request session attach-srv' does not exist in haproxy 2.6/);
  });
});

describe("HA008 newer-keyword: values", () => {
  it("reports a compression setting of a later release", () => {
    expectHaproxy("HA008", "backend b\n    compression «algo-res» gzip\n", { haproxyVersion: "2.6" });
  });

  it("places values by what 3.0 and 3.2 take (each asked of them)", () => {
    expectHaproxy("HA008", "backend b\n    mode log\n    balance log-hash lower\n    compression algo-res gzip\n", { haproxyVersion: "3.0" });
    const [minsize] = expectHaproxy("HA008", "backend b\n    compression «minsize-req» 10\n", { haproxyVersion: "3.0" });
    expect(minsize!.severity).toBe("error");
    expectHaproxy("HA008", "backend b\n    compression minsize-req 10\n", { haproxyVersion: "3.2" });
    expect(expectHaproxy("HA008", "backend b\n    mode «spop»\n", { haproxyVersion: "3.0" })[0]!.severity).toBe("error");
  });
});

describe("HA008 newer-keyword: sections", () => {
  it("reports a section kind of a later release once, on its header, and not the lines under it", () => {
    const [found] = expectHaproxy("HA008", "«crt-store» web\n    crt-base /etc/ssl\n    load crt site.pem\n", { haproxyVersion: "2.6" });
    expect(found!.message).toBe("'crt-store' does not exist in haproxy 2.6 (lblint knows it from 3.0); set haproxyVersion if this file is for a newer haproxy");
    expectHaproxy("HA008", "defaults\n    mode http\n«traces»\n    trace h1 sink stderr\n«acme» le\n    directory https://acme.example/dir\n", { haproxyVersion: "2.6" });
    expectHaproxy("HA008", "crt-store web\n    crt-base /etc/ssl\ntraces\n    trace h1 sink stderr\n", { haproxyVersion: "3.4" });
  });

  it("agrees with haproxy 2.6.12, which refuses the header of each of them", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha008-"));
    const wrong: string[] = [];
    for (const [type, availability] of Object.entries(HAPROXY_SECTION_AVAILABILITY)) {
      if (availability?.since === undefined) continue;
      const named = SECTION_KINDS.get(type)!.named === "required" ? ` ${type}1` : "";
      const text = `defaults\n    mode http\n${type}${named}\n`;
      const file = join(dir, `${type}.cfg`);
      writeFileSync(file, text);
      let output = "";
      try {
        execFileSync("haproxy", ["-c", "-f", file], { encoding: "utf8", stdio: "pipe" });
      } catch (error) {
        output = String((error as { stderr?: string }).stderr ?? "") + String((error as { stdout?: string }).stdout ?? "");
      }
      const refused = output.includes(`${type}.cfg:3]`);
      const found = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA008" && p.range.start.line === 2);
      if (!refused || found.length !== 1 || found[0]!.severity !== "error") wrong.push(`${type}: haproxy ${refused ? "refuses" : "accepts"}, HA008 ${found.map((p) => p.severity).join(",") || "silent"}`);
    }
    rmSync(dir, { recursive: true, force: true });
    expect(wrong).toEqual([]);
  });
});
