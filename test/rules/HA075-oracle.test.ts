// A checked server without a port, and the check rules that can give it one: haproxy 2.6.12 takes
// the port of a `tcp-check connect` only under `option tcp-check` (the last check type wins). Each
// backend alone in a file: lblint reports HA075 exactly where haproxy refuses the server ("has
// neither service port nor check port"). Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const CASES = [
  "option tcp-check\n    tcp-check connect port 80",
  "tcp-check connect port 80",
  "option tcp-check\n    http-check connect port 80",
  "option tcp-check\n    tcp-check connect port 80\n    option httpchk",
  "option httpchk\n    http-check connect port 80\n    http-check send meth GET uri /",
  "default-server port 80",
];

describe("HA075 a checked server without a port, against haproxy 2.6.12", () => {
  it.runIf(installed)("is reported exactly where haproxy refuses the server", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha075-")), "t.cfg");
    const wrong: string[] = [];
    for (const lines of CASES) {
      const text = `backend b\n    mode http\n    ${lines}\n    server s 10.0.0.1 check\nfrontend f\n    bind 127.0.0.1:18080\n    mode http\n    default_backend b\n`;
      writeFileSync(file, text);
      const said = haproxyCheck(file, { timeout: 20_000 });
      const refused = /has neither service port nor check port/.test(`${said.stdout}${said.stderr}`);
      const reported = lintText("haproxy", text, { haproxyVersion: "2.6" }).some((p) => p.ruleId === "HA075");
      if (refused !== reported) wrong.push(`'${lines.replace(/\n\s*/g, " / ")}': haproxy ${refused ? "refuses" : "accepts"}, lblint ${reported ? "reports" : "says nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});
