// `.if` / `.elif` expressions: the predicate tree with its ranges, precedence, arguments, and the
// `invalid-predicate` diagnostic.
import { describe, expect, it } from "vitest";
import type { Predicate } from "../../../grammars/haproxy/ast.js";
import { codes, loc, parse } from "./helpers.js";

/** A compact, fully specified rendering of a predicate tree. */
function tree(p: Predicate | undefined): unknown {
  if (!p) return undefined;
  const at = loc(p.range);
  switch (p.kind) {
    case "or":
    case "and":
      return { [p.kind]: p.operands.map(tree), at };
    case "not":
      return { not: tree(p.operand), at };
    case "group":
      return { group: tree(p.expression), at };
    case "value":
      return { value: p.text, at };
    case "call":
      return { call: p.name, name: loc(p.nameRange), args: p.args.map((a) => [a.text, a.value, loc(a.range)]), at };
  }
}

/** Parses `.if EXPR` on line 0, so that offsets and columns are equal. */
function predicateOf(expression: string) {
  const result = parse(`.if ${expression}\n.endif\n`);
  const line = result.all[0]!;
  if (line.kind !== "directive") throw new Error("expected a directive");
  return { result, predicate: line.predicate };
}

describe("predicate trees", () => {
  it("parses the manual's example into calls, a group, a negation and both operators with exact ranges", () => {
    const { result, predicate } = predicateOf('defined(X) && (streq("$A",b) || !feature(OPENSSL))');
    expect(codes(result)).toEqual([]);
    expect(tree(predicate)).toEqual({
      and: [
        { call: "defined", name: "0:4-0:11 @4-11", args: [["X", "X", "0:12-0:13 @12-13"]], at: "0:4-0:14 @4-14" },
        {
          group: {
            or: [
              {
                call: "streq",
                name: "0:19-0:24 @19-24",
                // haproxy removes the quotes before it reads the condition: the argument is `$A`.
                args: [
                  ["$A", "$A", "0:26-0:28 @26-28"],
                  ["b", "b", "0:30-0:31 @30-31"],
                ],
                at: "0:19-0:32 @19-32",
              },
              {
                not: { call: "feature", name: "0:37-0:44 @37-44", args: [["OPENSSL", "OPENSSL", "0:45-0:52 @45-52"]], at: "0:37-0:53 @37-53" },
                at: "0:36-0:53 @36-53",
              },
            ],
            at: "0:19-0:53 @19-53",
          },
          at: "0:18-0:54 @18-54",
        },
      ],
      at: "0:4-0:54 @4-54",
    });
  });

  it("reads 1 and 0 as plain values", () => {
    expect(tree(predicateOf("1").predicate)).toEqual({ value: "1", at: "0:4-0:5 @4-5" });
    expect(tree(predicateOf("0").predicate)).toEqual({ value: "0", at: "0:4-0:5 @4-5" });
  });

  it("reads a quoted value without its quotes, as haproxy does before it reads the expression", () => {
    expect(tree(predicateOf('"1"').predicate)).toEqual({ value: "1", at: "0:5-0:6 @5-6" });
  });

  it("binds && tighter than ||", () => {
    expect(tree(predicateOf("1 && 0 || 0 && 1").predicate)).toEqual({
      or: [
        { and: [{ value: "1", at: "0:4-0:5 @4-5" }, { value: "0", at: "0:9-0:10 @9-10" }], at: "0:4-0:10 @4-10" },
        { and: [{ value: "0", at: "0:14-0:15 @14-15" }, { value: "1", at: "0:19-0:20 @19-20" }], at: "0:14-0:20 @14-20" },
      ],
      at: "0:4-0:20 @4-20",
    });
  });

  it("flattens a chain of the same operator into one node", () => {
    const predicate = predicateOf("1||0||1").predicate;
    expect(predicate?.kind).toBe("or");
    if (predicate?.kind === "or") expect(predicate.operands.map((o) => loc(o.range))).toEqual(["0:4-0:5 @4-5", "0:7-0:8 @7-8", "0:10-0:11 @10-11"]);
  });

  it("nests repeated negations", () => {
    expect(tree(predicateOf("!!1").predicate)).toEqual({
      not: { not: { value: "1", at: "0:6-0:7 @6-7" }, at: "0:5-0:7 @5-7" },
      at: "0:4-0:7 @4-7",
    });
  });

  it("keeps the blanks around arguments, as haproxy compares them, and reads empty arguments as empty", () => {
    // haproxy 2.6: `.if streq(a, a)` is false and `.if streq( a , a )` is true.
    expect(tree(predicateOf("streq( a , b )").predicate)).toEqual({
      call: "streq",
      name: "0:4-0:9 @4-9",
      args: [
        [" a ", " a ", "0:10-0:13 @10-13"],
        [" b ", " b ", "0:14-0:17 @14-17"],
      ],
      at: "0:4-0:18 @4-18",
    });
    expect(tree(predicateOf("streq(a,)").predicate)).toEqual({
      call: "streq",
      name: "0:4-0:9 @4-9",
      args: [
        ["a", "a", "0:10-0:11 @10-11"],
        ["", "", "0:12-0:12 @12-12"],
      ],
      at: "0:4-0:13 @4-13",
    });
    expect(tree(predicateOf("defined()").predicate)).toEqual({ call: "defined", name: "0:4-0:11 @4-11", args: [], at: "0:4-0:13 @4-13" });
  });

  it("keeps a quoted argument with a space in it whole", () => {
    const predicate = predicateOf('streq("a b",c)').predicate;
    expect(predicate?.kind === "call" && predicate.args.map((a) => [a.text, a.value, loc(a.range)])).toEqual([
      ["a b", "a b", "0:11-0:14 @11-14"],
      ["c", "c", "0:16-0:17 @16-17"],
    ]);
  });

  it("keeps version strings with dashes and dots as one argument", () => {
    const predicate = predicateOf("version_atleast(2.4-dev19)").predicate;
    expect(predicate?.kind === "call" && [predicate.name, predicate.args.map((a) => a.value)]).toEqual(["version_atleast", ["2.4-dev19"]]);
  });

  it("spans an expression written over several words, blanks included, and stops before a comment", () => {
    const { predicate, result } = predicateOf("defined(A)   ||   1 # trailing");
    expect(codes(result)).toEqual([]);
    expect(tree(predicate)).toEqual({
      or: [{ call: "defined", name: "0:4-0:11 @4-11", args: [["A", "A", "0:12-0:13 @12-13"]], at: "0:4-0:14 @4-14" }, { value: "1", at: "0:22-0:23 @22-23" }],
      at: "0:4-0:23 @4-23",
    });
  });

  it("has no predicate and no error for an .if without a condition (haproxy takes it as false)", () => {
    const { predicate, result } = predicateOf("");
    expect(predicate).toBeUndefined();
    expect(codes(result)).toEqual([]);
  });

  it("parses the condition of .elif too, and not the words after .else", () => {
    const result = parse(".if 0\n.elif defined(B)\n.else whatever(\n.endif\n");
    const elif = result.all[1]!;
    const otherwise = result.all[2]!;
    expect(elif.kind === "directive" && tree(elif.predicate)).toEqual({
      call: "defined",
      name: "1:6-1:13 @12-19",
      args: [["B", "B", "1:14-1:15 @20-21"]],
      at: "1:6-1:16 @12-22",
    });
    expect(otherwise.kind === "directive" && otherwise.predicate).toBeUndefined();
    expect(codes(result)).toEqual([]);
  });
});

describe("invalid predicates", () => {
  // [expression, range of the diagnostic, message]
  const cases: [string, string, string][] = [
    ["defined(X", "0:12-0:13 @12-13", "expected ')' after the arguments of 'defined'"],
    ["(1", "0:6-0:6 @6-6", "expected ')' to close the '(' opened here, found the end of the condition"],
    ["1 1", "0:6-0:7 @6-7", "unexpected '1' after the end of the condition"],
    ["defined(X) extra", "0:15-0:20 @15-20", "unexpected 'extra' after the end of the condition"],
    ["streq(a,b)c", "0:14-0:15 @14-15", "unexpected 'c' after the end of the condition"],
    ["&& 1", "0:4-0:6 @4-6", "expected a predicate such as defined(NAME), an integer, '!' or '(', found '&&'"],
    ["!", "0:5-0:5 @5-5", "expected a predicate such as defined(NAME), an integer, '!' or '(', found the end of the condition"],
    ["1 &&", "0:8-0:8 @8-8", "expected a predicate such as defined(NAME), an integer, '!' or '(', found the end of the condition"],
    [")", "0:4-0:5 @4-5", "expected a predicate such as defined(NAME), an integer, '!' or '(', found ')'"],
    // Arguments do not nest, and haproxy reads the quotes away first: both are errors in haproxy 2.6
    // (`streq(a(b)` is a call with one argument: "missing arguments (got 1/2)").
    ["streq(a(b),a(b))", "0:4-0:9 @4-9", "'streq' takes 2 arguments, and is given 1"],
    ["yes", "0:4-0:7 @4-7", "expected a predicate such as defined(NAME), an integer, '!' or '(', found 'yes'"],
    // Argument counts, as haproxy 2.6.12 checks them ("expected ')' before ',1)'", "missing arguments (got 1/2)").
    ["feature(THREAD,1)", "0:19-0:20 @19-20", "'feature' takes 1 argument, and is given 2"],
    ["streq(a)", "0:4-0:9 @4-9", "'streq' takes 2 arguments, and is given 1"],
  ];
  for (const [expression, at, message] of cases) {
    it(`reports '${expression}' as invalid at ${at} and keeps no predicate`, () => {
      const { result, predicate } = predicateOf(expression);
      expect(predicate).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.severity, loc(d.range), d.message])).toEqual([["invalid-predicate", "error", at, message]]);
    });
  }

  it("reports only the first error of one expression", () => {
    const { result } = predicateOf("&& || ) (");
    expect(codes(result)).toEqual(["invalid-predicate"]);
  });

  it("reports an invalid .elif on its own line and still builds the block", () => {
    const result = parse(".if 1\n.elif (\n.endif\n");
    expect(result.diagnostics.map((d) => [d.code, loc(d.range)])).toEqual([["invalid-predicate", "1:7-1:7 @13-13"]]);
    expect(result.ast.conditionals[0]!.branches).toHaveLength(2);
    expect(result.ast.conditionals[0]!.end?.line).toBe(2);
  });
});

describe("pathological conditions", () => {
  it("stops at a hundred levels of parentheses or negations instead of running out of stack", () => {
    for (const expression of ["(".repeat(20000) + "1" + ")".repeat(20000), "!".repeat(20000) + "1"]) {
      const { result, predicate } = predicateOf(expression);
      expect(predicate).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["invalid-predicate", "the condition nests more than 100 levels deep"]]);
    }
  });
});
