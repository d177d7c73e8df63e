import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const config = (filters: string) =>
  `frontend f\n    mode http\n    bind :8000\n${filters}    default_backend be\n\nbackend be\n    mode http\n    server www 127.0.0.1:80\n\ncache c\n    total-max-size 4\n`;
const V26 = { haproxyVersion: "2.6" };
const GOOD = ["filter compression", "filter trace name T random-forwarding hexdump quiet", "filter cache c", "filter lua.mine"];
const BAD = ["filter foo", "filter spoe", "filter spoe engine x", "filter cache", "filter compression x", "filter trace bogus", "filter trace name", "filter bwlim-in b default-limit 1m default-period 1s"];

describe("HA069 filter-arguments", () => {
  it("accepts the filters and arguments of the target version", () => {
    for (const filter of GOOD) expectHaproxy("HA069", config(`    ${filter}\n`), V26);
    expectHaproxy("HA069", config("    filter bwlim-in b default-limit 1m default-period 1s\n    filter comp-req\n"), { haproxyVersion: "3.4" });
  });

  it("reports unknown filters, arguments, missing parts and a second compression filter", () => {
    const found = expectHaproxy(
      "HA069",
      config("    filter «compresion»\n    filter «spoe» engine x\n    filter trace «bogus»\n    filter trace «name»\n    filter compression\n    filter «compression»\n    filter «bwlim-in» b default-limit 1m default-period 1s\n"),
      V26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "haproxy 2.6 has no filter 'compresion'; did you mean 'compression'?",
      "filter 'spoe' needs 'config FILE'; haproxy refuses the line without it",
      "filter 'trace' takes no 'bogus'; haproxy refuses the line",
      "'name' needs a value; haproxy refuses the line",
      "frontend 'f' already has a compression filter (line 8); haproxy takes one per proxy",
      "haproxy 2.6 has no filter 'bwlim-in' (it comes with haproxy 2.8)",
    ]);
  });

  it.runIf(spawnSync("haproxy", ["-v"]).error === undefined)("agrees with haproxy 2.6.12 on each line", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha069-"));
    const wrong: string[] = [];
    for (const filter of [...GOOD.filter((f) => !f.includes("lua.")), ...BAD]) {
      const file = join(dir, "haproxy.cfg");
      writeFileSync(file, config(`    ${filter}\n`));
      const refused = haproxyCheck(file).status !== 0;
      const flagged = lintText("haproxy", config(`    ${filter}\n`), V26).some((p) => p.ruleId === "HA069" && p.severity === "error");
      if (refused !== flagged) wrong.push(`${filter}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${flagged ? "flags" : "is silent"}`);
    }
    expect(wrong).toEqual([]);
  });

  it("reads lines with quoted words too", () => {
    expectHaproxy("HA069", 'frontend f\n    bind :80\n    filter «zzbogus» name "BEFORE"\n    filter trace «zzbogus» "BEFORE"\n    filter trace name "BEFORE" random-forwarding quiet\n', { haproxyVersion: "2.6" });
  });
});

describe("HA069 filter-arguments: the SPOE engine of send-spoe-group", () => {
  it("reports send-spoe-group in a proxy without a spoe filter of that engine (tenth mutation round)", () => {
    // haproxy 2.6.12: "Proxy 'f': unable to find SPOE engine 'e' used by the send-spoe-group 'g'".
    const found = expectHaproxy(
      "HA069",
      "frontend f\n    bind :80\n    http-request send-spoe-group «e» g\n\nfrontend g\n    bind :81\n    filter spoe engine x config /etc/haproxy/spoe.conf\n    http-response send-spoe-group «e» g\n    tcp-request content send-spoe-group x g\n\nfrontend h\n    bind :82\n    filter spoe config /etc/haproxy/spoe.conf\n    http-request send-spoe-group e g\n",
    );
    expect(found[0]!.message).toBe(`frontend 'f' has no 'filter spoe engine e'; haproxy does not start ("unable to find SPOE engine 'e'")`);
  });
});
