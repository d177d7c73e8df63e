// Robustness on templated files (Jinja2, Go templates, ERB; unlabelled, under `templated/`): parsing
// never throws, the round trip holds, every diagnostic range lies inside the document, and a file
// with template syntax gets exactly one `template-syntax` information.
import { describe, expect, it } from "vitest";
import type { SyntaxDiagnostic } from "../../grammars/common/diagnostics.js";
import { groupBy, isTemplated, loadManifest, parseAndPrint, readCorpusFile, table, type ManifestEntry, type Parsed } from "./corpus.js";

const TEMPLATE_MARKER = /\{\{|\{%|<%/;

/** What is wrong with a diagnostic's range in a document of `length` characters and `lineCount` lines. */
function rangeProblem(d: SyntaxDiagnostic, parsed: Parsed): string | undefined {
  const { start, end } = d.range;
  const where = `${d.code} at ${start.line}:${start.column}-${end.line}:${end.column} @${start.offset}-${end.offset}`;
  if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= parsed.length)) return `${where}: offsets outside 0..${parsed.length}`;
  if (!(start.line >= 0 && start.line <= end.line && end.line < parsed.lineCount)) return `${where}: lines outside 0..${parsed.lineCount - 1}`;
  if (start.column < 0 || end.column < 0 || (start.line === end.line && start.column > end.column)) return `${where}: bad columns`;
  return undefined;
}

/** Parses a file and lists every robustness problem; the round trip and ranges apply to any file. */
function robustness(entry: ManifestEntry): { problems: string[]; parsed?: Parsed } {
  const text = readCorpusFile(entry).text;
  let parsed: Parsed;
  try {
    parsed = parseAndPrint(entry.format, text);
  } catch (error) {
    return { problems: [`${entry.file}: parse threw ${String(error)}`] };
  }
  const problems: string[] = [];
  if (parsed.printed !== text) problems.push(`${entry.file}: round trip differs`);
  for (const d of parsed.diagnostics) {
    const problem = rangeProblem(d, parsed);
    if (problem) problems.push(`${entry.file}: ${problem}`);
  }
  return { problems, parsed };
}

describe("corpus: templated files", () => {
  const templated = loadManifest().filter(isTemplated);

  for (const [group, entries] of groupBy(templated)) {
    it(`${group} (${entries.length} files): no throw, round trip, ranges inside, one template-syntax information`, () => {
      const problems: string[] = [];
      const rows: (string | number)[][] = [];
      for (const entry of entries) {
        const result = robustness(entry);
        problems.push(...result.problems);
        if (!result.parsed) continue;
        const diagnostics = result.parsed.diagnostics;
        const warnings = diagnostics.filter((d) => d.code === "template-syntax");
        const hasMarker = TEMPLATE_MARKER.test(readCorpusFile(entry).text);
        if (hasMarker && (warnings.length !== 1 || warnings[0]!.severity !== "info")) {
          problems.push(`${entry.file}: ${warnings.length} template-syntax diagnostics (${warnings.map((w) => w.severity).join(", ")}), expected one information`);
        }
        if (!hasMarker && warnings.length > 1) problems.push(`${entry.file}: ${warnings.length} template-syntax diagnostics`);
        const name = entry.file.slice(entry.file.lastIndexOf("/") + 1);
        const errorCount = diagnostics.filter((d) => d.severity === "error").length;
        rows.push([name.length > 60 ? `${name.slice(0, 57)}...` : name, hasMarker ? "yes" : "no", warnings.length, errorCount, diagnostics.length]);
      }
      console.log(`\n${group}\n${table(["file", "template marker", "template-syntax", "errors", "diagnostics"], rows)}\n`);
      expect(problems).toEqual([]);
    });
  }

  it("every diagnostic range of every labelled file lies inside its document", () => {
    const problems = loadManifest()
      .filter((entry) => !isTemplated(entry))
      .flatMap((entry) => robustness(entry).problems.filter((p) => !p.endsWith("round trip differs")));
    expect(problems).toEqual([]);
  });
});
