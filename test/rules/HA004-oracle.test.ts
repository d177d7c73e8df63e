// How haproxy reads numbers comes from haproxy itself: the oracle script tries every numeric
// keyword and server option of the tables with wrong values and times past the limit. This asks
// haproxy again, and checks that lblint reports an error exactly where haproxy refuses the line
// (a warning, at most, where it accepts it).
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { LENIENT_KEYWORDS, LENIENT_SERVER_OPTIONS, NEGATIVE_KEYWORDS, NEGATIVE_SERVER_OPTIONS, ZERO_WHEN_MISSING } from "../../server/src/rules/haproxy/numbers.js";
import { lintText } from "./harness.js";

interface Verdict {
  readonly kind: "keyword" | "server option";
  readonly name: string;
  readonly section: string;
  readonly line: string;
  readonly value: string;
  readonly refused: boolean;
  readonly message?: string;
}

const run = (...args: string[]) => JSON.parse(execFileSync("node", ["scripts/oracle/haproxy-numbers.mjs", ...args], { encoding: "utf8", maxBuffer: 1 << 26 }));
const verdicts = run("--all").verdicts as Verdict[];

/** The line of a verdict alone in its section, as lblint sees it, and its line number (from 0). */
function configOf(verdict: Verdict): { text: string; line: number } {
  const head = ["defaults", "    mode http", "    timeout client 5s", "    timeout server 5s", "    timeout connect 5s"];
  head.push(verdict.section === "global" ? "global" : `${verdict.section} sut`);
  if (verdict.section === "frontend" || verdict.section === "listen") head.push("    bind :18080");
  return { text: [...head, `    ${verdict.line.replace("VALUE", verdict.value)}`.trimEnd()].join("\n") + "\n", line: head.length };
}

describe("numbers and times against haproxy 2.6.12", () => {
  it("numbers.ts lists exactly the keywords and options haproxy reads with atol()", () => {
    // In any order: the oracle asks some keywords in files of their own, after the others.
    const measured = Object.fromEntries(Object.entries(run() as Record<string, string[]>).map(([key, list]) => [key, [...list].sort()]));
    expect(measured).toEqual({
      keywords: [...LENIENT_KEYWORDS].sort(),
      serverOptions: [...LENIENT_SERVER_OPTIONS].sort(),
      serverOptionsWithoutValue: [...ZERO_WHEN_MISSING].sort(),
      negativeKeywords: [...NEGATIVE_KEYWORDS].sort(),
      negativeServerOptions: [...NEGATIVE_SERVER_OPTIONS].sort(),
    });
    expect(verdicts.length).toBeGreaterThan(200);
  });

  it("reports an error on each line haproxy refuses, and none on a line it accepts", () => {
    const wrong: string[] = [];
    for (const verdict of verdicts) {
      const { text, line } = configOf(verdict);
      const errors = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.range.start.line === line && p.severity === "error");
      if (errors.length > 0 !== verdict.refused) {
        wrong.push(`${verdict.kind} ${verdict.name} '${verdict.value}': haproxy ${verdict.refused ? `refuses (${verdict.message})` : "accepts"}, lblint ${errors.map((p) => p.message).join("; ") || "no error"}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
