// Lines, words and trivia: statements with their keyword and args, comments (also in the middle of
// a word), blank lines, tabs and the three kinds of line break.
import { describe, expect, it } from "vitest";
import type { Line } from "../../../grammars/haproxy/ast.js";
import { codes, loc, parse, statement } from "./helpers.js";

const tokens = (line: Line) => line.tokens.map((t) => [t.kind, t.text, loc(t.range)]);

describe("statements", () => {
  it("splits a line into keyword, args, comment and trivia tokens with exact ranges", () => {
    const { all, diagnostics } = parse("global\n\tmaxconn 100  # limit\n");
    expect(diagnostics).toEqual([]);
    const line = statement(all, 1);
    expect(line.line).toBe(1);
    expect(loc(line.range)).toBe("1:0-2:0 @7-29");
    expect(line.keyword.text).toBe("maxconn");
    expect(loc(line.keyword.range)).toBe("1:1-1:8 @8-15");
    expect(line.args.map((w) => [w.text, loc(w.range)])).toEqual([["100", "1:9-1:12 @16-19"]]);
    expect(line.words.map((w) => w.text)).toEqual(["maxconn", "100"]);
    expect(line.condition).toBeUndefined();
    expect(line.guard).toBeUndefined();
    expect(line.comment?.text).toBe("# limit");
    expect(loc(line.comment!.range)).toBe("1:14-1:21 @21-28");
    expect(tokens(line)).toEqual([
      ["whitespace", "\t", "1:0-1:1 @7-8"],
      ["word", "maxconn", "1:1-1:8 @8-15"],
      ["whitespace", " ", "1:8-1:9 @15-16"],
      ["word", "100", "1:9-1:12 @16-19"],
      ["whitespace", "  ", "1:12-1:14 @19-21"],
      ["comment", "# limit", "1:14-1:21 @21-28"],
      ["newline", "\n", "1:21-2:0 @28-29"],
    ]);
  });

  it("gives a header line its own range, ending after its line break", () => {
    const { all } = parse("global\n");
    const header = statement(all, 0);
    expect(loc(header.range)).toBe("0:0-1:0 @0-7");
    expect(tokens(header)).toEqual([
      ["word", "global", "0:0-0:6 @0-6"],
      ["newline", "\n", "0:6-1:0 @6-7"],
    ]);
  });

  it("ends a word at a # in the middle of it: /foo#bar is the word /foo and a comment", () => {
    const { all } = parse("frontend fe\n  acl a path_beg /foo#bar baz\n");
    const line = statement(all, 1);
    expect(line.args.map((w) => w.text)).toEqual(["a", "path_beg", "/foo"]);
    expect(loc(line.args[2]!.range)).toBe("1:17-1:21 @29-33");
    expect(line.comment?.text).toBe("#bar baz");
    expect(loc(line.comment!.range)).toBe("1:21-1:29 @33-41");
  });

  it("reads the manual's global#comment and daemon#comment as keywords followed by comments", () => {
    const { all, ast } = parse("    global#this is the global section\ndaemon#daemonize\n");
    expect(ast.sections.map((s) => s.type)).toEqual(["global"]);
    expect(ast.sections[0]!.header.comment?.text).toBe("#this is the global section");
    const daemon = statement(all, 1);
    expect(daemon.keyword.text).toBe("daemon");
    expect(daemon.args).toEqual([]);
    expect(daemon.comment?.text).toBe("#daemonize");
  });

  it("separates words with tabs, vertical tabs and form feeds and counts a tab as one column", () => {
    const { all } = parse("global\n\t\tnbthread\t4\v5\f6\n");
    const line = statement(all, 1);
    expect(line.words.map((w) => [w.text, loc(w.range)])).toEqual([
      ["nbthread", "1:2-1:10 @9-17"],
      ["4", "1:11-1:12 @18-19"],
      ["5", "1:13-1:14 @20-21"],
      ["6", "1:15-1:16 @22-23"],
    ]);
  });
});

describe("empty lines", () => {
  it("makes blank and comment-only lines empty lines that keep their comment", () => {
    const { all, ast } = parse("global\n\n   \n  # note\n  daemon\n");
    expect(all.map((l) => [l.kind, l.line])).toEqual([
      ["statement", 0],
      ["empty", 1],
      ["empty", 2],
      ["empty", 3],
      ["statement", 4],
    ]);
    const blank = all[1]!;
    expect(blank.words).toEqual([]);
    expect(blank.comment).toBeUndefined();
    expect(tokens(blank)).toEqual([["newline", "\n", "1:0-2:0 @7-8"]]);
    expect(tokens(all[2]!)).toEqual([
      ["whitespace", "   ", "2:0-2:3 @8-11"],
      ["newline", "\n", "2:3-3:0 @11-12"],
    ]);
    expect(all[3]!.comment?.text).toBe("# note");
    expect(loc(all[3]!.range)).toBe("3:0-4:0 @12-21");
    expect(ast.sections[0]!.body).toHaveLength(4);
  });
});

describe("line breaks", () => {
  it("keeps CRLF as one newline token and counts lines after it", () => {
    const { all, diagnostics } = parse("global\r\n  daemon\r\n");
    expect(diagnostics).toEqual([]);
    expect(tokens(all[0]!)).toEqual([
      ["word", "global", "0:0-0:6 @0-6"],
      ["newline", "\r\n", "0:6-1:0 @6-8"],
    ]);
    expect(tokens(all[1]!)).toEqual([
      ["whitespace", "  ", "1:0-1:2 @8-10"],
      ["word", "daemon", "1:2-1:8 @10-16"],
      ["newline", "\r\n", "1:8-2:0 @16-18"],
    ]);
  });

  it("does not let a trailing backslash swallow the CR of a CRLF (haproxy reads the word a\\)", () => {
    const { all } = parse("global\r\n  log a\\\r\n");
    const line = statement(all, 1);
    expect(line.args.map((w) => [w.text, w.value])).toEqual([["a\\", "a\\"]]);
    expect(line.tokens.at(-1)?.text).toBe("\r\n");
  });

  it("does not let an unterminated quote swallow the CR of a CRLF", () => {
    const { all, diagnostics } = parse("global\r\n  .notice \"abc\r\n  maxconn 1\r\n");
    const line = all[1]!;
    expect(line.words.map((w) => w.text)).toEqual([".notice", '"abc']);
    expect(line.tokens.at(-1)?.text).toBe("\r\n");
    expect(diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["unterminated-quote", "1:10-1:14 @18-22"]]);
    expect(statement(all, 2).args.map((w) => w.text)).toEqual(["1"]);
  });

  it("reads a lone CR in a run of blanks as a separator while positions count it as a line break", () => {
    // haproxy: `maxconn 10 \r junk` → "'maxconn' cannot handle unexpected argument 'junk'".
    const { all } = parse("global\n  maxconn 10 \r junk\n");
    expect(all).toHaveLength(2);
    const line = statement(all, 1);
    expect(line.args.map((w) => [w.text, loc(w.range)])).toEqual([
      ["10", "1:10-1:12 @17-19"],
      ["junk", "2:1-2:5 @22-26"],
    ]);
    expect(tokens(line)[4]).toEqual(["whitespace", " \r ", "1:12-2:1 @19-22"]);
  });

  it("skips a lone CR at the start of a line like other leading blanks", () => {
    const { all } = parse("global\n\rfrob\n");
    expect(statement(all, 1).keyword.text).toBe("frob");
    expect(tokens(all[1]!)[0]).toEqual(["whitespace", "\r", "1:0-2:0 @7-8"]);
  });

  it("gives the last line no newline token when the file does not end with one", () => {
    const result = parse("global\n  daemon");
    const line = statement(result.all, 1);
    expect(line.tokens.map((t) => t.kind)).toEqual(["whitespace", "word"]);
    expect(loc(line.range)).toBe("1:0-1:8 @7-15");
    expect(codes(result)).toEqual(["missing-final-newline"]);
  });

  it("numbers every line by its 0-based position, whatever it holds", () => {
    const { all } = parse("# c\n\nglobal\n  daemon # d\n\n.if 1\n.endif\n");
    expect(all.map((l) => [l.line, l.kind])).toEqual([
      [0, "empty"],
      [1, "empty"],
      [2, "statement"],
      [3, "statement"],
      [4, "empty"],
      [5, "directive"],
      [6, "directive"],
    ]);
  });
});
