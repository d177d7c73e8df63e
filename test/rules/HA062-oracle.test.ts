// Which TLS servers haproxy 2.6.12 wants a CA file for: `ssl` and `no-ssl`, `check-ssl` and
// `no-check-ssl`, on the server line and on default-server lines, and a check's `connect … ssl` step. Each backend alone in a file:
// lblint reports HA062 exactly where haproxy refuses the server ("verify is enabled by default but
// no CA file specified"). Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

const CASES = [
  "default-server ssl\n    server s 127.0.0.1:2 no-ssl",
  "server s 127.0.0.1:2 ssl no-ssl",
  "server s 127.0.0.1:2 no-ssl ssl",
  "default-server ssl verify none\n    server s 127.0.0.1:2 no-ssl",
  "default-server ssl no-ssl\n    server s 127.0.0.1:2",
  "default-server ssl\n    default-server no-ssl\n    server s 127.0.0.1:2",
  "default-server no-ssl\n    server s 127.0.0.1:2 ssl",
  "server s 127.0.0.1:2 check check-ssl",
  "server s 127.0.0.1:2 check-ssl no-check-ssl",
  "default-server check-ssl\n    server s 127.0.0.1:2 check",
  "default-server check-ssl\n    server s 127.0.0.1:2 check no-check-ssl",
  "server s 127.0.0.1:2 check-ssl verify none",
  "server-template s 2 127.0.0.1:2 check-ssl",
  "server s1 127.0.0.1:2\n    default-server ssl\n    server s2 127.0.0.1:2",
  // A check's connect step over TLS (left by the thirteenth haproxy mutation round).
  "option httpchk\n    http-check connect ssl\n    server s 127.0.0.1:2 check",
  "option httpchk\n    http-check connect port 443 ssl sni str(x)\n    server s 127.0.0.1:2 check no-ssl no-check-ssl",
  "option tcp-check\n    tcp-check connect ssl\n    server s1 127.0.0.1:2 check verify none\n    server s2 127.0.0.1:2",
  "option httpchk\n    tcp-check connect ssl\n    server s 127.0.0.1:2 check",
  "option httpchk\n    http-check connect ssl\n    server s 127.0.0.1:2 check ca-file @system-ca",
  "option httpchk\n    http-check connect port 443\n    server s 127.0.0.1:2 check",
];

describe("HA062 TLS servers without a CA, against haproxy 2.6.12", () => {
  it.runIf(installed)("is reported exactly where haproxy refuses the server", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-ha062-")), "t.cfg");
    const wrong: string[] = [];
    for (const lines of CASES) {
      const text = `frontend f\n    bind 127.0.0.1:18080\n    default_backend b\nbackend b\n    ${lines}\n`;
      writeFileSync(file, text);
      const said = haproxyCheck(file, { timeout: 20_000 });
      const refused = new Set([...`${said.stdout}${said.stderr}`.matchAll(/t\.cfg:(\d+)\] : 'server [^']*' : verify is enabled by default/g)].map((m) => Number(m[1]) - 1));
      const reported = new Set(lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA062").map((p) => p.range.start.line));
      if ([...refused].sort().join() !== [...reported].sort().join()) wrong.push(`'${lines.replace(/\n\s*/g, " / ")}': haproxy refuses line(s) [${[...refused]}], lblint reports [${[...reported]}]`);
    }
    expect(wrong).toEqual([]);
  });
});
