// File-level syntax diagnostics: unterminated quotes, NUL characters, a missing final newline, too
// many words on a line; their codes, severities, ranges and order.
import { describe, expect, it } from "vitest";
import { MAX_WORDS_PER_LINE } from "../../../grammars/haproxy/structure.js";
import { codes, loc, parse, statement } from "./helpers.js";

const report = (text: string) => parse(text).diagnostics.map((d) => [d.code, d.severity, loc(d.range)]);

describe("unterminated quotes", () => {
  it("reports an unclosed double quote from the quote to the end of the line", () => {
    // haproxy: "unmatched quote at position 33".
    const text = 'global\n  log "127.0.0.1 local0 # x\n  daemon\n';
    const result = parse(text);
    expect(report(text)).toEqual([["unterminated-quote", "error", "1:6-1:27 @13-34"]]);
    expect(result.diagnostics[0]!.message).toBe("this quote is not closed before the end of the line");
    const line = statement(result.all, 1);
    expect(line.args.map((w) => w.text)).toEqual(['"127.0.0.1 local0 # x']);
    expect(line.comment).toBeUndefined();
    expect(statement(result.all, 2).keyword.text).toBe("daemon");
  });

  it("reports an unclosed single quote after a closed one in the same word", () => {
    expect(report("global\n  log 'a'b'c\n")).toEqual([["unterminated-quote", "error", "1:10-1:12 @17-19"]]);
  });

  it("reports one diagnostic per line with an unclosed quote, in order", () => {
    expect(report("global\n  a \"x\n  b 'y\n")).toEqual([
      ["unterminated-quote", "error", "1:4-1:6 @11-13"],
      ["unterminated-quote", "error", "2:4-2:6 @18-20"],
    ]);
  });

  it("does not report quotes that are escaped or inside the other kind of quote", () => {
    expect(report("global\n  a \\\" \"it's\" 'say \"hi\"' \\'\n")).toEqual([]);
  });
});

describe("NUL characters", () => {
  it("reports each NUL character on its own (haproxy: Stray NUL character)", () => {
    expect(report("global\n  maxconn 1\u00000\n\u0000\n")).toEqual([
      ["nul-character", "error", "1:11-1:12 @18-19"],
      ["nul-character", "error", "2:0-2:1 @21-22"],
    ]);
  });

  it("keeps a NUL inside the word it stands in", () => {
    const { all } = parse("global\n  maxconn 1\u00000\n");
    expect(statement(all, 1).args.map((w) => w.text)).toEqual(["1\u00000"]);
  });
});

describe("the final newline", () => {
  it("reports a last line without a line break over the whole last line", () => {
    // haproxy 2.6: "Missing LF on last line, file might have been truncated".
    const result = parse("global\n  daemon");
    expect(result.diagnostics.map((d) => [d.code, d.severity, loc(d.range)])).toEqual([["missing-final-newline", "error", "1:0-1:8 @7-15"]]);
    expect(result.diagnostics[0]!.message).toContain("no line break");
  });

  it("reports a one-line file without a line break", () => {
    expect(report("global")).toEqual([["missing-final-newline", "error", "0:0-0:6 @0-6"]]);
  });

  it("reports a file that ends with a lone CR, which is not a line feed", () => {
    expect(report("global\r")).toEqual([["missing-final-newline", "error", "1:0-1:0 @7-7"]]);
  });

  it("accepts files that end with LF or CRLF, and the empty file", () => {
    expect(report("global\n")).toEqual([]);
    expect(report("global\r\n")).toEqual([]);
    expect(report("")).toEqual([]);
  });
});

describe("too many words", () => {
  const line = (count: number) => Array.from({ length: count }, () => "a").join(" ");

  it("allows 64 words on a line", () => {
    expect(MAX_WORDS_PER_LINE).toBe(64);
    expect(report(`global\n${line(64)}\n`)).toEqual([]);
  });

  it("reports the words after the 64th, from the 65th to the last (haproxy: too many words, truncating after word 64)", () => {
    // Word k starts at column 2(k-1): word 65 at column 128, word 70 at column 138.
    expect(report(`global\n${line(65)}\n`)).toEqual([["too-many-words", "error", "1:128-1:129 @135-136"]]);
    expect(report(`global\n${line(70)}\n`)).toEqual([["too-many-words", "error", "1:128-1:139 @135-146"]]);
  });

  it("still reads every word of a line that has too many", () => {
    const { all } = parse(`global\n${line(70)}\n`);
    expect(all[1]!.words).toHaveLength(70);
  });

  it("does not count the words of a comment", () => {
    expect(report(`global\n  a # ${line(100)}\n`)).toEqual([]);
  });
});

describe("all diagnostics together", () => {
  const text = [
    "maxconn 1", //                      outside-section at 0
    ".if (", //                          unterminated-conditional at 10, invalid-predicate at 15
    "global", //
    '  log "x', //                       unterminated-quote at 29
    "  a\u0000", //                      nul-character at 35
    "  http-request deny if { src", //   unclosed-anonymous-acl at 60
    ".else", //
    ".else", //                          conditional-after-else at 72
    "  b", //                            missing-final-newline at 78
  ].join("\n");

  it("returns every diagnostic sorted by where it starts", () => {
    const result = parse(text);
    expect(result.diagnostics.map((d) => [d.code, d.range.startOffset])).toEqual([
      ["outside-section", 0],
      ["unterminated-conditional", 10],
      ["invalid-predicate", 15],
      ["unterminated-quote", 29],
      ["nul-character", 35],
      ["unclosed-anonymous-acl", 60],
      ["conditional-after-else", 72],
      ["missing-final-newline", 78],
    ]);
    expect(result.diagnostics.every((d) => d.severity === "error")).toBe(true);
  });

  it("keeps every diagnostic range inside the document", () => {
    const result = parse(text);
    expect(codes(result)).toHaveLength(8);
    for (const d of result.diagnostics) {
      expect(d.range.startOffset).toBeGreaterThanOrEqual(0);
      expect(d.range.startOffset).toBeLessThanOrEqual(d.range.endOffset);
      expect(d.range.endOffset).toBeLessThanOrEqual(text.length);
    }
  });
});

describe("haproxy's own line limits", () => {
  it("reports a blank after exactly 64 words, which haproxy reads as a 65th", () => {
    const words = Array.from({ length: 63 }, (_, i) => `w${i}`).join(" ");
    expect(parse(`global\n  a ${words}\n`).diagnostics).toEqual([]);
    const trailing = parse(`global\n  a ${words} # note\n`);
    expect(trailing.diagnostics.map((d) => [d.code, d.range.start.line, d.range.text])).toEqual([["too-many-words", 1, " "]]);
  });

  it("reports text after a carriage return that follows a word, which haproxy ignores", () => {
    const result = parse("global\n  maxconn 10\rdaemon\n  nbthread 2 \r 4\n");
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line, d.range.text])).toEqual([["carriage-return", 1, "\rdaemon"]]);
  });
});

describe("templates", () => {
  it("does not take a log format's `{%[` for a Jinja statement when no `%}` closes it", () => {
    // Found on a real file (twelfth round): a commented-out log format with `{%[ssl_c_verify],…}`
    // was said to make the file a template; haproxy 2.6.12 accepts the file, and there is no template.
    const text = 'frontend f\n  #log-format "%ci:%cp {%[ssl_c_verify],%{+Q}[ssl_c_s_dn]} %{+Q}r"\n  log-format "{%[ssl_c_verify]}"\n';
    expect(report(text)).toEqual([]);
  });

  it("still reports a file with a Jinja statement, at its `{%`", () => {
    expect(report("frontend f\n  {% if tls %}\n  bind :443\n  {% endif %}\n")).toEqual([["template-syntax", "info", "1:2-1:4 @13-15"]]);
    expect(report('frontend f\n  log-format "{%[src]}"\n  bind {{ addr }}\n').map((d) => d[0])).toEqual(["template-syntax"]);
  });
});
