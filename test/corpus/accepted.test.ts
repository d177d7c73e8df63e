// No false syntax errors: a file the real checker accepts gets no error-severity diagnostic from the
// grammar layer. "Accepts" is `acceptedBecause` in corpus.ts: haproxy exit 0 or 2, keepalived exit 0,
// and keepalived exit 5/6 when every message is a value, environment or deprecation problem.
import { describe, expect, it } from "vitest";
import {
  acceptedBecause,
  describeDiagnostic,
  errors,
  groupBy,
  loadManifest,
  parseAndPrint,
  readCorpusFile,
  table,
  type AcceptedBecause,
} from "./corpus.js";

describe("corpus: no error diagnostics on files the checker accepts", () => {
  const accepted = loadManifest().filter((entry) => acceptedBecause(entry) !== undefined);
  const groups = groupBy(accepted);

  it("prints which files count as accepted", () => {
    const counts = new Map<string, number>();
    for (const entry of accepted) {
      const key = `${entry.format}\t${entry.source}\t${acceptedBecause(entry)!}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const rows = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => [...key.split("\t"), n]);
    console.log(`\nFiles the checker accepts\n${table(["format", "source", "accepted because", "files"], rows)}\n`);
    expect(accepted.length).toBeGreaterThan(0);
  });

  for (const [group, entries] of groups) {
    it(`${group} (${entries.length} accepted files)`, () => {
      const failures: string[] = [];
      for (const entry of entries) {
        const found = errors(parseAndPrint(entry.format, readCorpusFile(entry).text));
        if (found.length === 0) continue;
        const because: AcceptedBecause = acceptedBecause(entry)!;
        failures.push(`${entry.file} [${because}]: ${found.map(describeDiagnostic).join("; ")}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
