// HA002's severities come from haproxy itself: the oracle script writes each proxy keyword into each
// proxy section that does not take it and records whether haproxy refuses it or only ignores it.
// This asks haproxy again, and checks that HA002 says error exactly where haproxy refuses.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REFUSED_IN_SECTION } from "../../server/src/rules/haproxy/refused-sections.js";
// @ts-expect-error: a plain script of the repository, without types
import { proxyConfig } from "../../scripts/oracle/haproxy-lines.mjs";
import { lintText } from "./harness.js";

interface Verdict {
  readonly section: string;
  readonly keyword: string;
  readonly line: string;
  readonly verdict: "refused" | "warned" | "accepted";
}

const measured = JSON.parse(execFileSync("node", ["scripts/oracle/haproxy-sections.mjs", "--all"], { encoding: "utf8", maxBuffer: 1 << 26 })) as { verdicts: Verdict[] };

describe("HA002 against haproxy 2.6.12", () => {
  it("refused-sections.ts lists exactly the keywords haproxy refuses in each proxy section", () => {
    const refused: Record<string, string[]> = {};
    for (const { section, keyword, verdict } of measured.verdicts) if (verdict === "refused") (refused[section] ??= []).push(keyword);
    const listed = Object.fromEntries(Object.entries(REFUSED_IN_SECTION).map(([section, keywords]) => [section, [...keywords]]));
    expect(refused).toEqual(listed);
    expect(measured.verdicts.length).toBeGreaterThan(100);
  });

  it("reports an error where haproxy refuses the line and a warning where it accepts it", () => {
    const wrong: string[] = [];
    for (const { section, keyword, line, verdict } of measured.verdicts) {
      const { text, first } = proxyConfig(section, [line]) as { text: string; first: number };
      const found = lintText("haproxy", text, { haproxyVersion: "2.6" }).filter((p) => p.ruleId === "HA002" && p.range.start.line === first - 1);
      const expected = verdict === "refused" ? "error" : "warning";
      if (found.length !== 1 || found[0]!.severity !== expected) wrong.push(`${section} ${keyword}: haproxy ${verdict}, HA002 ${found.map((p) => p.severity).join(",") || "silent"}`);
    }
    expect(wrong).toEqual([]);
  });
});
