// How one haproxy word is decoded. Expected values were checked against haproxy 2.6.12 with
// `.notice WORD` in a global section (quoted in the comments as "haproxy prints …").
import { describe, expect, it } from "vitest";
import type { VariableReference, WordPart } from "../../../grammars/haproxy/ast.js";
import { codes, loc, noticeWord } from "./helpers.js";

// `global\n.notice ` puts the word at offset 15, line 1, column 8.
const word = (text: string) => {
  const { words } = noticeWord(text);
  expect(words).toHaveLength(1);
  return words[0]!;
};
const shape = (parts: readonly WordPart[]) => parts.map((p) => [p.kind, p.text, loc(p.range)]);

describe("plain words", () => {
  it("keeps a word without quotes or backslashes as written, with its exact range", () => {
    const w = word("127.0.0.1:8080");
    expect(w.isPlain).toBe(true);
    expect(w.value).toBe("127.0.0.1:8080");
    expect(w.variables).toEqual([]);
    expect(w.unterminatedQuote).toBeUndefined();
    expect(loc(w.range)).toBe("1:8-1:22 @15-29");
    expect(shape(w.parts)).toEqual([["text", "127.0.0.1:8080", "1:8-1:22 @15-29"]]);
  });

  it("does not expand $VAR outside double quotes (haproxy prints a$FOO with FOO set)", () => {
    const w = word("a$FOO");
    expect(w.isPlain).toBe(true);
    expect(w.value).toBe("a$FOO");
    expect(w.variables).toEqual([]);
    expect(w.expand({ FOO: "foo" })).toBe("a$FOO");
  });

  it("counts offsets and columns in UTF-16 code units", () => {
    const w = word('"😀$A"');
    const variable = w.variables[0]!;
    expect(loc(w.range)).toBe("1:8-1:14 @15-21");
    expect(loc(variable.range)).toBe("1:11-1:13 @18-20");
  });
});

describe("single quotes", () => {
  it("keeps everything between single quotes literal (haproxy prints a$FOO\\x41\"b)", () => {
    const w = word(`'a$FOO\\x41"b'`);
    expect(w.isPlain).toBe(false);
    expect(w.value).toBe('a$FOO\\x41"b');
    expect(w.variables).toEqual([]);
    expect(w.expand({ FOO: "foo" })).toBe('a$FOO\\x41"b');
    expect(shape(w.parts)).toEqual([["single-quoted", `'a$FOO\\x41"b'`, "1:8-1:21 @15-28"]]);
  });

  it("keeps a # inside single quotes in the word instead of starting a comment", () => {
    const { line } = noticeWord("'a#b'");
    expect(line.comment).toBeUndefined();
    expect(line.args.map((w) => w.value)).toEqual(["a#b"]);
  });
});

describe("double quotes and escapes", () => {
  it("decodes \\x41, \\ and \\# but keeps the backslash of unknown escapes like \\. and \\q (haproxy prints A\\.\\q #)", () => {
    expect(word("\\x41\\.\\q\\ \\#").value).toBe("A\\.\\q #");
  });

  it("also decodes \\$ inside double quotes (haproxy prints A\\.\\q #$)", () => {
    expect(word('"\\x41\\.\\q\\ \\#\\$"').value).toBe("A\\.\\q #$");
  });

  it("keeps the backslash of \\$ outside double quotes (haproxy prints \\$x)", () => {
    expect(word("\\$x").value).toBe("\\$x");
  });

  it("decodes \\n, \\r, \\t, \\\\, \\\" and \\' to the characters they name", () => {
    expect(word('"a\\nb\\rc\\td"').value).toBe("a\nb\rc\td");
    expect(word('"\\\'"').value).toBe("'");
    expect(word('\\"x').value).toBe('"x');
    expect(word("\\\\").value).toBe("\\");
    expect(word('"\\\\"').value).toBe("\\");
  });

  it("keeps a trailing backslash as a literal backslash (haproxy prints a\\)", () => {
    expect(word("a\\").value).toBe("a\\");
  });

  it("keeps the backslash before a tab inside double quotes (haproxy prints a\\<TAB>b)", () => {
    expect(word('"a\\\tb"').value).toBe("a\\\tb");
  });

  it("splits an unquoted word at a tab even after a backslash, as haproxy does", () => {
    const { words } = noticeWord("a\\\tb");
    expect(words.map((w) => [w.text, w.value, loc(w.range)])).toEqual([
      ["a\\", "a\\", "1:8-1:10 @15-17"],
      ["b", "b", "1:11-1:12 @18-19"],
    ]);
  });

  it("concatenates quoted and bare pieces into one word (haproxy prints abc)", () => {
    const w = word(`"a"'b'c`);
    expect(w.value).toBe("abc");
    expect(shape(w.parts)).toEqual([
      ["double-quoted", '"a"', "1:8-1:11 @15-18"],
      ["single-quoted", "'b'", "1:11-1:14 @18-21"],
      ["text", "c", "1:14-1:15 @21-22"],
    ]);
  });

  it("gives every escape its own part and range", () => {
    const w = word("a\\x41b\\ c");
    expect(w.value).toBe("aAb c");
    expect(w.parts.map((p) => [p.kind, p.text, p.kind === "variable" ? p.name : p.value, loc(p.range)])).toEqual([
      ["text", "a", "a", "1:8-1:9 @15-16"],
      ["escape", "\\x41", "A", "1:9-1:13 @16-20"],
      ["text", "b", "b", "1:13-1:14 @20-21"],
      ["escape", "\\ ", " ", "1:14-1:16 @21-23"],
      ["text", "c", "c", "1:16-1:17 @23-24"],
    ]);
  });

  it("keeps a # that is double-quoted or escaped in the word (haproxy prints a#b for both)", () => {
    for (const text of ['"a#b"', "a\\#b"]) {
      const { line } = noticeWord(text);
      expect(line.comment).toBeUndefined();
      expect(line.args.map((w) => w.value)).toEqual(["a#b"]);
    }
  });
});

describe("environment variables", () => {
  const variable = (v: VariableReference) => ({
    text: v.text,
    name: v.name,
    defaultValue: v.defaultValue,
    braced: v.braced,
    list: v.list,
    at: loc(v.range),
  });

  it("finds $VAR inside double quotes, leaves it in the value and expands it from env (haproxy prints afoo)", () => {
    const w = word('"a$FOO"');
    expect(w.value).toBe("a$FOO");
    expect(w.variables.map(variable)).toEqual([
      { text: "$FOO", name: "FOO", defaultValue: undefined, braced: false, list: false, at: "1:10-1:14 @17-21" },
    ]);
    expect(w.expand({ FOO: "foo" })).toBe("afoo");
    expect(w.expand({})).toBe("a");
  });

  it("nests the variable parts inside the double-quoted part", () => {
    const quoted = word('"a${B}c"').parts[0]!;
    expect(quoted.kind).toBe("double-quoted");
    if (quoted.kind !== "double-quoted") return;
    expect(quoted.terminated).toBe(true);
    expect(shape(quoted.parts)).toEqual([
      ["text", "a", "1:9-1:10 @16-17"],
      ["variable", "${B}", "1:10-1:14 @17-21"],
      ["text", "c", "1:14-1:15 @21-22"],
    ]);
  });

  it("reads ${VAR}, ${VAR-default} and ${LIST[*]} with their ranges", () => {
    const w = word('"${A}:${B-x y}/${LIST[*]}"');
    expect(w.variables.map(variable)).toEqual([
      { text: "${A}", name: "A", defaultValue: undefined, braced: true, list: false, at: "1:9-1:13 @16-20" },
      { text: "${B-x y}", name: "B", defaultValue: "x y", braced: true, list: false, at: "1:14-1:22 @21-29" },
      { text: "${LIST[*]}", name: "LIST", defaultValue: undefined, braced: true, list: true, at: "1:23-1:33 @30-40" },
    ]);
  });

  it("uses the default only when the variable is unset, not when it is empty (haproxy prints adefb, ab, afoob)", () => {
    const w = word('"a${FOO-def}b"');
    expect(w.expand({})).toBe("adefb");
    expect(w.expand({ FOO: "" })).toBe("ab");
    expect(w.expand({ FOO: "foo" })).toBe("afoob");
  });

  it("ends a default value at the first closing brace (haproxy prints ab})", () => {
    const w = word('"${FOO-a}b}"');
    expect(w.variables.map((v) => [v.text, v.defaultValue])).toEqual([["${FOO-a}", "a"]]);
    expect(w.expand({})).toBe("ab}");
  });

  it("accepts a default after [*] (haproxy prints d)", () => {
    const w = word('"${FOO[*]-d}"');
    expect(w.variables.map((v) => [v.name, v.list, v.defaultValue])).toEqual([["FOO", true, "d"]]);
    expect(w.expand({})).toBe("d");
  });

  it("ends an unbraced name at the first character that cannot be in a name (haproxy prints a.b)", () => {
    const w = word('"a$UNSET.b-c"');
    expect(w.variables.map((v) => v.text)).toEqual(["$UNSET"]);
    expect(w.expand({})).toBe("a.b-c");
  });

  it("reads pseudo-variables that start with a dot", () => {
    expect(word('"L${.LINE}"').variables.map((v) => v.name)).toEqual([".LINE"]);
  });

  it("does not read an escaped dollar as a variable (haproxy prints $FOO)", () => {
    const w = word('"\\$FOO"');
    expect(w.variables).toEqual([]);
    expect(w.value).toBe("$FOO");
    expect(w.expand({ FOO: "foo" })).toBe("$FOO");
  });

  it("expands a list variable to its raw value", () => {
    expect(word('"${LIST[*]}"').expand({ LIST: "x y" })).toBe("x y");
  });
});

describe("unterminated quotes on the word", () => {
  it("runs an unclosed double quote to the end of the line, spaces and # included", () => {
    const { words, result } = noticeWord('"abc def #x');
    expect(words).toHaveLength(1);
    const quote = words[0]!.unterminatedQuote!;
    expect(quote.kind).toBe("double-quoted");
    expect(quote.text).toBe('"abc def #x');
    expect(loc(quote.range)).toBe("1:8-1:19 @15-26");
    expect(words[0]!.value).toBe("abc def #x");
    expect(codes(result)).toEqual(["unterminated-quote"]);
  });

  it("reports only the unclosed part of a word whose first quotes are closed", () => {
    const w = word(`"ok"x'open`);
    expect(w.unterminatedQuote?.kind).toBe("single-quoted");
    expect(loc(w.unterminatedQuote!.range)).toBe("1:13-1:18 @20-25");
    expect(w.value).toBe("okxopen");
  });
});
