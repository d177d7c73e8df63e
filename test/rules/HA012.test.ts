import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA012 unused-acl", () => {
  it("accepts ACLs used in any condition of their section, negated or not", () => {
    expectHaproxy(
      "HA012",
      `defaults base
    mode http
    acl internal src 10.0.0.0/8
    http-request deny if !internal
frontend www from base
    bind :80
    acl a path_beg /a
    acl b path_beg /b
    http-request deny if !a
    use_backend api if b
backend api
    server a 10.0.0.1:80
`,
    );
  });

  it("reports an ACL nothing uses once, at its first declaration", () => {
    expectHaproxy(
      "HA012",
      `frontend www
    bind :80
    acl «static» path_end .css
    acl static path_end .js
    acl api path_beg /api
    use_backend api if api
backend api
    server a 10.0.0.1:80
`,
    );
  });
});

describe("HA012 unused-acl: defaults", () => {
  it("reports a defaults ACL that only a proxy using the defaults names (the proxy cannot see it)", () => {
    expectHaproxy("HA012", "defaults base\n    mode http\n    acl «internal» src 10.0.0.0/8\nfrontend www from base\n    bind :80\n    acl a path /\n    http-request deny if a\n");
  });
});

describe("HA012 suggestions", () => {
  it("offers to remove every line of the unused ACL", () => {
    const text = "frontend www\n    bind :80\n    acl old path /a\n    acl old path /b   # too\n    acl used path /c\n    http-request deny if used\n";
    const [found] = lintText("haproxy", text).filter((p) => p.ruleId === "HA012");
    expect(found!.suggestions!.map((s) => [s.description, applyEdits(text, s.edits)])).toEqual([["remove the 2 lines of ACL 'old'", text.replace("    acl old path /a\n    acl old path /b   # too\n", "")]]);
  });
});
