// The ranges keepalived holds numbers to come from keepalived itself: the oracle script tries every
// numeric keyword of the common blocks with wrong values. This asks keepalived again, and checks
// that lblint reports an error exactly where keepalived -t reports the line.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CARRIES_ON_WITHOUT_VALUE, MEASURED_RANGES, SILENT_WITHOUT_VALUE } from "../../server/src/rules/keepalived/numbers.js";
// @ts-expect-error: a plain script of the repository, without types
import { blockWith } from "../../scripts/oracle/keepalived-lines.mjs";
import { lintText } from "./harness.js";

interface Verdict {
  readonly block: string;
  readonly name: string;
  readonly value: string;
  readonly messages: readonly string[];
}

const run = (...args: string[]) => JSON.parse(execFileSync("node", ["scripts/oracle/keepalived-numbers.mjs", ...args], { encoding: "utf8", maxBuffer: 1 << 26 }));
const verdicts = run("--all").verdicts as Verdict[];

describe("keepalived numbers against keepalived 2.2.7", () => {
  it("numbers.ts holds exactly the ranges keepalived reports", () => {
    expect(run().ranges).toEqual(MEASURED_RANGES);
    expect(verdicts.length).toBeGreaterThan(300);
  });

  it("reports an error on each line keepalived -t reports, and none on a line it takes", () => {
    const wrong: string[] = [];
    for (const verdict of verdicts) {
      const { lines, at } = blockWith(verdict.block, `${verdict.name} ${verdict.value}`, 1) as { lines: string[]; at: number };
      const errors = lintText("keepalived", lines.join("\n") + "\n", { keepalivedVersion: "2.2" }).filter((p) => p.range.start.line === at && p.severity === "error");
      // A deprecated keyword (nb_get_retry) is reported whatever its value: a warning of its own rule.
      const reported = verdict.messages.some((message) => !/is deprecated/.test(message));
      if (errors.length > 0 !== reported) {
        wrong.push(`${verdict.block} ${verdict.name} '${verdict.value}': keepalived ${reported ? `reports (${verdict.messages[0]})` : "takes it"}, lblint ${errors.map((p) => p.message).join("; ") || "no error"}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("keywords without their value against keepalived 2.2.7", () => {
  const missing = JSON.parse(execFileSync("node", ["scripts/oracle/keepalived-missing-values.mjs", "--all"], { encoding: "utf8", maxBuffer: 1 << 26 })).verdicts as (Omit<Verdict, "value"> & { status: number })[];

  it("numbers.ts lists exactly the keywords keepalived takes silently, and those it carries on after", () => {
    expect(missing.filter((v) => v.messages.length === 0).map((v) => `${v.block} ${v.name}`)).toEqual([...SILENT_WITHOUT_VALUE]);
    expect(missing.filter((v) => v.messages.length > 0 && v.status !== 2).map((v) => `${v.block} ${v.name}`)).toEqual([...CARRIES_ON_WITHOUT_VALUE]);
    expect(missing.length).toBeGreaterThan(200);
  });

  it("reports each one: an error where keepalived reports it, a warning where it says nothing", () => {
    const wrong: string[] = [];
    for (const verdict of missing) {
      const { lines, at } = blockWith(verdict.block, verdict.name, 1) as { lines: string[]; at: number };
      const found = lintText("keepalived", lines.join("\n") + "\n", { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === "KA003" && p.range.start.line === at);
      const expected = verdict.messages.length > 0 ? "error" : "warning";
      if (found.length !== 1 || found[0]!.severity !== expected) wrong.push(`${verdict.block} ${verdict.name}: expected one ${expected}, lblint ${found.map((p) => `${p.severity} ${p.message}`).join("; ") || "nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});
