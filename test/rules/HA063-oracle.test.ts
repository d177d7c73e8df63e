// HTTP variables in the log format of a proxy in mode tcp: haproxy 2.6.12 refuses them ("format
// variable 'r' is reserved for HTTP mode"), in the proxy's own log format or in one it inherits
// from its defaults section. Each case alone in a file: lblint reports it exactly where haproxy
// refuses it. Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const FRONTEND = "frontend f\n    bind 127.0.0.1:18080\n    timeout client 5s\n";
/** Every variable of the 2.6 manual, to find those haproxy keeps for HTTP. */
const VARIABLES = "o B CC CS H HM HP HPO HQ HU HV ID ST T Ta Tc Td Tl Th Ti Tq TR Tr Ts Tt Tu Tw U ac b bc bi bp bq ci cp f fc fi fp ft lc hr hrl hs hsl ms pid r rc rt s sc si sp sq sslc sslv t tr trg trl ts tsc".split(" ");
const CASES = [
  ...VARIABLES.map((name) => `${FRONTEND}    log-format "%${name}"\n`),
  `${FRONTEND}    unique-id-format "%ci_%r"\n`,
  `${FRONTEND}    error-log-format "%HM"\n`,
  `${FRONTEND}    log-format "%r"\n    mode http\n`,
  `defaults\n    log-format "%r"\n${FRONTEND}`,
  `defaults\n    log-format "%r"\n${FRONTEND}    log-format "%ci"\n`,
  `backend b\n    log-format "%r"\n${FRONTEND}    default_backend b\n`,
];

describe("HA063 HTTP variables in mode tcp, against haproxy 2.6.12", () => {
  it.runIf(installed)("is reported exactly where haproxy refuses the log format", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha063-")), "t.cfg");
    const wrong: string[] = [];
    for (const text of CASES) {
      writeFileSync(file, text);
      const said = haproxyCheck(file, { timeout: 20_000 });
      const refused = /reserved for HTTP mode/.test(`${said.stdout}${said.stderr}`);
      const reported = lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA063" && p.message.includes("mode tcp"));
      if (refused !== reported) wrong.push(`${text.split("\n").filter((line) => line.includes("%")).join(" / ")}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${reported ? "reports" : "says nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});
