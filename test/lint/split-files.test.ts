// A haproxy configuration split over several files (`haproxy -f a.cfg -f b.cfg`, or
// `--haproxy-config`) must give the same findings as the same text in one file, each in the file
// that holds its text. A rule that leaves out a finding's file puts it in the first file, at
// offsets that belong to another: this test splits every docs example at each section boundary.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { defaultConfig } from "../../server/src/lint/config.js";
import { lintLoaded } from "../../server/src/lint/lint.js";
import type { LoadedConfig } from "../../server/src/workspace/loader.js";

const root = join(import.meta.dirname, "..", "..");
const docs = join(root, "docs", "rules");

/** The ```haproxy blocks of the rule pages, and the bundled examples. */
function examples(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (const page of readdirSync(docs).filter((name) => /^HA\d+\.md$/.test(name))) {
    const blocks = readFileSync(join(docs, page), "utf8").split("```haproxy\n").slice(1);
    blocks.forEach((block, i) => found.push({ name: `${page} #${i + 1}`, text: block.slice(0, block.indexOf("```")) }));
  }
  found.push({ name: "broken/upgrade", text: readFileSync(join(root, "fixtures", "examples", "broken", "upgrade", "haproxy.cfg"), "utf8") });
  return found;
}

function lintFiles(parts: readonly string[]): Map<string, string[]> {
  const files = parts.map((text, i) => ({ uri: `file:///part${i}.cfg`, text, parse: parseHaproxy(text), includedBy: undefined }));
  const loaded: LoadedConfig = {
    format: "haproxy",
    root: files[0]!.uri,
    files: new Map(files.map((file) => [file.uri, file])),
    includes: [],
    diagnostics: new Map(files.map((file) => [file.uri, file.parse.diagnostics])),
  };
  const found = new Map<string, string[]>();
  for (const [uri, problems] of lintLoaded(loaded, defaultConfig())) {
    found.set(uri, problems.filter((p) => p.ruleId !== "syntax").map((p) => `${p.ruleId} ${p.range.start.offset}-${p.range.end.offset}`).sort());
  }
  return found;
}

describe("a configuration split over files", () => {
  it("gives each finding of one file's text, in the file that holds it", () => {
    let compared = 0;
    for (const { name, text } of examples()) {
      const starts = [...text.matchAll(/^(?:frontend|backend|listen|defaults|userlist|peers|resolvers|cache|ring|program|http-errors|mailers)\b/gm)].map((m) => m.index!);
      for (const split of starts.filter((at) => at > 0)) {
        const whole = lintFiles([text]).get("file:///part0.cfg")!;
        const expected = new Map<string, string[]>([["file:///part0.cfg", []], ["file:///part1.cfg", []]]);
        for (const entry of whole) {
          const [rule, range] = entry.split(" ");
          const [start, end] = range!.split("-").map(Number);
          if (start! < split) expected.get("file:///part0.cfg")!.push(entry);
          else expected.get("file:///part1.cfg")!.push(`${rule} ${start! - split}-${end! - split}`);
        }
        for (const list of expected.values()) list.sort();
        expect(Object.fromEntries(lintFiles([text.slice(0, split), text.slice(split)])), `${name}, split at ${split}`).toEqual(Object.fromEntries(expected));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
