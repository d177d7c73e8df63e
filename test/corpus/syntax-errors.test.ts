// Syntax errors found where the checker finds them: for every rejected file whose checker messages
// show a grammar-level problem (the classes in corpus.ts), lblint reports an error diagnostic on the
// line the checker names, or at least one error anywhere when the checker names no line.
import { describe, expect, it } from "vitest";
import {
  describeDiagnostic,
  errors,
  loadManifest,
  parseAndPrint,
  readCorpusFile,
  SYNTAX_CLASSES,
  syntaxFindings,
  table,
  type Format,
  type ManifestEntry,
  type SyntaxFinding,
} from "./corpus.js";

interface Checked {
  readonly entry: ManifestEntry;
  readonly finding: SyntaxFinding;
  readonly found: boolean;
  /** What lblint reports, for the failure list. */
  readonly lblint: string;
}

function check(entry: ManifestEntry): Checked[] {
  const text = readCorpusFile(entry).text;
  const findings = syntaxFindings(entry, text);
  if (findings.length === 0) return [];
  const found = errors(parseAndPrint(entry.format, text));
  const lblint = found.length === 0 ? "no error" : found.map(describeDiagnostic).join("; ");
  return findings.map((finding) => ({
    entry,
    finding,
    found: finding.line === undefined ? found.length > 0 : found.some((d) => d.range.start.line === finding.line! - 1),
    lblint,
  }));
}

describe("corpus: syntax errors found at the checker's line", () => {
  const checked = loadManifest().flatMap(check);
  const grammar = checked.filter((c) => !c.finding.dependent);

  it("prints the summary table", () => {
    const rows: (string | number)[][] = [];
    for (const cls of SYNTAX_CLASSES) {
      const mine = grammar.filter((c) => c.finding.cls === cls);
      const withLine = mine.filter((c) => c.finding.line !== undefined);
      const noLine = mine.filter((c) => c.finding.line === undefined);
      const keyword = checked.filter((c) => c.finding.cls === cls && c.finding.dependent);
      rows.push([
        cls.format,
        cls.id,
        new Set(mine.map((c) => c.entry.file)).size,
        `${withLine.filter((c) => c.found).length}/${withLine.length}`,
        noLine.length === 0 ? "-" : `${noLine.filter((c) => c.found).length}/${noLine.length}`,
        keyword.length === 0 ? "-" : `${keyword.length} in ${new Set(keyword.map((c) => c.entry.file)).size} files`,
      ]);
    }
    const header = ["format", "class", "files", "found at line", "no line: any error", "dependent (not checked)"];
    console.log(`\nSyntax errors: checker vs lblint\n${table(header, rows)}\n`);
    expect(checked.length).toBeGreaterThan(0);
  });

  for (const format of ["haproxy", "keepalived"] as const satisfies readonly Format[]) {
    it(`${format}: an error diagnostic at every grammar-level problem the checker reports`, () => {
      const failures = grammar
        .filter((c) => c.entry.format === format && !c.found)
        .map((c) => {
          const where = c.finding.line === undefined ? "(no line)" : `L${c.finding.line}`;
          return `${c.entry.file} ${where} ${c.finding.cls.id}: checker "${c.finding.message}"; lblint: ${c.lblint}`;
        });
      expect(failures).toEqual([]);
    });
  }
});
