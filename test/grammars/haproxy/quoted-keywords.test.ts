// haproxy compares keywords after removing quotes: `"frontend" fe` opens a section, `".if"` is a
// directive and `"if"` starts a condition (haproxy 2.6 accepts the file below as valid).
import { describe, expect, it } from "vitest";
import { parse } from "./helpers.js";

const TEXT = `"global"
  maxconn 10
"frontend" fe
  bind :8080
".if" defined(X)
  http-request deny "if" { path /x "}"
".endif"
`;

describe("quoted keywords", () => {
  it("open sections, start conditions and form directives like their unquoted selves", () => {
    const result = parse(TEXT);
    expect(result.diagnostics).toEqual([]);
    expect(result.ast.sections.map((s) => [s.type, s.name?.value])).toEqual([
      ["global", undefined],
      ["frontend", "fe"],
    ]);
    const deny = result.ast.sections[1]!.body[2]!;
    expect(deny.kind === "statement" && deny.condition?.expression?.alternatives[0]?.terms[0]?.kind).toBe("anonymous-acl");
    expect(result.ast.conditionals).toHaveLength(1);
    expect(result.ast.conditionals[0]!.end?.line).toBe(6);
  });
});
