// lblint against the real checkers on every labelled corpus file, at the checkers' versions
// (haproxy 2.6, keepalived 2.2): accepted files get no error (except from rules documented as
// stricter than the daemon), rejected files are flagged, on the checker's own line where it names
// one. The table printed here is the figure quoted in docs/agreement.md.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { resolveConfig } from "../../server/src/lint/config.js";
import { lint } from "../../server/src/lint/lint.js";
import { findRules } from "../../server/src/lint/registry.js";
import type { Problem } from "../../server/src/lint/report.js";
import { CORPUS, loadManifest, table, type Format } from "./corpus.js";
import { verdict } from "./agreement.js";

const config = resolveConfig({ haproxyVersion: "2.6", keepalivedVersion: "2.2" }, "corpus test");

interface Tally {
  accepted: number;
  acceptedWithError: string[];
  /** Accepted files with an error only from rules documented as stricter than the daemon. */
  acceptedWithStricterError: string[];
  rejected: number;
  flagged: number;
  withLines: number;
  onLine: number;
  drift: number;
  driftReported: number;
  missed: string[];
}

function stricter(problem: Problem): boolean {
  return findRules(problem.ruleId).some((rule) => rule.meta.stricter !== undefined);
}

function tally(format: Format): Tally {
  const t: Tally = { accepted: 0, acceptedWithError: [], acceptedWithStricterError: [], rejected: 0, flagged: 0, withLines: 0, onLine: 0, drift: 0, driftReported: 0, missed: [] };
  for (const entry of loadManifest()) {
    if (entry.format !== format) continue;
    const v = verdict(entry);
    if (v.kind !== "accepted" && v.kind !== "rejected") continue;
    const text = readFileSync(join(CORPUS, entry.file), "utf8");
    const problems = lint(format === "haproxy" ? parseHaproxy(text) : parseKeepalived(text), config, entry.file);
    if (v.kind === "accepted") {
      t.accepted++;
      const errors = problems.filter((p) => p.severity === "error" && !stricter(p));
      if (errors.length > 0) t.acceptedWithError.push(`${entry.file}:${errors[0]!.range.start.line + 1} ${errors[0]!.ruleId} ${errors[0]!.message}`);
      else if (problems.some((p) => p.severity === "error")) t.acceptedWithStricterError.push(entry.file);
      continue;
    }
    t.rejected++;
    const counted = problems.filter((p) => (format === "haproxy" ? p.severity === "error" : p.severity !== "info"));
    if (counted.length > 0) t.flagged++;
    else t.missed.push(entry.file);
    if (v.lines.length > 0) {
      t.withLines++;
      if (v.lines.some((line) => problems.some((p) => p.range.start.line + 1 <= line && line <= p.range.end.line + 1))) t.onLine++;
    }
    if (v.drift) {
      t.drift++;
      if (problems.some((p) => findRules(p.ruleId).some((rule) => rule.meta.category === "compatibility"))) t.driftReported++;
    }
  }
  return t;
}

const percent = (part: number, whole: number) => (whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`);

describe.each(["haproxy", "keepalived"] as const)("agreement with the real checker on the %s corpus", (format) => {
  const t = tally(format);
  console.log(
    `\n${format} (lblint at ${format === "haproxy" ? "2.6" : "2.2"})\n` +
      table(
        ["accepted", "with an lblint error", "rejected", "flagged", "on the checker's line", "version drift", "reported as drift"],
        [[t.accepted, `${t.acceptedWithError.length + t.acceptedWithStricterError.length} (${percent(t.acceptedWithError.length + t.acceptedWithStricterError.length, t.accepted)})`, t.rejected, `${t.flagged} (${percent(t.flagged, t.rejected)})`, `${t.onLine}/${t.withLines} (${percent(t.onLine, t.withLines)})`, t.drift, `${t.driftReported}`]],
      ),
  );

  it("reports no error on files the checker accepts, except from rules documented as stricter (at most 1%)", () => {
    expect(t.acceptedWithError).toEqual([]);
    expect(t.acceptedWithStricterError.length / t.accepted).toBeLessThanOrEqual(0.01);
  });

  it("flags at least 95% of the files the checker rejects, and 90% on the checker's own line", () => {
    expect(t.flagged / t.rejected, `missed:\n${t.missed.join("\n")}`).toBeGreaterThanOrEqual(0.95);
    expect(t.onLine / t.withLines).toBeGreaterThanOrEqual(0.9);
  });

  it("reports version drift as such", () => {
    expect(t.driftReported).toBe(t.drift);
  });
});
