// Removals never corrupt a real file: every corpus file has its sections, blocks and statements
// removed one at a time, and the result must parse with no kind of error the original did not
// have (an unbalanced brace or `.if`, a line outside any section) and no run of blank lines the
// original did not have.
import { describe, expect, it } from "vitest";
import { edit, keepalivedItems, parseHaproxy, parseKeepalived, type haproxy, type keepalived } from "../../grammars/index.js";
import { isTemplated, loadManifest, readCorpusFile } from "./corpus.js";

const NODES_PER_FILE = 20;
const BLANK_RUN = /\n[ \t]*\r?\n[ \t]*\r?\n/;

function errorCodes(result: { diagnostics: readonly { severity: string; code: string }[] }): Set<string> {
  return new Set(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code));
}

describe("corpus: removals keep files whole", () => {
  it.each(["haproxy", "keepalived"] as const)("%s", (format) => {
    const failures: string[] = [];
    let removals = 0;
    for (const entry of loadManifest().filter((candidate) => candidate.format === format && !isTemplated(candidate))) {
      const { text } = readCorpusFile(entry);
      const parse = format === "haproxy" ? parseHaproxy : parseKeepalived;
      const doc = parse(text);
      const before = errorCodes(doc);
      const nodes: (haproxy.Section | haproxy.Line | keepalived.KeepalivedItem)[] =
        doc.format === "haproxy"
          ? [...doc.ast.sections, ...doc.ast.sections.flatMap((section) => section.body.filter((line) => line.kind === "statement"))]
          : [...keepalivedItems(doc.ast)].filter((item) => item.kind !== "stray-brace");
      for (const node of nodes.slice(0, NODES_PER_FILE)) {
        const out = edit(doc).remove(node as never, { keepReferences: true }).toString();
        removals++;
        const added = [...errorCodes(parse(out))].filter((code) => !before.has(code));
        if (added.length > 0) failures.push(`${entry.file}: removing ${node.kind} at line ${node.range.start.line + 1} adds ${added.join(", ")}`);
        if (BLANK_RUN.test(out) && !BLANK_RUN.test(text)) failures.push(`${entry.file}: removing ${node.kind} at line ${node.range.start.line + 1} leaves blank lines`);
      }
    }
    expect(failures).toEqual([]);
    expect(removals).toBeGreaterThan(500);
  });
});
