// Every input parses in time linear in its size. Each text below is a long run of something that
// opens and is never closed; the versions that re-read the rest of the line (or file) at each opener
// took many seconds on these sizes (noted per case), a linear parse takes well under one. The
// timeout is the assertion: a quadratic regression fails it instead of merely slowing the suite.
import { describe, expect, it } from "vitest";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { print } from "../../grammars/print.js";

const TIMEOUT = 10_000;

type Case = readonly [name: string, text: () => string];

function roundTrips(parse: (text: string) => Parameters<typeof print>[0], text: string): void {
  const parsed = parse(text);
  expect(print(parsed) === text).toBe(true);
}

describe("keepalived: long runs parse in linear time", () => {
  const cases: Case[] = [
    // 15–23 s: every `${` looked for its `}` to the end of the line.
    ["40,000 '${'", () => "${".repeat(40_000)],
    // 25–33 s: every `{%` looked for its `%}`.
    ["40,000 '{%'", () => "{%".repeat(40_000)],
    // 33 s: every `{` tried a template expression to the end of the line.
    ["100,000 '{' on one line", () => "{".repeat(100_000)],
    ["100,000 '{{ ' on one line", () => "{{ ".repeat(100_000)],
    ["150,000 lines of '{#'", () => "{#\n".repeat(150_000)],
    // About 20 s: every `~SEQ(` after a brace looked for its `)`.
    ["80,000 '{~SEQ('", () => "{~SEQ(".repeat(80_000)],
    ["80,000 '${' and then numbers", () => "${".repeat(80_000) + " 1".repeat(80_000)],
    // About 35 s: `${NAME` followed by digits backtracked over every split of the digits.
    ["a 200,000-digit variable name", () => `x \${A${"1".repeat(200_000)}-}\n`],
    ["an include of 100,000 '{{'", () => `include ${"{{".repeat(100_000)}\n`],
    // About 16 s: each alternative @id header was compared with every earlier one of its block.
    ["100,000 alternative @id headers of one block", () => Array.from({ length: 100_000 }, (_, i) => `@h${i} x {\n`).join("") + "}\n"],
  ];
  it.each(cases)("%s", (_, text) => roundTrips(parseKeepalived, text()), TIMEOUT);

  it("prints 300,000 blank lines (the gap's trivia used to overflow the stack)", () => {
    roundTrips(parseKeepalived, "\n".repeat(300_000));
  }, TIMEOUT);
});

describe("haproxy: long runs parse in linear time", () => {
  const cases: Case[] = [
    // 13–19 s for 100,000: each `!` asked the whole word whether it was plain.
    ["a condition negated by 300,000 '!'", () => `frontend f\n    http-request deny if ${"!".repeat(300_000)}\n`],
    // About 17 s: every `{#` looked for its `#}` to the end of the file.
    ["60,000 lines of '{#'", () => "{#\n".repeat(60_000)],
    ["200,000 '{% ' on one line", () => "{% ".repeat(200_000)],
    // About 30 s: every carriage return after a word read the rest of its line to see if it was blank.
    ["200,000 carriage returns and vertical tabs after a word", () => `frontend f\n    x${"\r\v".repeat(200_000)}\n`],
    // About 30 s: every `${A-` in double quotes read the rest of the word for a `}`.
    ["100,000 '${A-' in double quotes", () => `frontend f\n    x "${"${A-".repeat(100_000)}\n`],
  ];
  it.each(cases)("%s", (_, text) => roundTrips(parseHaproxy, text()), TIMEOUT);
});
