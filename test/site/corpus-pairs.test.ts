// The corpus's keepalived MASTER/BACKUP groups (`pair_id`) checked as peers, with no host
// information: each file is one router. Prints one row per group (the election and the site
// findings) and asserts what the table must show: every group was read, and every finding names a
// site rule and points into one of the group's files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../server/src/lint/config.js";
import { explainElection } from "../../server/src/site/election.js";
import { lintSite } from "../../server/src/site/lint-site.js";
import { loadLooseSite } from "../../server/src/site/load.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";
import { CORPUS, loadManifest } from "../corpus/corpus.js";

interface PairEntry {
  readonly file: string;
  readonly pair_id?: string | null;
  readonly pair_role?: string | null;
}

describe("corpus MASTER/BACKUP groups as peers", () => {
  const groups = new Map<string, PairEntry[]>();
  for (const entry of loadManifest() as unknown as PairEntry[]) {
    if (!entry.pair_id) continue;
    groups.set(entry.pair_id, [...(groups.get(entry.pair_id) ?? []), entry]);
  }

  it("checks every group and prints the table", async () => {
    expect(groups.size).toBeGreaterThanOrEqual(30);
    const config = resolveConfig({ keepalivedVersion: "2.2" }, "test");
    const rows: string[] = [];
    let withFindings = 0;
    for (const [id, entries] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const files: Record<string, string> = {};
      for (const entry of entries) files[`file:///corpus/${entry.file.replace(/^keepalived\//, "")}`] = readFileSync(join(CORPUS, entry.file), "utf8");
      const site = await loadLooseSite(new MemoryFileSystem(files), Object.keys(files), { targets: config.targets });
      expect(site.hosts).toHaveLength(entries.length);
      const reports = lintSite(site, config);
      const findings = reports.flatMap((r) => r.problems.filter((p) => /^[SX]\d{3}$/.test(p.ruleId)).map((p) => ({ ...p, uri: r.uri })));
      for (const finding of findings) expect(Object.keys(files)).toContain(finding.uri);
      if (findings.length > 0) withFindings++;
      const ids = [...new Set(findings.map((f) => f.ruleId))].sort().join(",") || "-";
      const elections = site.clusters.filter((c) => new Set(c.members.map((m) => m.host)).size > 1).map(explainElection);
      const statuses = [...new Set(site.clusters.flatMap((c) => c.sessions.map((s) => s.status)))].sort().join(",");
      rows.push(`| ${id} | ${entries.map((e) => e.pair_role).join("/")} | ${site.clusters.length} | ${statuses} | ${ids} | ${elections.join("; ") || "no group spans both files"} |`);
    }
    console.log(["| pair | roles | groups | peer statuses | site rules | election |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n"));
    console.log(`${withFindings} of ${groups.size} groups have site findings`);
    // Real pairs are where these mistakes live: some must be found, and not every pair is broken.
    expect(withFindings).toBeGreaterThan(0);
    expect(withFindings).toBeLessThan(groups.size);
  });
});
