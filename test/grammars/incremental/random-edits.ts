// Applies seeded random edits to a document built from every corpus file of one format and compares
// the document with a fresh parse after each edit, and its pieces with those of a new document of
// the same text (the pieces must not depend on the edits). Returns the first few disagreements.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TextEdit } from "../../../grammars/common/edits.js";
import { CORPUS } from "../../corpus/corpus.js";
import { seededRandom } from "../../support/random.js";

export interface Editable<Result> {
  readonly result: Result;
  readonly pieceCount: number;
  applyEdit(edit: TextEdit): void;
}

export interface RandomEditRun<Result> {
  readonly format: "haproxy" | "keepalived";
  readonly open: (text: string) => Editable<Result>;
  readonly parse: (text: string) => Result;
  /** Everything an editor would look at, as comparable strings. */
  readonly facts: (result: Result) => string[];
  /** Text to insert; an edit inserts one of these, or nothing, over a random range. */
  readonly snippets: readonly string[];
  readonly seed: number;
  readonly editsPerFile: number;
}

export function randomEditDisagreements<Result>(run: RandomEditRun<Result>): string[] {
  const random = seededRandom(run.seed);
  const failures: string[] = [];
  for (const name of readdirSync(join(CORPUS, run.format))) {
    let text = readFileSync(join(CORPUS, run.format, name), "utf8");
    const document = run.open(text);
    for (let step = 0; step < run.editsPerFile && failures.length < 5; step++) {
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 40)));
      const edit = { start, end, newText: random() < 0.3 ? "" : run.snippets[Math.floor(random() * run.snippets.length)]! };
      document.applyEdit(edit);
      text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      const expected = run.facts(run.parse(text));
      const actual = run.facts(document.result);
      const diff = expected.findIndex((fact, i) => fact !== actual[i]);
      if (diff >= 0 || expected.length !== actual.length) {
        failures.push(`${name} after edit ${step} ${JSON.stringify(edit)}: expected ${JSON.stringify(expected[diff])}, got ${JSON.stringify(actual[diff])}`);
        break;
      }
      const pieces = run.open(text).pieceCount;
      if (document.pieceCount !== pieces) {
        failures.push(`${name} after edit ${step} ${JSON.stringify(edit)}: ${document.pieceCount} pieces, a new document has ${pieces}`);
        break;
      }
    }
  }
  return failures;
}
