// Reading a line's words by index (what the rules do on large files, without making the word
// objects) gives what the word objects give: wordText, wordValue, wordsText, argCount; and the
// model's argValue and optionOf read the same way.
import { describe, expect, it } from "vitest";
import type { Statement } from "../../../grammars/haproxy/ast.js";
import { argValue, optionOf } from "../../../server/src/rules/haproxy/model.js";
import { parse } from "./helpers.js";

const TEXT = [
  "backend b",
  "    server s1 10.0.0.1:80   check  inter 2s # a comment",
  '    http-request set-header X-A "a b" if { path /x }',
  "    option  httpchk GET /",
  "    no option httpclose",
  "    acl ok path_beg /a\\ b",
  "",
].join("\n");

/** The body statements of the file, one parse for the index reads and one for the words. */
function statements(): { byIndex: Statement[]; byWords: Statement[] } {
  const body = (text: string) => parse(text).ast.sections[0]!.body.filter((line): line is Statement => line.kind === "statement");
  return { byIndex: body(TEXT), byWords: body(TEXT) };
}

describe("words read by index", () => {
  it("wordText, wordValue and argCount agree with the words", () => {
    const { byIndex, byWords } = statements();
    for (let s = 0; s < byIndex.length; s++) {
      const line = byIndex[s]!;
      const words = byWords[s]!.words;
      expect(line.wordCount).toBe(words.length);
      expect(line.argCount).toBe(byWords[s]!.args.length);
      for (let i = 0; i < words.length; i++) {
        expect(line.wordText(i)).toBe(words[i]!.text);
        expect(line.wordValue(i)).toBe(words[i]!.value);
      }
    }
  });

  it("wordsText gives the text from one word's start to another's end, spacing included", () => {
    const server = statements().byIndex[0]!;
    expect(server.wordsText(3, 6)).toBe("check  inter 2s");
    expect(server.wordsText(0, 1)).toBe("server");
    expect(server.wordsText(5, 5)).toBeUndefined();
    expect(server.wordsText(3, 7)).toBeUndefined();
    expect(statements().byIndex[1]!.wordsText(2, 4)).toBe('X-A "a b"');
  });

  it("wordsTextIs compares wordsText in place, and plainWordMatches takes a plain word matched whole", () => {
    const { byIndex } = statements();
    for (const line of byIndex) {
      for (let from = -1; from <= line.wordCount + 1; from++) {
        for (let to = from - 1; to <= line.wordCount + 1; to++) {
          const text = line.wordsText(from, to);
          expect(line.wordsTextIs(from, to, text ?? ""), `${from}-${to}`).toBe(text !== undefined);
          if (text !== undefined) expect(line.wordsTextIs(from, to, `${text} `)).toBe(false);
        }
      }
    }
    const server = byIndex[0]!;
    expect(server.plainWordMatches(2, /[0-9.:]+/y)).toBe(true);
    // A match that stops inside the word, or runs past it, is no match.
    expect(server.plainWordMatches(2, /[0-9.]+/y)).toBe(false);
    expect(server.plainWordMatches(3, /[a-z ]+/y)).toBe(false);
    expect(server.plainWordMatches(9, /.*/y)).toBe(false);
    // `"a b"` and `/a\ b` are not plain: never matched in place, whatever their value.
    expect(byIndex[1]!.plainWordMatches(3, /\S+/y)).toBe(false);
    expect(byIndex[4]!.plainWordMatches(3, /\S+/y)).toBe(false);
    expect(byIndex[4]!.plainWordMatches(2, /\S+/y)).toBe(true);
  });

  it("argValue is args[i]?.value, and stops before a condition", () => {
    const { byIndex, byWords } = statements();
    for (let s = 0; s < byIndex.length; s++) {
      for (let i = 0; i <= byWords[s]!.args.length; i++) expect(argValue(byIndex[s]!, i)).toBe(byWords[s]!.args[i]?.value);
    }
    expect(argValue(byIndex[1]!, 2)).toBe("a b");
    expect(argValue(byIndex[1]!, 3)).toBeUndefined();
  });

  it("optionOf reads option and no option, with the range from the keyword to the option name", () => {
    const { byIndex } = statements();
    const option = optionOf(byIndex[2]!)!;
    expect([option.name, option.negated, option.range.start.column, option.range.end.column]).toEqual(["httpchk", false, 4, 19]);
    const negated = optionOf(byIndex[3]!)!;
    expect([negated.name, negated.negated, negated.range.start.column, negated.range.end.column]).toEqual(["httpclose", true, 4, 23]);
    expect(optionOf(byIndex[0]!)).toBeUndefined();
  });
});
