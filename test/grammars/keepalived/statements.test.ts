// What one statement is: keepalived 2.2.7 reads each brace-delimited piece of a line as ONE
// statement, its first word the keyword. Expectations about how many statements keepalived reads
// were checked with `keepalived -t` (an unknown first word is reported, later words are not).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { blockAt, codes, itemsOf, loc, onlyStatement, parse, statementAt, statementWords, triviaTexts } from "./helpers.js";

describe("several keywords on one line", () => {
  // keepalived -t: `bogus1 bogus2 bogus3` reports only 'bogus1'; k49c/k49d: priority and
  // advert_int keep their defaults, silently.
  const text = "vrrp_instance VI_1 {\n  state BACKUP priority 150\n  virtual_router_id 51 advert_int 3\n}\n";
  const instance = blockAt(parse(text).ast, 0);

  it("makes `state BACKUP priority 150` one statement with three arguments", () => {
    const state = statementAt(instance, 0);
    expect(state.keyword.value).toBe("state");
    expect(state.args.map((w) => w.value)).toEqual(["BACKUP", "priority", "150"]);
    expect(loc(state.range)).toBe("1:2-1:27 @23-48");
    expect(state.line).toBe(1);
    expect(state.sharesLine).toBe(false);
  });

  it("makes `virtual_router_id 51 advert_int 3` one statement too", () => {
    const vrid = statementAt(instance, 1);
    expect(vrid.words.map((w) => w.value)).toEqual(["virtual_router_id", "51", "advert_int", "3"]);
    expect(loc(vrid.range)).toBe("2:2-2:35 @51-84");
    expect(itemsOf(instance)).toHaveLength(2);
  });
});

describe("sharesLine", () => {
  const shares = (text: string) => [...keepalivedStatements(parse(text).ast)].map((s) => [s.keyword.value, s.sharesLine]);

  it("is false for a header followed by its own `{`, as for a `{` on the next line", () => {
    expect(shares("vrrp_instance VI_1 {\n  state MASTER\n}\n")).toEqual([
      ["vrrp_instance", false],
      ["state", false],
    ]);
    expect(shares("vrrp_instance VI_1\n{\n  state MASTER\n}\n")).toEqual([
      ["vrrp_instance", false],
      ["state", false],
    ]);
  });

  it("is true for every statement of a one-line block, header included", () => {
    expect(shares("virtual_ipaddress { 10.0.0.100/24 }\n")).toEqual([
      ["virtual_ipaddress", true],
      ["10.0.0.100/24", true],
    ]);
  });

  it("is true for a statement before or after a `}` on its line", () => {
    expect(shares("virtual_ipaddress {\n  10.0.0.100/24 }\nvrrp_script chk {\n} interval 2\n")).toEqual([
      ["virtual_ipaddress", false],
      ["10.0.0.100/24", true],
      ["vrrp_script", false],
      ["interval", true],
    ]);
  });

  it("is not set by comments or spaces after a statement", () => {
    expect(shares("router_id   lb1   # the first balancer\n")).toEqual([["router_id", false]]);
  });
});

describe("statement tokens and ranges", () => {
  it("runs from the first word to the last, inner spaces included and trailing ones left outside", () => {
    const result = parse("  router_id \t lb1  # note\n");
    const statement = statementAt(result.ast, 0);
    expect(loc(statement.range)).toBe("0:2-0:17 @2-17");
    expect(statement.tokens.map((t) => [t.kind, t.text])).toEqual([
      ["word", "router_id"],
      ["whitespace", " \t "],
      ["word", "lb1"],
    ]);
    expect(result.ast.children.map((c) => c.kind)).toEqual(["whitespace", "statement", "whitespace", "comment", "newline"]);
  });

  it("treats tabs, vertical tabs and a lone carriage return as spaces between words", () => {
    // keepalived -t: `bogusCR\rbogusX` and `bogusV\vbogusW` each report only their first word.
    const statement = onlyStatement("router_id\tlb1\rlb2\vlb3");
    expect(statement.words.map((w) => w.value)).toEqual(["router_id", "lb1", "lb2", "lb3"]);
    expect(statement.line).toBe(0);
    // Editors count a lone `\r` as a line break, so the word after it starts a new line for them.
    expect(loc(statement.args[1]!.range)).toBe("1:0-1:3 @14-17");
  });

  it("reads words, counts and ranges from the parse's table as the made words give them, prefixes skipped", () => {
    const text = '@lb1 ~SEQ(i, 1, 1, 2) script "/bin/check x" a\n~SEQ(j, 1, 1, 2)\nweight -2\n';
    const read = parse(text).ast.items.map((item) => item.kind === "statement" && [item.wordCount, item.hasPrefix, item.prefixOnly, [0, 1, 2, 3].map((i) => [item.wordText(i), item.wordValue(i), item.wordIs(i, "a"), item.wordRange(i) && loc(item.wordRange(i)!)])]);
    // The same statements again, their words made first: every answer must be the same.
    const made = parse(text).ast.items.map((item) => item.kind === "statement" && (item.words, [item.wordCount, item.hasPrefix, item.prefixOnly, [0, 1, 2, 3].map((i) => [item.wordText(i), item.wordValue(i), item.wordIs(i, "a"), item.wordRange(i) && loc(item.wordRange(i)!)])]));
    expect(read).toEqual(made);
    expect(read[0]).toEqual([3, true, false, [["script", "script", false, "0:22-0:28 @22-28"], ['"/bin/check x"', "/bin/check x", false, "0:29-0:43 @29-43"], ["a", "a", true, "0:44-0:45 @44-45"], [undefined, undefined, false, undefined]]]);
    expect(read[1]).toEqual([1, false, true, [["~SEQ(j, 1, 1, 2)", "~SEQ(j, 1, 1, 2)", false, "1:0-1:16 @46-62"], [undefined, undefined, false, undefined], [undefined, undefined, false, undefined], [undefined, undefined, false, undefined]]]);
  });
});

describe("CRLF line endings and tabs", () => {
  it("keeps `\\r\\n` in newline trivia and out of every word and range", () => {
    const text = "vrrp_instance VI_1 {\r\n\tstate MASTER\r\n\tvirtual_ipaddress {\r\n\t\t10.0.0.100/24\r\n\t}\r\n}\r\n";
    const result = parse(text);
    expect(codes(result)).toEqual([]);
    const instance = blockAt(result.ast, 0);
    expect(loc(statementAt(instance, 0).range)).toBe("1:1-1:13 @23-35");
    const vip = blockAt(instance, 1);
    expect(loc(statementAt(vip, 0).range)).toBe("3:2-3:15 @61-74");
    expect(loc(vip.close!.range)).toBe("4:1-4:2 @77-78");
    expect(loc(instance.range)).toBe("0:0-5:1 @0-81");
    expect(triviaTexts(instance, "newline")).toEqual(["\r\n", "\r\n", "\r\n"]);
  });

  it("reads the k39 case file (CRLF and tabs, accepted by keepalived -t) with no carriage return in any word", () => {
    const result = parse(readFileSync("/work/shared/research/oracle-cases/keepalived/k39_crlf_tabs.conf", "utf8"));
    expect(codes(result)).toEqual([]);
    const words = statementWords(result);
    expect(words).toHaveLength(9);
    expect(words.flat().some((w) => w.includes("\r"))).toBe(false);
    expect(words[6]).toEqual(["priority", "100"]);
  });
});

describe("include", () => {
  it("is a statement with the file pattern as its argument", () => {
    const statement = onlyStatement("include /etc/keepalived/conf.d/*.conf");
    expect(statement.keyword.value).toBe("include");
    expect(statement.args.map((w) => w.value)).toEqual(["/etc/keepalived/conf.d/*.conf"]);
  });

  it("keeps the braces of a csh-style glob in the file name (keepalived -t included both files)", () => {
    const result = parse("include /etc/keepalived/{vrrp,lvs}.conf  # both\n");
    expect(codes(result)).toEqual([]);
    expect(itemsOf(result.ast).map((i) => i.kind)).toEqual(["statement"]);
    const pattern = statementAt(result.ast, 0).args[0]!;
    expect(pattern.value).toBe("/etc/keepalived/{vrrp,lvs}.conf");
    expect(loc(pattern.range)).toBe("0:8-0:39 @8-39");
  });

  it("keeps glob braces whole inside a block and after a brace", () => {
    const result = parse("vrrp_sync_group G {\n  include /etc/k/{a,b}.inc\n}\nx { include /etc/k/{c}.inc\n}\n");
    expect(codes(result)).toEqual([]);
    expect(statementAt(blockAt(result.ast, 0), 0).args.map((w) => w.value)).toEqual(["/etc/k/{a,b}.inc"]);
    expect(statementAt(blockAt(result.ast, 1), 0).args.map((w) => w.value)).toEqual(["/etc/k/{c}.inc"]);
  });

  it("takes a quoted file name as one word, and leaves braces alone when include is not the keyword", () => {
    expect(onlyStatement('include "/etc/keepalived/my file.conf"').args.map((w) => w.value)).toEqual(["/etc/keepalived/my file.conf"]);
    const result = parse("vrrp_instance include {\n}\n");
    expect(blockAt(result.ast, 0).header!.words.map((w) => w.value)).toEqual(["vrrp_instance", "include"]);
  });
});
