// `if` / `unless` ACL conditions on rules: named and inline ACLs, negation, operators, and the
// diagnostics for broken conditions.
import { describe, expect, it } from "vitest";
import type { Condition, ConditionTerm } from "../../../grammars/haproxy/ast.js";
import { codes, loc, parse, statement } from "./helpers.js";

// `frontend fe\n  http-request deny ` puts the condition at offset 32, line 1, column 20.
function rule(rest: string) {
  const result = parse(`frontend fe\n  http-request deny ${rest}\n`);
  return { result, line: statement(result.all, 1) };
}

function term(t: ConditionTerm) {
  if (t.kind === "acl") return { acl: t.name, negated: t.negated, name: loc(t.nameRange), word: t.word.text, at: loc(t.range) };
  return { inline: t.words.map((w) => w.text), negated: t.negated, open: `${t.open.text} ${loc(t.open.range)}`, close: t.close && loc(t.close.range), at: loc(t.range) };
}

function render(c: Condition | undefined) {
  if (!c) return undefined;
  return {
    keyword: `${c.keyword.text} ${loc(c.keyword.range)}`,
    negated: c.negated,
    at: loc(c.range),
    expression: c.expression && {
      alternatives: c.expression.alternatives.map((a) => ({ terms: a.terms.map(term), at: loc(a.range) })),
      operators: c.expression.operators.map((w) => `${w.text} ${loc(w.range)}`),
      at: loc(c.expression.range),
    },
  };
}

describe("conditions", () => {
  it("joins named ACLs written one after the other with an implicit AND", () => {
    const { result, line } = rule("if a b # note");
    expect(codes(result)).toEqual([]);
    expect(line.keyword.text).toBe("http-request");
    expect(line.args.map((w) => w.text)).toEqual(["deny"]);
    expect(render(line.condition)).toEqual({
      keyword: "if 1:20-1:22 @32-34",
      negated: false,
      at: "1:20-1:26 @32-38",
      expression: {
        alternatives: [
          {
            terms: [
              { acl: "a", negated: false, name: "1:23-1:24 @35-36", word: "a", at: "1:23-1:24 @35-36" },
              { acl: "b", negated: false, name: "1:25-1:26 @37-38", word: "b", at: "1:25-1:26 @37-38" },
            ],
            at: "1:23-1:26 @35-38",
          },
        ],
        operators: [],
        at: "1:23-1:26 @35-38",
      },
    });
  });

  it("negates the whole condition with unless, and single ACLs with !name or a separate !", () => {
    const { result, line } = rule("unless !a ! b");
    expect(codes(result)).toEqual([]);
    const c = render(line.condition)!;
    expect(c.negated).toBe(true);
    expect(c.keyword).toBe("unless 1:20-1:26 @32-38");
    expect(c.at).toBe("1:20-1:33 @32-45");
    expect(c.expression!.alternatives[0]!.terms).toEqual([
      { acl: "a", negated: true, name: "1:28-1:29 @40-41", word: "!a", at: "1:27-1:29 @39-41" },
      { acl: "b", negated: true, name: "1:32-1:33 @44-45", word: "b", at: "1:30-1:33 @42-45" },
    ]);
  });

  it("toggles the negation for every !, stuck to the name or not", () => {
    const { line } = rule("if !!a ! ! b");
    expect(render(line.condition)!.expression!.alternatives[0]!.terms).toEqual([
      { acl: "a", negated: false, name: "1:25-1:26 @37-38", word: "!!a", at: "1:23-1:26 @35-38" },
      { acl: "b", negated: false, name: "1:31-1:32 @43-44", word: "b", at: "1:27-1:32 @39-44" },
    ]);
  });

  it("reads inline ACLs between braces, negated by !{ or by a separate ! (haproxy accepts if !{ path /x })", () => {
    const { result, line } = rule("if { path_beg /api } !{ path /x } ! { src 10.0.0.0/8 }");
    expect(codes(result)).toEqual([]);
    expect(render(line.condition)!.expression!.alternatives[0]!.terms).toEqual([
      { inline: ["path_beg", "/api"], negated: false, open: "{ 1:23-1:24 @35-36", close: "1:39-1:40 @51-52", at: "1:23-1:40 @35-52" },
      { inline: ["path", "/x"], negated: true, open: "!{ 1:41-1:43 @53-55", close: "1:52-1:53 @64-65", at: "1:41-1:53 @53-65" },
      { inline: ["src", "10.0.0.0/8"], negated: true, open: "{ 1:56-1:57 @68-69", close: "1:73-1:74 @85-86", at: "1:54-1:74 @66-86" },
    ]);
  });

  it("splits alternatives at ||, or, and OR in any case (haproxy accepts if a OR b)", () => {
    const { result, line } = rule("if a || b or c OR d");
    expect(codes(result)).toEqual([]);
    const expression = render(line.condition)!.expression!;
    expect(expression.alternatives.map((a) => [a.terms.map((t) => ("acl" in t ? t.acl : "")), a.at])).toEqual([
      [["a"], "1:23-1:24 @35-36"],
      [["b"], "1:28-1:29 @40-41"],
      [["c"], "1:33-1:34 @45-46"],
      [["d"], "1:38-1:39 @50-51"],
    ]);
    expect(expression.operators).toEqual(["|| 1:25-1:27 @37-39", "or 1:30-1:32 @42-44", "OR 1:35-1:37 @47-49"]);
    expect(expression.at).toBe("1:23-1:39 @35-51");
  });

  it("groups implicit ANDs inside each alternative", () => {
    const { line } = rule("if a { src 1.2.3.4 } || !b c");
    const alternatives = line.condition!.expression!.alternatives;
    expect(alternatives.map((a) => a.terms.map((t) => t.kind))).toEqual([["acl", "anonymous-acl"], ["acl", "acl"]]);
    expect(alternatives.map((a) => loc(a.range))).toEqual(["1:23-1:40 @35-52", "1:44-1:48 @56-60"]);
  });
});

describe("where conditions start", () => {
  it("has no condition on a rule without if or unless", () => {
    const { line } = rule("deny_status 403");
    expect(line.condition).toBeUndefined();
    expect(line.args.map((w) => w.text)).toEqual(["deny", "deny_status", "403"]);
  });

  it("reads if as a plain argument on a keyword that takes no condition", () => {
    const { all, diagnostics } = parse("frontend fe\n  acl c path if\n");
    const line = statement(all, 1);
    expect(line.condition).toBeUndefined();
    expect(line.args.map((w) => w.text)).toEqual(["c", "path", "if"]);
    expect(diagnostics).toEqual([]);
  });

  it("finds the condition of use_backend, tcp-request and redirect rules", () => {
    const { all, diagnostics } = parse(
      "frontend fe\n  use_backend api if is_api\n  tcp-request content reject unless { src -f /etc/ok }\n  redirect scheme https if !{ ssl_fc }\n",
    );
    expect(diagnostics).toEqual([]);
    expect([1, 2, 3].map((i) => statement(all, i)).map((l) => [l.args.map((w) => w.text), l.condition?.keyword.text])).toEqual([
      [["api"], "if"],
      [["content", "reject"], "unless"],
      [["scheme", "https"], "if"],
    ]);
  });

  it("does not take IF in capitals for a condition (haproxy: expects either 'if' or 'unless')", () => {
    const { line } = rule("IF a");
    expect(line.condition).toBeUndefined();
  });
});

describe("broken conditions", () => {
  it("reports a missing } on the opening brace and ends the inline ACL at its last word", () => {
    const { result, line } = rule("if { path_beg /api");
    expect(result.diagnostics.map((d) => [d.code, d.severity, loc(d.range)])).toEqual([["unclosed-anonymous-acl", "error", "1:23-1:24 @35-36"]]);
    expect(render(line.condition)!.expression!.alternatives[0]!.terms).toEqual([
      { inline: ["path_beg", "/api"], negated: false, open: "{ 1:23-1:24 @35-36", close: undefined, at: "1:23-1:38 @35-50" },
    ]);
  });

  it("reports an inline ACL with nothing between its braces", () => {
    const { result } = rule("if { }");
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["empty-anonymous-acl", "1:23-1:24 @35-36"]]);
  });

  it("warns about if or unless with nothing after it, which haproxy accepts, and keeps no expression", () => {
    for (const keyword of ["if", "unless"]) {
      const { result, line } = rule(`${keyword} # nothing`);
      const end = 20 + keyword.length;
      expect(result.diagnostics.map((d) => [d.code, d.severity, loc(d.range)])).toEqual([["empty-condition", "warning", `1:20-1:${end} @32-${end + 12}`]]);
      expect(line.condition?.expression).toBeUndefined();
      expect(line.condition?.negated).toBe(keyword === "unless");
      expect(loc(line.condition!.range)).toBe(`1:20-1:${end} @32-${end + 12}`);
    }
  });

  it("reports an operator with no ACL on one side of it", () => {
    expect(rule("if a || || b").result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["empty-condition", "1:28-1:30 @40-42"]]);
    expect(rule("if || a").result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["empty-condition", "1:23-1:25 @35-37"]]);
    expect(rule("if a or").result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["empty-condition", "1:25-1:27 @37-39"]]);
  });

  it("keeps the alternatives on both sides of a doubled operator", () => {
    const { line } = rule("if a || || b");
    expect(line.condition!.expression!.alternatives).toHaveLength(2);
    expect(line.condition!.expression!.operators.map((w) => w.text)).toEqual(["||", "||"]);
  });

  it("warns about a ! with nothing after it", () => {
    const { result } = rule("if a !");
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message, loc(d.range)])).toEqual([
      ["empty-condition", "warning", "nothing follows '!': haproxy accepts it silently; was an ACL lost?", "1:25-1:26 @37-38"],
    ]);
  });
});
