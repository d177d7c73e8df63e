// Escapes and variable references that haproxy 2.6 refuses (each case checked with `haproxy -c`).
import { describe, expect, it } from "vitest";
import { parse } from "./helpers.js";

const problemsOf = (word: string) =>
  parse(`global\n  .notice ${word}\n`).diagnostics.map((d) => [d.code, d.range.start.column, d.range.end.column, d.message]);

describe("words haproxy refuses", () => {
  it.each([
    ["a\\x4", [["invalid-escape", 11, 14, "'\\x' must be followed by two hexadecimal digits"]]],
    ['"a\\xZZ"', [["invalid-escape", 12, 16, "'\\x' must be followed by two hexadecimal digits"]]],
    ['"a$1"', [["invalid-variable", 12, 13, "'$' must be followed by a variable name inside double quotes (write '\\$' for a dollar sign)"]]],
    ['"ab$"', [["invalid-variable", 13, 14, "'$' must be followed by a variable name inside double quotes (write '\\$' for a dollar sign)"]]],
    ['"${FOO"', [["invalid-variable", 11, 12, "this '${' is never closed by '}'"]]],
    ['"${FOO[x]}"', [["invalid-variable", 11, 12, "only '${NAME}', '${NAME-default}' and '${NAME[*]}' are valid here"]]],
    ['"$.X"', [["invalid-variable", 11, 14, "'.X' is not a pseudo-variable haproxy knows (.FILE, .LINE, .SECTION)"]]],
  ])("reports %s", (word, expected) => {
    expect(problemsOf(word)).toEqual(expected);
  });

  it.each(["a\\x41", '"${.FILE}"', '"$.LINE"', '"${LIST[*]}"', '"${A-b c}"', "'a\\x4 $1'", "a$1", '"a\\$1"'])("accepts %s", (word) => {
    expect(problemsOf(word)).toEqual([]);
  });
});
