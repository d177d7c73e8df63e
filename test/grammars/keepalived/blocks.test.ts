// How braces build blocks. The tree follows the braces as written; comments quote what keepalived
// 2.2.7 (`keepalived -t -f FILE -l -D`) made of the same text where that shaped an expectation.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseKeepalived } from "../../../grammars/keepalived/parse.js";
import { printKeepalived } from "../../../grammars/keepalived/print.js";
import { keepalivedItems, keepalivedStatements } from "../../../grammars/keepalived/walk.js";
import { blockAt, codes, itemsOf, loc, parse, statementAt, statementWords } from "./helpers.js";

const CASES = "/work/shared/research/oracle-cases/keepalived/";

describe("nested blocks", () => {
  const text = [
    "vrrp_instance VI_1 {",
    "    state MASTER",
    "    virtual_ipaddress {",
    "        10.0.0.100/24",
    "        10.0.0.101/24 dev eth0",
    "    }",
    "}",
    "",
  ].join("\n");
  const result = parse(text);

  it("puts a block inside the block whose braces enclose it, with exact ranges", () => {
    expect(codes(result)).toEqual([]);
    const outer = blockAt(result.ast, 0);
    expect(outer.header?.words.map((w) => w.value)).toEqual(["vrrp_instance", "VI_1"]);
    expect(loc(outer.range)).toBe("0:0-6:1 @0-122");
    expect(loc(outer.open.range)).toBe("0:19-0:20 @19-20");
    expect(loc(outer.close!.range)).toBe("6:0-6:1 @121-122");
    expect(outer.beforeOpen.map((t) => t.text)).toEqual([" "]);

    expect(itemsOf(outer).map((i) => i.kind)).toEqual(["statement", "block"]);
    expect(loc(statementAt(outer, 0).range)).toBe("1:4-1:16 @25-37");
    const inner = blockAt(outer, 1);
    expect(loc(inner.range)).toBe("2:4-5:5 @42-120");
    expect(loc(inner.header!.range)).toBe("2:4-2:21 @42-59");
    expect(loc(inner.open.range)).toBe("2:22-2:23 @60-61");
    expect(loc(inner.close!.range)).toBe("5:4-5:5 @119-120");
  });

  it("reads every line of a value block as its own statement, later words as that entry's options", () => {
    const inner = blockAt(blockAt(result.ast, 0), 1);
    const entries = itemsOf(inner).map((item) => (item.kind === "statement" ? item.words.map((w) => w.value) : item.kind));
    expect(entries).toEqual([["10.0.0.100/24"], ["10.0.0.101/24", "dev", "eth0"]]);
    expect(loc(statementAt(inner, 1).range)).toBe("4:8-4:30 @92-114");
  });

  it("walks items parents first and lists block headers among the statements", () => {
    expect([...keepalivedItems(result.ast)].map((i) => i.kind)).toEqual(["block", "statement", "block", "statement", "statement"]);
    expect(statementWords(result).map((w) => w[0])).toEqual(["vrrp_instance", "state", "virtual_ipaddress", "10.0.0.100/24", "10.0.0.101/24"]);
    const inner = blockAt(blockAt(result.ast, 0), 1);
    expect([...keepalivedStatements(inner)].map((s) => s.keyword.value)).toEqual(["10.0.0.100/24", "10.0.0.101/24"]);
  });
});

describe("an opening brace on a later line", () => {
  it("heads the block with the statement before it, keeping the comment line in between", () => {
    // keepalived -t: `priority 0#5` inside such a block is reported against VI_1, so the block opened.
    const text = "vrrp_instance VI_1\n# the block follows\n{\n    state BACKUP\n}\n";
    const result = parse(text);
    expect(codes(result)).toEqual([]);
    const block = blockAt(result.ast, 0);
    expect(loc(block.header!.range)).toBe("0:0-0:18 @0-18");
    expect(block.beforeOpen.map((t) => [t.kind, t.text])).toEqual([
      ["newline", "\n"],
      ["comment", "# the block follows"],
      ["newline", "\n"],
    ]);
    expect(loc(block.open.range)).toBe("2:0-2:1 @39-40");
    expect(loc(block.range)).toBe("0:0-4:1 @0-59");
    expect(statementAt(block, 0).words.map((w) => w.value)).toEqual(["state", "BACKUP"]);
  });

  it("builds the same blocks from the k36 case file as from `keyword {`", () => {
    const result = parse(readFileSync(`${CASES}k36_brace_nextline.conf`, "utf8"));
    expect(codes(result)).toEqual([]);
    const instance = blockAt(result.ast, 1);
    expect(loc(instance.open.range)).toBe("4:0-4:1 @49-50");
    const vip = blockAt(instance, 4);
    expect(vip.header!.keyword.value).toBe("virtual_ipaddress");
    expect(loc(vip.open.range)).toBe("10:2-10:3 @143-144");
    expect(statementAt(vip, 0).keyword.value).toBe("10.0.0.100/24");
  });
});

describe("one-line blocks", () => {
  it("reads `authentication { auth_type PASS auth_pass x }` as one statement with three arguments", () => {
    // keepalived -t (k01): `auth_pass x` becomes extra arguments of auth_type and is dropped.
    const text = "vrrp_instance VI_1 {\n  authentication { auth_type PASS auth_pass x }\n}\n";
    const auth = blockAt(blockAt(parse(text).ast, 0), 0);
    expect(loc(auth.range)).toBe("1:2-1:47 @23-68");
    expect(itemsOf(auth)).toHaveLength(1);
    const statement = statementAt(auth, 0);
    expect(statement.keyword.value).toBe("auth_type");
    expect(statement.args.map((w) => w.value)).toEqual(["PASS", "auth_pass", "x"]);
    expect(loc(statement.range)).toBe("1:19-1:45 @40-66");
    expect(statement.sharesLine).toBe(true);
    expect(auth.header!.sharesLine).toBe(true);
  });

  it("nests `real_server … { weight 1 TCP_CHECK { connect_timeout 3 } }` by its braces", () => {
    // keepalived -t (k03) reads `weight 1 TCP_CHECK`, then an unexpected `{`: the tree keeps that
    // statement as the header of the inner block, so a checker sees `weight` heading a block.
    const result = parse(readFileSync(`${CASES}k03_oneline_rs.conf`, "utf8"));
    expect(codes(result)).toEqual([]);
    const server = blockAt(result.ast, 1);
    expect(itemsOf(server).map((i) => i.kind)).toEqual(["statement", "statement", "statement", "statement", "block", "block"]);
    const first = blockAt(server, 4);
    expect(first.header!.words.map((w) => w.value)).toEqual(["real_server", "10.0.0.1", "80"]);
    expect(loc(first.range)).toBe("8:2-8:70 @120-188");
    const weight = blockAt(first, 0);
    expect(weight.header!.words.map((w) => w.value)).toEqual(["weight", "1", "TCP_CHECK"]);
    expect(loc(weight.range)).toBe("8:28-8:68 @146-186");
    expect(loc(statementAt(weight, 0).range)).toBe("8:49-8:66 @167-184");
    expect(statementAt(weight, 0).words.map((w) => w.value)).toEqual(["connect_timeout", "3"]);
    const second = blockAt(server, 5);
    expect(second.header!.args.map((w) => w.value)).toEqual(["10.0.0.2", "80"]);
    expect(second.header!.sharesLine).toBe(false);
  });
});

describe("text after a closing brace", () => {
  const text = [
    "vrrp_instance VI_1 {",
    "  virtual_ipaddress {",
    "    10.0.0.100/24",
    "  } priority 200",
    "} vrrp_instance VI_2 {",
    "  virtual_router_id 52",
    "}",
    "",
  ].join("\n");
  const result = parse(text);

  it("is a statement of the enclosing block (keepalived -t, k37: priority 200 applied)", () => {
    expect(codes(result)).toEqual([]);
    const first = blockAt(result.ast, 0);
    expect(itemsOf(first).map((i) => i.kind)).toEqual(["block", "statement"]);
    expect(loc(blockAt(first, 0).close!.range)).toBe("3:2-3:3 @63-64");
    const priority = statementAt(first, 1);
    expect(priority.words.map((w) => w.value)).toEqual(["priority", "200"]);
    expect(loc(priority.range)).toBe("3:4-3:16 @65-77");
    expect(priority.sharesLine).toBe(true);
  });

  it("can head the next block (keepalived -t, k37: VI_2 created)", () => {
    const second = blockAt(result.ast, 1);
    expect(loc(blockAt(result.ast, 0).close!.range)).toBe("4:0-4:1 @78-79");
    expect(loc(second.header!.range)).toBe("4:2-4:20 @80-98");
    expect(second.header!.sharesLine).toBe(true);
    expect(loc(second.range)).toBe("4:2-6:1 @80-125");
  });
});

describe("unbalanced braces", () => {
  it("ends a block that is never closed at the end of the file, without a close brace", () => {
    const result = parse(readFileSync(`${CASES}k12_missing_close.conf`, "utf8"));
    const instance = blockAt(result.ast, 1);
    expect(instance.close).toBeUndefined();
    expect(blockAt(instance, 4).close).toBeDefined();
    expect(loc(instance.range)).toBe("3:0-11:0 @30-163");
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["missing-close-brace", "3:19-3:20 @49-50"]]);
  });

  it("keeps a `}` that closes nothing as a stray brace at the level where it stands", () => {
    const result = parse("global_defs {\n}\n}\nvrrp_script chk {\n}\n");
    expect(itemsOf(result.ast).map((i) => i.kind)).toEqual(["block", "stray-brace", "block"]);
    expect(loc(itemsOf(result.ast)[1]!.range)).toBe("2:0-2:1 @16-17");
    expect(codes(result)).toEqual(["unexpected-close-brace"]);
  });

  it("makes a `{` with no statement before it a block without a header", () => {
    const result = parse("global_defs {\n}\n{\n  router_id T\n}\n");
    const bare = blockAt(result.ast, 1);
    expect(bare.header).toBeUndefined();
    expect(loc(bare.range)).toBe("2:0-4:1 @16-33");
    expect(statementAt(bare, 0).words.map((w) => w.value)).toEqual(["router_id", "T"]);
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["unexpected-open-brace", "2:0-2:1 @16-17"]]);
  });

  it("reads a file of braces alone as nested header-less blocks and stray braces", () => {
    const result = parse("{ {}\n}}");
    expect(itemsOf(result.ast).map((i) => i.kind)).toEqual(["block", "stray-brace"]);
    const outer = blockAt(result.ast, 0);
    expect(itemsOf(outer).map((i) => i.kind)).toEqual(["block"]);
    expect(codes(result)).toEqual(["unexpected-open-brace", "unexpected-open-brace", "unexpected-close-brace"]);
  });
});

describe("pathological nesting", () => {
  it("reads braces past a hundred levels flat instead of running out of stack", () => {
    const depth = 5000;
    const text = "x {\n".repeat(depth) + "}\n".repeat(depth);
    const result = parseKeepalived(text);
    expect(printKeepalived(result.ast)).toBe(text);
    expect(result.diagnostics.filter((d) => d.code === "nesting-too-deep").map((d) => d.range.start.line)).toEqual([100]);
  });
});

describe("alternative @id headers", () => {
  // keepalived 2.2.7 keeps an `@id` line only on the host of that id (`-i lb1`), `{` and all:
  // with `-i lb1` the body below is vrrp_instance A's, with `-i lb2` B's (test/oracle/alternative-headers.test.ts).
  const text = ["@lb1 vrrp_instance A {", "@lb2 vrrp_instance B {", "    state MASTER", "}", "other 1", ""].join("\n");

  it("reads one block with the second header as an alternative, closed by the one '}'", () => {
    const result = parse(text);
    expect(codes(result)).toEqual([]);
    expect(printKeepalived(result.ast)).toBe(text);
    const block = blockAt(result.ast, 0);
    expect(block.header?.words.map((w) => w.value)).toEqual(["vrrp_instance", "A"]);
    expect(block.alternatives).toHaveLength(1);
    const [alternative] = block.alternatives;
    expect(alternative!.header.configId?.id).toBe("lb2");
    expect(alternative!.header.words.map((w) => w.value)).toEqual(["vrrp_instance", "B"]);
    expect(loc(alternative!.range)).toBe("1:0-1:22 @23-45");
    expect(loc(alternative!.open.range)).toBe("1:21-1:22 @44-45");
    expect(itemsOf(block).map((i) => i.kind)).toEqual(["alternative-header", "statement"]);
    expect(loc(block.close!.range)).toBe("3:0-3:1 @63-64");
    expect(statementAt(result.ast, 1).words.map((w) => w.value)).toEqual(["other", "1"]);
    expect(statementWords(result)).toEqual([["vrrp_instance", "A"], ["vrrp_instance", "B"], ["state", "MASTER"], ["other", "1"]]);
  });

  it("chains headers that no two hosts share: @a, @b, @c, and @a with @^a", () => {
    const three = parse("@a x {\n@b y {\n@c z {\nk v\n}\n");
    expect(codes(three)).toEqual([]);
    expect(blockAt(three.ast, 0).alternatives.map((a) => a.header.wordValue(0))).toEqual(["y", "z"]);
    const negated = parse("@a x {\n@^a y {\nk v\n}\n");
    expect(blockAt(negated.ast, 0).alternatives.map((a) => a.header.wordValue(0))).toEqual(["y"]);
  });

  it("nests blocks as written where some host keeps both lines, or a line goes on after its '{'", () => {
    for (const nested of ["@a x {\n@a y {\nk\n}\n}\n", "@^a x {\n@^b y {\nk\n}\n}\n", "@a x {\n@^b y {\nk\n}\n}\n", "@a x {\n@b y { k\n}\n}\n", "x {\n@b y {\nk\n}\n}\n", "@a x\n{\n@b y {\nk\n}\n}\n", "@a x {\n@b y\n{\nk\n}\n}\n"]) {
      const result = parse(nested);
      expect(codes(result), nested).toEqual([]);
      const outer = blockAt(result.ast, 0);
      expect(outer.alternatives, nested).toEqual([]);
      expect(itemsOf(outer).map((i) => i.kind), nested).toEqual(["block"]);
    }
  });

  it("keeps a line that ends the run as the body's first item", () => {
    const result = parse("@a x {\n@b y {\n@a z {\nk\n}\n}\n");
    const block = blockAt(result.ast, 0);
    expect(block.alternatives.map((a) => a.header.wordValue(0))).toEqual(["y"]);
    expect(itemsOf(block).map((i) => i.kind)).toEqual(["alternative-header", "block"]);
    expect(codes(result)).toEqual([]);
  });
});
