// Shared by the thirteenth mutation round's haproxy tests (docs/agreement.md, "Thirteenth round,
// haproxy"; scripts/mutations-round13-haproxy.mjs): each line was put in a file of its own and asked of
// haproxy 2.6.12, 3.0.11 and 3.2.26, which all gave the verdict written beside it. lblint reports an
// error of the rule named exactly where they refuse the line, at targets 2.6 and 3.2 (and nothing
// but warnings where they take it); the oracle part asks the daemons again where they are installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

export interface Case {
  /** The line, put in the template's `@@` place (`\n` starts another line there); with `file`, what the file shows. */
  readonly line: string;
  /** A whole file instead of the line in a template. */
  readonly file?: string;
  readonly template?: keyof typeof TEMPLATES;
  /** The rule whose error haproxy's refusal should meet, or undefined where every release takes the line. */
  readonly refused?: string;
  /** The first release that refuses the line, when 2.6.12 takes it (lblint's error is then expected from that target on). */
  readonly from?: "3.0" | "3.2";
  /** The line is of a later release: the releases before it refuse it whatever it holds (an error or a warning at target 2.6), `refused` speaks of the later ones. */
  readonly since?: "3.0" | "3.2";
}

const HEAD = (mode: string) => `defaults\n    mode ${mode}\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n`;
const TEMPLATES = {
  backend: `${HEAD("http")}backend b\n    @@\nfrontend f\n    bind :8080\n    default_backend b\n`,
  tcp: `${HEAD("tcp")}backend b\n    @@\nfrontend f\n    bind :8080\n    default_backend b\n`,
  global: `global\n    @@\n${HEAD("http")}frontend f\n    bind :8080\n    http-request return status 200\n`,
  experimental: `global\n    expose-experimental-directives\n${HEAD("http")}frontend f\n    bind :8080\n    @@\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`,
  peers: `peers p\n    @@\n${HEAD("http")}backend b\n    stick-table type ip size 1k peers p\n    stick on src\n    server s 127.0.0.1:80\nfrontend f\n    bind :8080\n    default_backend b\n`,
};

const fileOf = (c: Case) => c.file ?? TEMPLATES[c.template ?? "backend"].replace("@@", c.line);

export function round13Cases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const version of ["2.6", "3.2"] as const) {
      it(`get an error of the rule named exactly where haproxy refuses them, at target ${version}`, () => {
        const wrong: string[] = [];
        for (const c of cases) {
          const found = lintText("haproxy", fileOf(c), { haproxyVersion: version });
          const later = c.since !== undefined && version === "2.6";
          // A line of a later release may be a warning at 2.6 (a host name that cannot resolve, which `-dr` lets pass).
          const errors = found.filter((p) => p.severity === "error" || (later && p.severity === "warning"));
          const refused = later ? "an error" : c.refused && !(c.from && version < c.from) ? c.refused : undefined;
          const ok = later ? errors.length > 0 : refused ? errors.some((p) => p.ruleId === refused) : errors.length === 0;
          if (!ok) wrong.push(`${c.line} (${refused ?? "taken"}): ${errors.map((p) => `${p.ruleId} ${p.message}`).join("; ") || "no error"}`);
        }
        expect(wrong).toEqual([]);
      });
    }
  });

  const daemons = ["haproxy", "haproxy30", "haproxy32"].filter((name) => spawnSync(name, ["-v"]).error === undefined);
  describe.runIf(daemons.length > 0)(`${title}, asked of the daemons`, () => {
    it("are refused by every installed release exactly where the table says", () => {
      const file = join(mkdtempSync(join(tmpdir(), "lblint-round13-")), "c.cfg");
      const wrong: string[] = [];
      for (const c of cases) {
        writeFileSync(file, fileOf(c));
        for (const daemon of daemons) {
          const refused = haproxyCheck(file, { binary: daemon }).status !== 0;
          const before = daemon === "haproxy" ? Boolean(c.since) : daemon === "haproxy30" && c.since === "3.2";
          const release = daemon === "haproxy" ? "2.6" : daemon === "haproxy30" ? "3.0" : "3.2";
          const expected = before || Boolean(c.refused && !(c.from && release < c.from));
          if (refused !== expected) wrong.push(`${daemon}: ${c.line} ${refused ? "refused" : "taken"}`);
        }
      }
      expect(wrong).toEqual([]);
      // A process per case and release: slow on a loaded machine.
    }, 600_000);
  });
}
