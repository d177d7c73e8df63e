// The syntax diagnostics of parseKeepalived: code, severity and exact range. Line-length limits
// were measured with keepalived 2.2.7, which reads a line into a 1024-byte buffer (1023 bytes of
// text) and reads the rest as a new line: its `Unknown keyword` for the second piece shows the cut.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { codes, loc, parse, statementAt } from "./helpers.js";

const found = (result: KeepalivedParseResult) => result.diagnostics.map((d) => [d.code, d.severity, loc(d.range)]);

describe("quotes", () => {
  it("reports an unterminated quote in a statement on the quoted word", () => {
    expect(found(parse('vrrp_script chk {\n  script "/usr/bin/pgrep haproxy\n  interval 2\n}\n'))).toEqual([
      ["unterminated-quote", "error", "1:9-1:32 @27-50"],
    ]);
  });

  it("reports an unterminated quote in a block header", () => {
    expect(found(parse('vrrp_script "chk\n{\n}\n'))).toEqual([["unterminated-quote", "error", "0:12-0:16 @12-16"]]);
  });
});

describe("braces", () => {
  it("reports each block left open at the end of the file on its `{`, naming its keyword", () => {
    const result = parse("vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n");
    expect(found(result)).toEqual([
      ["missing-close-brace", "error", "0:19-0:20 @19-20"],
      ["missing-close-brace", "error", "1:20-1:21 @41-42"],
    ]);
    expect(result.diagnostics[0]!.message).toContain("'vrrp_instance'");
    expect(result.diagnostics[1]!.message).toContain("'virtual_ipaddress'");
  });

  it("reports a `}` that closes nothing, once per brace", () => {
    expect(found(parse("global_defs {\n}\n} }\n"))).toEqual([
      ["unexpected-close-brace", "error", "2:0-2:1 @16-17"],
      ["unexpected-close-brace", "error", "2:2-2:3 @18-19"],
    ]);
  });

  it("reports a `{` with no statement before it, and also as never closed when no `}` follows", () => {
    expect(found(parse("global_defs {\n}\n{\n"))).toEqual([
      ["unexpected-open-brace", "error", "2:0-2:1 @16-17"],
      ["missing-close-brace", "error", "2:0-2:1 @16-17"],
    ]);
  });

  it("reports nothing for balanced blocks however they are laid out", () => {
    expect(codes(parse("a { b { c } d }\ne\n{\n}\nf { } g { h\n}\n"))).toEqual([]);
  });
});

describe("line length", () => {
  it("accepts 1023 bytes and reports the rest of a 1024-byte line (keepalived -t read the 1024th byte as a keyword)", () => {
    expect(codes(parse(`router_id ${"a".repeat(1013)}\n`))).toEqual([]);
    expect(found(parse(`router_id ${"a".repeat(1013)}Z\nnext\n`))).toEqual([["line-too-long", "error", "0:1023-0:1024 @1023-1024"]]);
  });

  it("does not count the carriage return of a CRLF line ending (keepalived -t read 1023 bytes + CRLF whole)", () => {
    expect(codes(parse(`router_id ${"a".repeat(1013)}\r\nnext\r\n`))).toEqual([]);
    expect(found(parse(`router_id ${"a".repeat(1014)}\r\n`))).toEqual([["line-too-long", "error", "0:1023-0:1024 @1023-1024"]]);
  });

  it("counts UTF-8 bytes, starting the report at the first character that does not fit whole", () => {
    // 511 × `é` are 1022 bytes; the 512th would straddle the limit.
    expect(found(parse(`${"é".repeat(600)}\n`))).toEqual([["line-too-long", "error", "0:511-0:600 @511-600"]]);
    // 1000 + 5 × 4 bytes fit; keepalived's second piece began inside the 6th emoji.
    expect(found(parse(`${"x".repeat(1000)}${"😀".repeat(10)}`))).toEqual([["line-too-long", "error", "0:1010-0:1020 @1010-1020"]]);
  });

  it("reports a very long line once, on the line where it stands", () => {
    expect(found(parse(`a\n${"b".repeat(3000)}\nc\n`))).toEqual([["line-too-long", "error", "1:1023-1:3000 @1025-3002"]]);
  });
});

describe("NUL bytes", () => {
  it("reports the rest of the line after a NUL, which keepalived ignores (k46)", () => {
    const result = parse(readFileSync("/work/shared/research/oracle-cases/keepalived/k46_nul.conf", "utf8"));
    expect(found(result)).toEqual([["nul-character", "error", "1:13-1:15 @27-29"]]);
  });

  it("reports one NUL per line, on every line that has one", () => {
    expect(found(parse("a \0 \0 b\nc\nd \0\r\n"))).toEqual([
      ["nul-character", "error", "0:2-0:7 @2-7"],
      ["nul-character", "error", "2:2-2:3 @12-13"],
    ]);
  });
});

describe("templates", () => {
  it("warns once, at the first template marker, whatever the number of expressions", () => {
    const result = parse("vrrp_instance {{ name }} {\n  priority {{ prio }}\n  {% if vip %}\n  virtual_ipaddress {\n    {{ vip }}\n  }\n  {% endif %}\n}\n");
    expect(found(result)).toEqual([["template-syntax", "info", "0:14-0:16 @14-16"]]);
    expect(statementAt(result.ast.children.find((c) => c.kind === "block")!, 0).args.map((w) => w.value)).toEqual(["{{ prio }}"]);
  });
});

describe("order", () => {
  it("returns diagnostics sorted by where they start", () => {
    const result = parse('}\nscript "x\n{\n' + `${"y".repeat(1100)}\n`);
    const starts = result.diagnostics.map((d) => d.range.startOffset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(codes(result)).toEqual(["unexpected-close-brace", "unterminated-quote", "missing-close-brace", "line-too-long"]);
  });
});
