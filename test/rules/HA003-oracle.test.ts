// A word too many after keywords of the smaller sections, and of proxies: haproxy 2.6.12 ignores it
// for some ("hold valid 10s x"), refuses it for others ("'total-max-size' cannot handle unexpected
// argument"). Each case alone in a file: lblint reports an error exactly when haproxy refuses it, and
// a warning where it takes it. Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

/** [the section before the line, the line with a word too many]. */
const CASES: readonly (readonly [string, string])[] = [
  ["resolvers dns\n    nameserver ns1 127.0.0.1:53", "hold valid 10s x"],
  ["resolvers dns\n    nameserver ns1 127.0.0.1:53", "accepted_payload_size 512 x"],
  ["peers p\n    peer lb1 127.0.0.1:10000", "disabled x"],
  ["peers p\n    peer lb1 127.0.0.1:10000", "enabled x"],
  ["mailers m", "mailer smtp1 127.0.0.1:25 x"],
  ["ring r", "size 32768 x"],
  ["ring r", "format raw x"],
  ["ring r", "maxlen 100 x"],
  ["ring r", "timeout connect 5s x"],
  ["http-errors e", "errorfile 503 /dev/null x"],
  ["log-forward l\n    bind 127.0.0.1:1514", "timeout client 10s x"],
  ["log-forward l\n    bind 127.0.0.1:1514", "maxconn 10 x"],
  ["log-forward l\n    bind 127.0.0.1:1514", "backlog 10 x"],
  ["cache c", "total-max-size 4 x"],
  ["cache c\n    total-max-size 4", "max-age 10 x"],
  ["backend b", "errorfile 503 /dev/null x"],
  ["defaults", "errorfile 503 /dev/null x"],
  ["backend b", "timeout server 10s x"],
  ["backend b", "retries 3 x"],
  ["backend b", "hash-balance-factor 150 x"],
  ["global", "set-var proc.a int(1) x"],
  ["global", "set-var-fmt proc.a abc x"],
  ["global", "maxconn 100 x"],
  ["defaults", "option tcplog 1"],
];

const FRONTEND = "frontend f\n    bind 127.0.0.1:18080\n    timeout client 5s\n";

describe("HA003 words too many, against haproxy 2.6.12", () => {
  it.runIf(installed)("is an error exactly where haproxy refuses the line, and a warning where it ignores the word", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha003-"));
    const file = join(dir, "t.cfg");
    const wrong: string[] = [];
    for (const [before, line] of CASES) {
      const text = `${before}\n    ${line}\n${FRONTEND}`;
      const at = before.split("\n").length;
      writeFileSync(file, text);
      const run = haproxyCheck(file, { timeout: 20_000 });
      const refused = run.status !== 0 && `${run.stdout}${run.stderr}`.includes(`:${at + 1}]`);
      const found = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA003" && p.range.start.line === at);
      const severity = found[0]?.severity;
      if (severity !== (refused ? "error" : "warning")) wrong.push(`'${line}': haproxy ${refused ? "refuses" : "takes"} it, lblint ${severity ?? "says nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});
