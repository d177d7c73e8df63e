// The thirteenth mutation round for haproxy (docs/agreement.md, "Thirteenth round, haproxy";
// scripts/mutations-round13-haproxy.mjs): each line below was put in a file of its own and asked of
// haproxy 2.6.12, 3.0.11 and 3.2.26, which all gave the verdict written beside it. lblint reports an
// error of the rule named exactly where they refuse the line, at targets 2.6 and 3.2; the oracle part
// asks the daemons again where they are installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";

interface Case {
  /** The line, put in the template's `@@` place (`\n` starts another line there). */
  readonly line: string;
  readonly template?: keyof typeof TEMPLATES;
  /** The rule whose error haproxy's refusal should meet, or undefined where every release takes the line. */
  readonly refused?: string;
}

const HEAD = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const TEMPLATES = {
  backend: `${HEAD}backend b\n    @@\nfrontend f\n    bind :8080\n    default_backend b\n`,
};

const CASES: readonly Case[] = [
  // A server's `source` reads its address, then `usesrc VALUE` and `interface NAME` pairs, and stops at any other word.
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc clientip" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc client interface eth0 check" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 interface eth0 usesrc hdr_ip(x-forwarded-for,-1)" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc client usesrc clientip" },
  { line: "default-server source 10.0.0.9 usesrc clientip\n    server s 127.0.0.1:80" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 foo", refused: "HA007" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 interface", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc client interface", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 usesrc 10.0.0.300", refused: "HA004" },
  { line: "server s 127.0.0.1:80 check usesrc client", refused: "HA004" },
  { line: "server s 127.0.0.1:80 source 10.0.0.9 check usesrc clientip", refused: "HA004" },
  // `addr` is read as `source` is: the port after the last ':', no range, no offset, no prefix.
  { line: "server s 127.0.0.1:80 addr [::1]:80" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:" },
  { line: "server s 127.0.0.1:80 addr ipv4@10.0.0.1" },
  { line: "server s 127.0.0.1:80 addr localhost" },
  { line: "server s 127.0.0.1:80 addr ::1", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr ::1::2", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1/24", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.300", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:99999", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:80-90", refused: "HA004" },
  { line: "server s 127.0.0.1:80 addr 10.0.0.1:+1", refused: "HA004" },
  // `agent-addr` is an address or a name, without a port or an address family.
  { line: "server s 127.0.0.1:80 agent-addr ::1" },
  { line: "server s 127.0.0.1:80 agent-addr [::1]" },
  { line: "server s 127.0.0.1:80 agent-addr localhost" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.1:99", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.1:", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr localhost:99", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.300", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr 10.0.0.1/24", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr ::1::2", refused: "HA004" },
  { line: "server s 127.0.0.1:80 agent-addr ipv4@10.0.0.1", refused: "HA004" },
];

const fileOf = (c: Case) => TEMPLATES[c.template ?? "backend"].replace("@@", c.line.replace(/\n/g, "\n"));

describe("the thirteenth mutation round's haproxy lines", () => {
  for (const version of ["2.6", "3.2"] as const) {
    it(`get an error of the rule named exactly where haproxy refuses them, at target ${version}`, () => {
      const wrong: string[] = [];
      for (const c of CASES) {
        const errors = lintText("haproxy", fileOf(c), { haproxyVersion: version }).filter((p) => p.severity === "error");
        const ok = c.refused ? errors.some((p) => p.ruleId === c.refused) : errors.length === 0;
        if (!ok) wrong.push(`${c.line} (${c.refused ?? "taken"}): ${errors.map((p) => `${p.ruleId} ${p.message}`).join("; ") || "no error"}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

const DAEMONS = ["haproxy", "haproxy30", "haproxy32"].filter((name) => spawnSync(name, ["-v"]).error === undefined);

describe.runIf(DAEMONS.length > 0)("the thirteenth mutation round's haproxy lines, asked of the daemons", () => {
  it("are refused by every installed release exactly where the table says", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-round13-"));
    const file = join(dir, "c.cfg");
    const wrong: string[] = [];
    for (const c of CASES) {
      writeFileSync(file, fileOf(c));
      for (const daemon of DAEMONS) {
        const refused = spawnSync(daemon, ["-c", "-f", file], { encoding: "utf8" }).status !== 0;
        if (refused !== Boolean(c.refused)) wrong.push(`${daemon}: ${c.line} ${refused ? "refused" : "taken"}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
