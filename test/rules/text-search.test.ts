// `model.mentioning(word)` may give statements that do not mention the word (a comment does), but
// never leaves out one whose words' values mention it: rules read only what it gives. Checked on
// arbitrary lines built from quotes, escapes and the words the rules look for, declared or not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { HaproxyModel } from "../../server/src/rules/haproxy/model.js";
import { searchFor } from "../../server/src/rules/haproxy/text-search.js";

// Declared words are found in one scan of the text, one-character ones apart; others one by one.
searchFor("(", "auth", "var(");
const WORDS = ["(", "auth", "var(", "track", "set-log-level"];
const pieces = ["http-request", " ", "\t", '"', "'", "\\", "\\x28", "var", "(", ")", "au", "th", "auth", "set-log-level", "tr", "ack", "#", "x", "%["];
const line = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((parts) => `    ${parts.join("")}\n`);
const texts = fc.array(line, { maxLength: 8 }).map((lines) => `frontend f\n${lines.join("")}`);

describe("the haproxy text search", () => {
  it("gives every statement whose values mention a word, quoted or escaped", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const model = new HaproxyModel([{ uri: "file:///h.cfg", parse: parseHaproxy(text) }], "3.4");
        for (const word of WORDS) {
          const found = new Set(model.mentioning(word));
          const missed = model.statements().filter((placed) => placed.statement.words.map((w) => w.value).join(" ").includes(word) && !found.has(placed));
          expect(missed.map((placed) => placed.statement.range.start.line), `${word} in ${JSON.stringify(text)}`).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
