// A format string of a defaults section is parsed by haproxy in each proxy that uses it, not where
// it is written (server/src/rules/haproxy/format-readers.ts): a mistake in one that only backends
// inherit, or that a nearer defaults replaces, is never reported by haproxy, and lblint keeps quiet
// too. Each file was asked of haproxy 2.6.12, 3.0.11 and 3.2.26, which all gave the verdict written
// beside it; the last part asks the installed daemons again.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const TIMEOUTS = "    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const FRONTEND = "frontend f\n    bind :8080\n    default_backend b\n";

interface Case {
  readonly name: string;
  readonly text: string;
  /** The rule whose error meets haproxy's refusal, or undefined where haproxy takes the file. */
  readonly refused?: string;
}

const CASES: readonly Case[] = [
  { name: "a named defaults only a backend uses", text: `defaults back\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\nbackend b from back\n    server s 127.0.0.1:80\n${FRONTEND.replace("frontend f", "frontend f from back").replace("default_backend b", "default_backend b\n    log-format \"%ci\"")}` },
  { name: "frontends that inherit a nearer defaults' log-format", text: `defaults base\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\ndefaults mid from base\n    log-format "%ci"\n${FRONTEND.replace("frontend f", "frontend f from mid")}backend b from base\n    server s 127.0.0.1:80\n` },
  { name: "an unclosed %[ only backends inherit", text: `defaults back\n    mode http\n${TIMEOUTS}    log-format-sd "%[src"\n    error-log-format "%[src"\nbackend b from back\n    server s 127.0.0.1:80\ndefaults\n    mode http\n${TIMEOUTS}${FRONTEND.replace("default_backend b", "http-request return status 200")}` },
  { name: "a frontend that inherits the log-format", text: `defaults\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\n${FRONTEND}backend b\n    server s 127.0.0.1:80\n`, refused: "HA060" },
  { name: "a listen that inherits the error-log-format", text: `defaults\n    mode http\n${TIMEOUTS}    error-log-format "%[src"\nlisten l\n    bind :8080\n    server s 127.0.0.1:80\n`, refused: "HA063" },
  { name: "a unique-id-format a backend inherits", text: `defaults back\n    mode http\n${TIMEOUTS}    unique-id-format "%[nosuchfetch]"\nbackend b from back\n    server s 127.0.0.1:80\ndefaults\n    mode http\n${TIMEOUTS}${FRONTEND}`, refused: "HA060" },
  { name: "a frontend of a chain whose nearer defaults says nothing", text: `defaults base\n    mode http\n${TIMEOUTS}    log-format "%ci %ZZ"\ndefaults mid from base\n    option forwardfor\n${FRONTEND.replace("frontend f", "frontend f from mid")}backend b from base\n    server s 127.0.0.1:80\n`, refused: "HA063" },
];

describe("a defaults section's format strings, checked where haproxy parses them", () => {
  for (const version of ["2.6", "3.2"] as const) {
    it(`get an error of the rule named exactly where haproxy refuses the file, at target ${version}`, () => {
      const wrong: string[] = [];
      for (const c of CASES) {
        const errors = lintText("haproxy", c.text, { haproxyVersion: version }).filter((p) => p.severity === "error");
        const ok = c.refused ? errors.some((p) => p.ruleId === c.refused) : errors.length === 0;
        if (!ok) wrong.push(`${c.name} (${c.refused ?? "taken"}): ${errors.map((p) => `${p.ruleId} ${p.message}`).join("; ") || "no error"}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it("are still checked in a defaults section no proxy inherits (one file of a split configuration)", () => {
    const errors = lintText("haproxy", `defaults\n    mode http\n${TIMEOUTS}    log-format "%[nosuchfetch]"\n    unique-id-format "%[src"\n`).filter((p) => p.severity === "error");
    expect(errors.map((p) => p.ruleId).sort()).toEqual(["HA060", "HA063"]);
  });
});

const daemons = ["haproxy", "haproxy30", "haproxy32"].filter((name) => spawnSync(name, ["-v"]).error === undefined);
describe.runIf(daemons.length > 0)("a defaults section's format strings, asked of the daemons", () => {
  it("are refused by every installed release exactly where the table says", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lblint-formats-")), "c.cfg");
    const wrong: string[] = [];
    for (const c of CASES) {
      writeFileSync(file, c.text);
      for (const daemon of daemons) {
        const refused = haproxyCheck(file, { binary: daemon }).status !== 0;
        if (refused !== Boolean(c.refused)) wrong.push(`${daemon}: ${c.name} ${refused ? "refused" : "taken"}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
