// Round trip over the whole corpus: printing the parsed tree gives back the file byte for byte, for
// every labelled and templated file of both formats. One test per format/source group lists every
// file that fails, so a regression names all the files it breaks at once.
import { describe, expect, it } from "vitest";
import { groupBy, loadManifest, parseAndPrint, readCorpusFile, type Format } from "./corpus.js";

/** Where two strings first differ, with a little context, for the failure list. */
function firstDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 20), at + 20));
  return `lengths ${expected.length}/${actual.length}, first difference at offset ${at}: expected ${around(expected)}, printed ${around(actual)}`;
}

/**
 * What is wrong with the round trip of `text`, or undefined. With `encoding`, the printed text must
 * also encode back to the file's bytes.
 */
function roundTrip(format: Format, text: string, bytes: Buffer, encoding?: "utf8" | "latin1"): string | undefined {
  let printed: string;
  try {
    printed = parseAndPrint(format, text).printed;
  } catch (error) {
    return `threw ${String(error)}`;
  }
  if (printed !== text) return firstDifference(text, printed);
  if (encoding && !Buffer.from(printed, encoding).equals(bytes)) return `printed text does not encode back to the same bytes as ${encoding}`;
  return undefined;
}

describe("corpus round trip: print(parse(text).ast) === text", () => {
  const groups = groupBy(loadManifest());

  it("the manifest lists files of both formats", () => {
    const formats = new Set(loadManifest().map((entry) => entry.format));
    expect([...formats].sort()).toEqual(["haproxy", "keepalived"]);
  });

  for (const [group, entries] of groups) {
    it(`${group} (${entries.length} files)`, () => {
      const failures: string[] = [];
      for (const entry of entries) {
        const file = readCorpusFile(entry);
        if (file.validUtf8) {
          const problem = roundTrip(entry.format, file.text, file.bytes, "utf8");
          if (problem) failures.push(`${entry.file}: ${problem}`);
          continue;
        }
        // Not valid UTF-8: the UTF-8 reading (with U+FFFD for bad bytes) must still print back as
        // read, and a latin-1 reading, where every byte is one character, must give the bytes back.
        const decoded = roundTrip(entry.format, file.text, file.bytes);
        if (decoded) failures.push(`${entry.file} (read as UTF-8): ${decoded}`);
        const problem = roundTrip(entry.format, file.bytes.toString("latin1"), file.bytes, "latin1");
        if (problem) failures.push(`${entry.file} (read as latin-1): ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
