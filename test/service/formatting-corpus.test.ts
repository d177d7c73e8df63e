// Formatting every corpus file: the formatter itself never changes what the daemon reads (its guard
// is never needed), and formatting the result again changes nothing.
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { applyEdits } from "../../grammars/common/edits.js";
import { formatDocument } from "../../server/src/service/formatting.js";
import { meaning } from "../../server/src/service/meaning.js";
import { loadManifest, readCorpusFile } from "../corpus/corpus.js";

const OPTIONS = { tabSize: 4, insertSpaces: true };

describe("formatting the corpus", () => {
  for (const format of ["haproxy", "keepalived"] as const) {
    it(`keeps the meaning of every ${format} file and is idempotent`, () => {
      const parse = format === "haproxy" ? parseHaproxy : parseKeepalived;
      const failures: string[] = [];
      let changed = 0;
      let files = 0;
      for (const entry of loadManifest()) {
        if (entry.format !== format) continue;
        files++;
        const { text } = readCorpusFile(entry);
        const parsed = parse(text);
        const first = formatDocument(parsed, OPTIONS);
        if (first.rejected) {
          failures.push(`${entry.file}: the formatting would change the meaning`);
          continue;
        }
        const formatted = applyEdits(text, first.edits);
        if (formatted !== text) changed++;
        const again = parse(formatted);
        if (meaning(again) !== meaning(parsed)) failures.push(`${entry.file}: meaning changed`);
        const second = formatDocument(again, OPTIONS);
        if (second.rejected || second.edits.length > 0) failures.push(`${entry.file}: formatting twice changes ${second.edits.length} more places`);
      }
      expect(failures).toEqual([]);
      // Real files are rarely formatted already: a formatter that did nothing would pass the rest.
      expect(changed).toBeGreaterThan(files / 4);
    });
  }
});
