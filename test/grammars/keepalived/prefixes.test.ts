// `@id` / `@^id` and `~SEQ(...)` prefixes. keepalived strips them where it starts reading a line (a
// physical line or the residue after a brace) and reads the rest as the statement; a `~SEQ` may
// follow another prefix. Each placement below was checked with `keepalived -t` (with and without
// `-i lb1`): a kept line's unknown keyword is reported, a dropped line is silent.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Statement } from "../../../grammars/keepalived/ast.js";
import { printKeepalived } from "../../../grammars/keepalived/print.js";
import { blockAt, loc, onlyStatement, parse, statementAt } from "./helpers.js";

const prefixes = (statement: Statement) => statement.tokens.filter((t) => t.kind === "config-id" || t.kind === "sequence").map((t) => t.text);

describe("config-id prefixes", () => {
  const instance = blockAt(parse(readFileSync("/work/shared/research/oracle-cases/keepalived/k08_configid.conf", "utf8")).ast, 1);

  it("set configId on the statement and leave the keyword after them (k08)", () => {
    const master = statementAt(instance, 0);
    expect(master.words.map((w) => w.value)).toEqual(["state", "MASTER"]);
    expect(master.configId).toMatchObject({ kind: "config-id", text: "@lb1", id: "lb1", negated: false });
    expect(loc(master.configId!.range)).toBe("4:2-4:6 @53-57");
    expect(loc(master.range)).toBe("4:2-4:19 @53-70");
    expect(loc(master.keyword.range)).toBe("4:7-4:12 @58-63");
    expect(master.line).toBe(4);
    expect(printKeepalived(master)).toBe("@lb1 state MASTER");
  });

  it("mark `@^id` as negated", () => {
    const fifty = statementAt(instance, 2);
    expect(fifty.configId).toMatchObject({ text: "@^lb1", id: "lb1", negated: true });
    expect(loc(fifty.configId!.range)).toBe("6:2-6:7 @93-98");
    expect(fifty.words.map((w) => w.value)).toEqual(["priority", "50"]);
    expect(statementAt(instance, 4).configId).toBeUndefined();
  });

  it("are read after a brace too (keepalived -t: `x { @lb1 bogusH }` is silent on another host)", () => {
    const vip = blockAt(blockAt(parse("vrrp_instance VI_1 {\n  virtual_ipaddress { @lb1 10.0.0.1/24 }\n}\n").ast, 0), 0);
    const entry = statementAt(vip, 0);
    expect(entry.keyword.value).toBe("10.0.0.1/24");
    expect(entry.configId?.id).toBe("lb1");
    expect(loc(entry.configId!.range)).toBe("1:22-1:26 @43-47");
  });

  it("are plain words after a keyword, and a second `@id` is the keyword (keepalived -t: `@vm @vm x` → '@vm')", () => {
    expect(onlyStatement("router_id @lb1").args.map((w) => w.value)).toEqual(["@lb1"]);
    expect(onlyStatement("router_id @lb1").configId).toBeUndefined();
    const doubled = onlyStatement("@vm @vm bogusX");
    expect(doubled.configId?.id).toBe("vm");
    expect(doubled.words.map((w) => w.value)).toEqual(["@vm", "bogusX"]);
  });
});

describe("sequence prefixes", () => {
  it("give the form and trimmed parameters of `~SEQ(i, 1, 1, 3)` and keep the statement after it", () => {
    const result = parse("virtual_ipaddress {\n  ~SEQ(i, 1, 1, 3) 10.0.0.${i}/24\n}\n");
    const entry = statementAt(blockAt(result.ast, 0), 0);
    expect(entry.sequence).toMatchObject({ kind: "sequence", text: "~SEQ(i, 1, 1, 3)", form: "SEQ", params: ["i", "1", "1", "3"] });
    expect(loc(entry.sequence!.range)).toBe("1:2-1:18 @22-38");
    expect(entry.keyword.value).toBe("10.0.0.${i}/24");
    expect(entry.keyword.variables.map((v) => [v.name, loc(v.range)])).toEqual([["i", "1:26-1:30 @46-50"]]);
    expect(loc(entry.range)).toBe("1:2-1:33 @22-53");
  });

  it("read `~SEQx`, `~LST` and a space before the parenthesis", () => {
    // keepalived -t: `~SEQ (c, 1, 1, 1) bogusE${c}` → 'bogusE1'; `~LST(d, x, y) bogusF${d}` → 'bogusFx', 'bogusFy'.
    expect(onlyStatement("~SEQx(AD, 0x90, 0x10, 0xc0) fe80::${AD}:1").sequence).toMatchObject({ form: "SEQx", params: ["AD", "0x90", "0x10", "0xc0"] });
    expect(onlyStatement("~LST(d, x, y) bogusF${d}").sequence).toMatchObject({ form: "LST", params: ["d", "x", "y"] });
    const spaced = onlyStatement("~SEQ (c, 1, 1, 1) bogusE${c}");
    expect([spaced.sequence?.form, spaced.keyword.value]).toEqual(["SEQ", "bogusE${c}"]);
  });

  it("chain, so the keyword comes after all of them (keepalived -t: `~SEQ(a,1,2) ~SEQ(b,1,2) bogusD${a}${b}` → four keywords)", () => {
    const nested = onlyStatement("~SEQ(a,1,2) ~SEQ(b, 1, 2) bogusD${a}${b}");
    expect(nested.words.map((w) => w.value)).toEqual(["bogusD${a}${b}"]);
    expect(prefixes(nested)).toEqual(["~SEQ(a,1,2)", "~SEQ(b, 1, 2)"]);
    expect(nested.sequence?.params).toEqual(["a", "1", "2"]);
  });

  it("chain with config ids in the orders keepalived accepts", () => {
    // keepalived -t -i lb1: `@lb1 ~SEQ(i, 1, 1, 2) bogusY${i}` → bogusY1, bogusY2; `~SEQ(j,1,2) @^lb1 …` silent.
    const first = onlyStatement("@lb1 ~SEQ(i, 1, 1, 2) bogusY${i}");
    expect([first.configId?.id, first.sequence?.params[0], first.keyword.value]).toEqual(["lb1", "i", "bogusY${i}"]);
    const second = onlyStatement("~SEQ(j,1,2) @^lb1 bogusZ${j}");
    expect([second.configId?.negated, second.sequence?.params[0], second.keyword.value]).toEqual([true, "j", "bogusZ${j}"]);
    expect(prefixes(second)).toEqual(["~SEQ(j,1,2)", "@^lb1"]);
  });

  it("are read after a brace (keepalived -t: `gx { ~SEQ(e,1,1) bogusG${e} }` → 'bogusG1')", () => {
    const inner = statementAt(blockAt(parse("gx { ~SEQ(e,1,1) bogusG${e} }\n").ast, 0), 0);
    expect([inner.sequence?.text, inner.keyword.value]).toEqual(["~SEQ(e,1,1)", "bogusG${e}"]);
  });

  it("define the variables of every chained prefix and of a `~LST({A, B}, …)` group, and no others", () => {
    // keepalived -t: `~LST({IP, IP1}, {10,1},{20,4}) bogusL${IP}.${IP1}` → 'bogusL10.1', 'bogusL20.4'.
    const result = parse("~SEQ(a,1,2) ~SEQ(b,1,2) x${a}${b}\n~LST({IP, IP1}, {10,1},{20,4}) bogusL${IP}.${IP1}\n~SEQ(c,1,2) y${d}\n");
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["undefined-variable", "2:13-2:17 @97-101"]]);
  });

  it("are plain words after a keyword", () => {
    const statement = onlyStatement("notify ~SEQ(i,1,2)");
    expect(statement.sequence).toBeUndefined();
    expect(statement.args.map((w) => w.value)).toEqual(["~SEQ(i,1,2)"]);
  });

  it("are plain words after a word ending in `}`, which is no brace", () => {
    expect(onlyStatement("x ${A} ~SEQ(i,1,2) w").words.map((w) => w.value)).toEqual(["x", "${A}", "~SEQ(i,1,2)", "w"]);
    const templated = onlyStatement("x {{ v }} @lb1 y");
    expect([templated.configId, templated.words.map((w) => w.value)]).toEqual([undefined, ["x", "{{ v }}", "@lb1", "y"]]);
  });
});

describe("a prefix alone on its line", () => {
  it("is kept as the keyword of a statement marked prefixOnly, from which keepalived reads nothing", () => {
    for (const line of ["@vm", "@^lb1", "~SEQ(i, 1, 3)"]) {
      const statement = onlyStatement(line);
      expect([statement.keyword.text, statement.prefixOnly, statement.configId, statement.sequence]).toEqual([line, true, undefined, undefined]);
    }
    expect(onlyStatement("@vm state MASTER").prefixOnly).toBe(false);
  });
});
