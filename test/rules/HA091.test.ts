// HA091: what only an haproxy built with an optional module takes. The Debian packages of haproxy
// 2.6.12, 3.0.11 and 3.2.26 refuse every line below (asked again where they are installed).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const PROXY = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind :8080\n";
const GLOBAL_LINES = ["51degrees-data-file /x.dat", "deviceatlas-json-file /x.json", "wurfl-data-file /x.xml", "wurfl-information-list wurfl_id", "ssl-engine rdrand"];
const RULE_LINES = ["http-request set-header X %[51d.all(DeviceType)]", "http-request set-header X %[req.hdr(user-agent),51d.single(DeviceType)]", "http-request set-header X %[da-csv-fetch(model)]", "http-request set-header X %[src,da-csv-conv(model)]", "http-request set-header X %[wurfl-get(wurfl_id)]", "http-request set-header X %[wurfl-get-all()]"];
const globalFile = (line: string) => `global\n    ${line}\n${PROXY}    http-request return status 200\n`;
const ruleFile = (line: string) => `${PROXY}    ${line}\n    http-request return status 200\n`;

describe("HA091 build-module", () => {
  it("warns on the global keywords, fetches and converters of optional modules, and nothing else reports them", () => {
    expectHaproxy("HA091", `global\n    «51degrees-data-file» /x.dat\n    «ssl-engine» rdrand\n    ssl-mode-async\n${PROXY}    http-request set-header X %[«51d.all»(DeviceType)]\n    http-request set-header Y %[req.hdr(user-agent),«51d.single»(x),lower]\n    http-request set-header Z %[«wurfl-get»(wurfl_id)]\n    http-request return status 200\n`);
    for (const text of [...GLOBAL_LINES.map(globalFile), ...RULE_LINES.map(ruleFile)]) {
      const problems = lintText("haproxy", text, { haproxyVersion: "2.6" });
      expect(problems.filter((p) => p.severity !== "info").map((p) => `${p.ruleId} ${p.severity}`)).toEqual(["HA091 warning"]);
    }
  });
});

const daemons = ["haproxy", "haproxy30", "haproxy32"].filter((name) => spawnSync(name, ["-v"]).error === undefined);
describe.runIf(daemons.length > 0)("HA091's lines, asked of the packaged daemons", () => {
  it("are refused by every installed release", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha091-")), "c.cfg");
    const taken: string[] = [];
    for (const text of [...GLOBAL_LINES.map(globalFile), ...RULE_LINES.map(ruleFile)]) {
      writeFileSync(file, text);
      for (const daemon of daemons) if (haproxyCheck(file, { binary: daemon }).status === 0) taken.push(`${daemon}: ${text.split("\n")[1]}`);
    }
    expect(taken).toEqual([]);
  }, 120_000);
});
