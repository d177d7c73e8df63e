// `model.mentioning(word)` may give statements that do not mention the word (a comment does), but
// never leaves out one whose words' values mention it: rules read only what it gives. Checked on
// arbitrary lines built from quotes, escapes and the words the rules look for, declared or not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HaproxyDocument } from "../../grammars/incremental/haproxy-document.js";
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

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === "string" ? text.includes(pattern) : new RegExp(pattern.source, pattern.flags.replace("g", "")).test(text);
}

/** The model the incremental check builds of a few sections: an editor document's tree with fewer sections. */
function viewOf(parse: HaproxyDocument["result"], keep: (index: number) => boolean) {
  return { ...parse, ast: { ...parse.ast, sections: parse.ast.sections.filter((_, i) => keep(i)) } };
}

describe("the haproxy text search on a model of some sections", () => {
  // Some lines with a carriage return alone, which the line index and the grammar read differently.
  const lines = fc.oneof(line, line.map((text) => text.replace(" ", "\r")), line.map((text) => text.replace("\n", "\r")));
  const sections = fc.array(fc.tuple(fc.boolean(), fc.array(lines, { maxLength: 4 })), { minLength: 1, maxLength: 6 });
  // Patterns the rules search with (a look-behind takes the search's exact path). An anchored one
  // such as /^x/ is left out: the text holds the line's indentation, which the words' values do not.
  const PATTERNS: (string | RegExp)[] = [...WORDS, /[ \t]-/, /^[ \t]*"/m, /(?<=\()au/];

  it("finds in the sections it holds what a model of the whole file finds there", () => {
    fc.assert(
      fc.property(sections, (parts) => {
        const text = parts.map(([, lines], i) => `backend b${i}\n${lines.join("")}`).join("");
        const parse = new HaproxyDocument(text).result;
        const whole = new HaproxyModel([{ uri: "file:///h.cfg", parse }], "3.4");
        const view = new HaproxyModel([{ uri: "file:///h.cfg", parse: viewOf(parse, (i) => parts[i]![0]) }], "3.4");
        const kept = new Set(view.sections.map((s) => s.section));
        // A carriage return alone makes the whole file's statements unsearchable: their values are
        // searched instead, which may give fewer statements (never fewer than mention the word).
        const exact = !/\r(?!\n)/.test(text);
        for (const pattern of PATTERNS) {
          const found = view.mentioning(pattern);
          const mentions = (p: { statement: { words: readonly { value: string }[] } }) => matches(p.statement.words.map((w) => w.value).join(" "), pattern);
          const missed = view.statements().filter((p) => mentions(p) && !found.includes(p));
          expect(missed.map((p) => p.statement.range.start.offset), `${pattern} in ${JSON.stringify(text)}`).toEqual([]);
          if (!exact) continue;
          const expected = whole.mentioning(pattern).filter((p) => kept.has(p.section.section)).map((p) => p.statement.range.start.offset);
          expect(found.map((p) => p.statement.range.start.offset), `${pattern} in ${JSON.stringify(text)}`).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads only the text of the sections it holds", () => {
    // A big file and a model of one backend in its middle, as the editor's check after a keystroke builds.
    const text = Array.from({ length: 400 }, (_, i) => `backend b${i}\n    server s 10.0.0.1:80 check inter 2s\n    http-request set-var(txn.x) str(y)\n`).join("");
    const parse = new HaproxyDocument(text).result;
    const view = new HaproxyModel([{ uri: "file:///h.cfg", parse: viewOf(parse, (i) => i === 200) }], "3.4");
    const longest = { indexOf: 0, exec: 0 };
    const indexOf = String.prototype.indexOf;
    const exec = RegExp.prototype.exec;
    String.prototype.indexOf = function (this: string, ...args: Parameters<typeof indexOf>) {
      longest.indexOf = Math.max(longest.indexOf, this.length - (args[1] ?? 0));
      return indexOf.apply(this, args);
    };
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      longest.exec = Math.max(longest.exec, input.length - this.lastIndex);
      return exec.call(this, input);
    };
    try {
      for (const pattern of [...WORDS, "lua.", "ca-file", /(?:fall|rise)[ \t]+0/, /upgrade|websocket/i]) view.mentioning(pattern);
    } finally {
      String.prototype.indexOf = indexOf;
      RegExp.prototype.exec = exec;
    }
    // The backend is 3 lines of about 90 characters; the file is 400 times that.
    expect(longest.indexOf).toBeLessThan(200);
    expect(longest.exec).toBeLessThan(200);
    expect(view.mentioning("set-var(").length).toBe(1);
  });
});
