// How keepalived 2.2.7 cuts a line into words: double quotes group (and start a new word), `#` and
// `!` start a comment anywhere outside quotes (so does a backslash right before them), `$NAME` /
// `${NAME}` are references. Comments quote what `keepalived -t` reported for the same text.
import { describe, expect, it } from "vitest";
import type { Trivia, VariableReference } from "../../../grammars/keepalived/ast.js";
import { codes, loc, onlyStatement, parse, statementAt, statementWords, triviaTexts, wordShapes } from "./helpers.js";

const refs = (variables: readonly VariableReference[]) => variables.map((v) => [v.text, v.name, v.braced, loc(v.range)]);

describe("double-quoted strings", () => {
  it("are one word whose value has no quotes and whose range has them", () => {
    const statement = onlyStatement('script "/usr/bin/killall -0 haproxy"');
    const word = statement.args[0]!;
    expect(statement.args).toHaveLength(1);
    expect([word.text, word.value, word.quoted, word.terminated]).toEqual(['"/usr/bin/killall -0 haproxy"', "/usr/bin/killall -0 haproxy", true, true]);
    expect(loc(word.range)).toBe("0:7-0:36 @7-36");
  });

  it("start a new word: `\"abc\"def` and `0\"50\"` are two words each", () => {
    // keepalived -t: `priority "0"50` and `priority 0"50"` both read priority 0.
    expect(wordShapes(onlyStatement('router_id "abc"def').args)).toEqual([
      ['"abc"', "abc", "0:10-0:15 @10-15"],
      ["def", "def", "0:15-0:18 @15-18"],
    ]);
    expect(onlyStatement('priority 0"50"').args.map((w) => w.value)).toEqual(["0", "50"]);
  });

  it("keep `#`, `!`, `{` and `}` literal inside the quotes", () => {
    // keepalived -t: `bogusH "x # { } !" bogusI` reports only bogusH, and no unexpected brace.
    const result = parse('script "/bin/sh -c \'test -f /x\' # { } !" 2\n');
    expect(codes(result)).toEqual([]);
    expect(result.ast.children.map((c) => c.kind)).toEqual(["statement", "newline"]);
    const statement = statementAt(result.ast, 0);
    expect(statement.args.map((w) => w.value)).toEqual(["/bin/sh -c 'test -f /x' # { } !", "2"]);
  });

  it("may be empty", () => {
    const word = onlyStatement('smtp_alert ""').args[0]!;
    expect([word.value, word.quoted, word.terminated, loc(word.range)]).toEqual(["", true, true, "0:11-0:13 @11-13"]);
  });

  it("run to the end of the line when unterminated, and the next line is a statement of its own", () => {
    // keepalived -t: `bogus1 "unterminated` then `bogus2` reports both keywords.
    const result = parse('script "/usr/bin/pgrep haproxy\ninterval 2 {\n}\n');
    const script = statementAt(result.ast, 0);
    const word = script.args[0]!;
    expect([word.text, word.value, word.terminated]).toEqual(['"/usr/bin/pgrep haproxy', "/usr/bin/pgrep haproxy", false]);
    expect(loc(word.range)).toBe("0:7-0:30 @7-30");
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["unterminated-quote", "0:7-0:30 @7-30"]]);
  });

  it("hide a brace when unterminated, so it opens no block", () => {
    const result = parse('notify "/bin/x {\n}\n');
    expect(statementAt(result.ast, 0).args.map((w) => w.value)).toEqual(["/bin/x {"]);
    expect(codes(result)).toEqual(["unterminated-quote", "unexpected-close-brace"]);
  });
});

describe("comments", () => {
  it("start with `#` or `!` at the start of a line or after a statement", () => {
    const result = parse("# full line\n! bang line\npriority 100 # trailing\n");
    const comments = result.ast.children.filter((c): c is Trivia => c.kind === "comment");
    expect(comments.map((c) => [c.text, loc(c.range)])).toEqual([
      ["# full line", "0:0-0:11 @0-11"],
      ["! bang line", "1:0-1:11 @12-23"],
      ["# trailing", "2:13-2:23 @37-47"],
    ]);
    expect(loc(statementAt(result.ast, 0).range)).toBe("2:0-2:12 @24-36");
  });

  it("start in the middle of a word: `3#comment` is the word 3", () => {
    // keepalived -t: `priority 0#5` and `priority 0!5` both report priority 0.
    const result = parse("priority 3#comment\nrouter_id lb!1\n");
    expect(statementAt(result.ast, 0).args.map((w) => [w.value, loc(w.range)])).toEqual([["3", "0:9-0:10 @9-10"]]);
    expect(statementAt(result.ast, 1).args.map((w) => w.value)).toEqual(["lb"]);
    expect(triviaTexts(result.ast, "comment")).toEqual(["#comment", "!1"]);
  });

  it("start at a backslash right before `#` or `!`, which belongs to the comment", () => {
    // keepalived -t: `virtual_router_id 300 \# note` reports 300 out of range (not '300\'), and
    // `virtual_router_id 5\!x` is accepted as 5.
    const result = parse("virtual_router_id 300 \\# note\nvirtual_router_id 5\\!x\n\\# a line of its own\nrouter_id a\\b\n");
    expect(statementWords(result)).toEqual([["virtual_router_id", "300"], ["virtual_router_id", "5"], ["router_id", "a\\b"]]);
    expect(triviaTexts(result.ast, "comment")).toEqual(["\\# note", "\\!x", "\\# a line of its own"]);
    expect(loc(statementAt(result.ast, 0).range)).toBe("0:0-0:21 @0-21");
  });

  it("hide braces, so a commented-out `}` closes nothing", () => {
    const result = parse("global_defs { # }\n  router_id T\n}\n");
    expect(codes(result)).toEqual([]);
    expect(statementAt(result.ast.children.find((c) => c.kind === "block")!, 0).keyword.value).toBe("router_id");
  });
});

describe("references", () => {
  it("finds `${NAME}` anywhere in a word and `$NAME` at its end, with exact ranges", () => {
    const statement = onlyStatement("x ${PFX}.${i}/24 eth$N $IFACE");
    expect(refs(statement.args[0]!.variables)).toEqual([
      ["${PFX}", "PFX", true, "0:2-0:8 @2-8"],
      ["${i}", "i", true, "0:9-0:13 @9-13"],
    ]);
    expect(refs(statement.args[1]!.variables)).toEqual([["$N", "N", false, "0:20-0:22 @20-22"]]);
    expect(refs(statement.args[2]!.variables)).toEqual([["$IFACE", "IFACE", false, "0:23-0:29 @23-29"]]);
  });

  it("does not take `$NAME` before `/`, `.` or a quote (k10: `10.0.0.$ID/24` stays as written)", () => {
    const statement = onlyStatement('x 10.0.0.$ID/24 $A.b $Q"tail" 10$');
    expect(statement.words.flatMap((w) => w.variables)).toEqual([]);
  });

  it("takes `$NAME` before `,`, `)`, a comment or a space inside quotes, as keepalived substitutes there", () => {
    // keepalived -t with $Q=bogusQ: `$Q,tail` → 'bogusQ,tail', `x$Q)tail` → 'xbogusQ)tail',
    // `"$Q x"` → 'bogusQ x', `$Q#c` → 'bogusQ'; but `"x $Q"` stays 'x $Q'.
    const result = parse('a $Q,tail x$Q)tail "$Q x" "x $Q"\nb $Q#c\n');
    const words = statementAt(result.ast, 0).args;
    expect(words.map((w) => refs(w.variables))).toEqual([
      [["$Q", "Q", false, "0:2-0:4 @2-4"]],
      [["$Q", "Q", false, "0:11-0:13 @11-13"]],
      [["$Q", "Q", false, "0:20-0:22 @20-22"]],
      [],
    ]);
    expect(refs(statementAt(result.ast, 1).args[0]!.variables)).toEqual([["$Q", "Q", false, "1:2-1:4 @35-37"]]);
  });

  it("keeps `${_RANDOM 1 10}` in one word as a reference with parameters (keepalived -t: `${_RANDOM 5 5}` gave 5)", () => {
    const result = parse("weight ${_RANDOM 1 10}\n");
    expect(codes(result)).toEqual([]);
    const word = statementAt(result.ast, 0).args[0]!;
    expect(word.value).toBe("${_RANDOM 1 10}");
    expect(refs(word.variables)).toEqual([["${_RANDOM 1 10}", "_RANDOM", true, "0:7-0:22 @7-22"]]);
  });

  it("keeps the braces of `${NAME}` inside the word, defined or not", () => {
    const statement = onlyStatement("virtual_ipaddress_excluded ${VIP2}/24");
    expect(statement.args.map((w) => w.value)).toEqual(["${VIP2}/24"]);
  });
});

describe("templates", () => {
  it("reads `{{ vip }}` as one word, so the braces open no block", () => {
    const result = parse("virtual_ipaddress {\n  {{ vip }}/24 dev {{ iface }}\n}\n");
    expect(codes(result)).toEqual(["template-syntax"]);
    const block = result.ast.children.find((c) => c.kind === "block")!;
    expect(wordShapes(statementAt(block, 0).words)).toEqual([
      ["{{ vip }}/24", "{{ vip }}/24", "1:2-1:14 @22-34"],
      ["dev", "dev", "1:15-1:18 @35-38"],
      ["{{ iface }}", "{{ iface }}", "1:19-1:30 @39-50"],
    ]);
  });
});

describe("positions", () => {
  it("count offsets and columns in UTF-16 code units", () => {
    const statement = onlyStatement('router_id "😀é" ${X}');
    expect(loc(statement.args[0]!.range)).toBe("0:10-0:15 @10-15");
    expect(loc(statement.args[1]!.variables[0]!.range)).toBe("0:16-0:20 @16-20");
  });
});
