// Every fetch and converter argument haproxy 2.6.12's keyword dump types as an integer or a mask,
// given words that are none (`abc`, `1k`, `33`, `129`), through haproxy 2.6.12 one call per file
// (haproxy stops at the first refused line): lblint reports an error on the argument exactly where
// haproxy refuses it. Skipped where haproxy is not installed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haproxySchema } from "../../server/src/facts/haproxy.js";
import type { HaproxyOption } from "../../server/src/facts/types.js";
import { lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const installed = spawnSync("haproxy", ["-v"]).error === undefined;

/** Words to try for each checked type (one per integer: there are a hundred of them). */
const TRIES: Readonly<Record<string, readonly string[]>> = {
  integer: ["1k"],
  // Lengths are read with atoi() into an int (a sweep of value forms): `+24`, `4294967320` (24) pass, `2147483648` does not.
  "IPv4 mask": ["255.255.0.0", "abc", "33", "+24", "4294967320", "2147483648", "-1"],
  "IPv6 mask": ["64", "ffff:ffff::ff00", "abc", "129", "1:2", "+64", "2147483648"],
};

/** A call with every argument given (integers as 1, masks as 24, the rest as `a`), `word` at position `at`. */
function call(sample: HaproxyOption, kind: "fetch" | "converter", at: number, word: string): string {
  const types = sample.argTypes ?? [];
  const count = Math.max(sample.args?.max ?? 0, at + 1);
  const args = Array.from({ length: count }, (_, i) => (i === at ? word : types[i] === "integer" ? "1" : types[i]?.endsWith("mask") ? "24" : "a"));
  const expression = `${sample.name}(${args.join(",")})`;
  return kind === "fetch" ? expression : `str(a),${expression}`;
}

function config(expression: string): string {
  return `defaults\n    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nfrontend f\n    bind 127.0.0.1:18080\n    http-request set-var(txn.y) ${expression}\n    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;
}

const LINE = 7;

describe.runIf(installed)("integer arguments of fetches and converters, against haproxy 2.6.12", () => {
  it("are errors on the argument exactly where haproxy refuses a word of the wrong type", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha068-"));
    const file = join(dir, "t.cfg");
    const schema = haproxySchema();
    const wrong: string[] = [];
    let tried = 0;
    for (const [kind, samples] of [["fetch", schema.fetches], ["converter", schema.converters]] as const) {
      for (const sample of samples) {
        for (const [at, type] of (sample.argTypes ?? []).entries()) {
          for (const word of TRIES[type] ?? []) {
            const expression = call(sample, kind, at, word);
            const text = config(expression);
            writeFileSync(file, text);
            const run = haproxyCheck(file, { timeout: 20_000 });
            tried++;
            const refused = new RegExp(`failed to parse '${word}' as type`).test(run.stdout + run.stderr);
            const found = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA068" && p.range.start.line === LINE);
            const onArgument = found.some((p) => text.slice(p.range.start.offset, p.range.end.offset) === word && p.severity === "error");
            if (refused !== onArgument) wrong.push(`${expression}: haproxy ${refused ? "refuses" : "accepts"} it, lblint ${found.map((p) => p.message).join("; ") || "nothing"}`);
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(120);
    expect(wrong).toEqual([]);
  });

  it("leaves integers, signed or quoted, alone at 2.6, and every word alone at later versions", () => {
    const text = config('req.hdr(host),bytes(-1,"2"),field(+1,a)');
    expect(lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA068")).toEqual([]);
    const later = config("req.hdr(host),bytes(txn.offset)");
    expect(lintText("haproxy", later, { haproxyVersion: "3.4" }).filter((p) => p.ruleId === "HA068")).toEqual([]);
  });
});
