// Every fix and suggestion lblint offers on the real files of the corpus applies cleanly: its edits
// lie inside the text and do not overlap, the result has no syntax error the file did not have,
// and a fix (what --fix applies) takes its finding away.
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { lint } from "../../server/src/lint/lint.js";
import type { Fix } from "../../server/src/lint/rule.js";
import { loadManifest, parseAndPrint, readCorpusFile } from "./corpus.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";

const parse = (format: "haproxy" | "keepalived", text: string) => (format === "haproxy" ? parseHaproxy(text) : parseKeepalived(text));

/** Error-level syntax problems by code. */
function syntaxErrors(format: "haproxy" | "keepalived", text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of parse(format, text).diagnostics) if (d.severity === "error") counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

function overlapOrOutside(fix: Fix, length: number): boolean {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return edits.some((edit, i) => edit.start < 0 || edit.end > length || edit.end < edit.start || (i > 0 && edit.start < edits[i - 1]!.end));
}

describe("corpus: fixes and suggestions", () => {
  it("apply cleanly, add no syntax error, and a fix takes its finding away", () => {
    const bad: string[] = [];
    let offered = 0;
    let fixes = 0;
    for (const entry of loadManifest().filter((e) => !e.templated)) {
      const { text } = readCorpusFile(entry);
      parseAndPrint(entry.format, text);
      const problems = lint(parse(entry.format, text));
      const before = syntaxErrors(entry.format, text);
      for (const problem of problems) {
        const all = [...(problem.fix ? [problem.fix] : []), ...(problem.suggestions ?? [])];
        for (const fix of all) {
          offered++;
          const where = `${entry.file}: ${problem.ruleId} at ${problem.range.start.line + 1}: '${fix.description}'`;
          if (overlapOrOutside(fix, text.length)) {
            bad.push(`${where}: edits overlap or leave the text`);
            continue;
          }
          const fixed = applyEdits(text, fix.edits);
          const after = syntaxErrors(entry.format, fixed);
          const added = [...after].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code]) => code);
          if (added.length > 0) bad.push(`${where}: adds ${added.join(", ")}`);
          if (fix === problem.fix) {
            fixes++;
            const same = (p: { ruleId: string; code: string }) => p.ruleId === problem.ruleId && p.code === problem.code;
            const count = problems.filter(same).length;
            const left = problem.ruleId === "syntax" ? [...parse(entry.format, fixed).diagnostics].filter((d) => d.code === problem.code).length : lint(parse(entry.format, fixed)).filter(same).length;
            if (left >= count) bad.push(`${where}: the fix leaves ${left} of ${count} such findings`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
    // The corpus has findings with fixes and suggestions of many rules.
    expect(offered).toBeGreaterThan(500);
    expect(fixes).toBeGreaterThan(50);
  });
});
