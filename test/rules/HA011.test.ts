import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA011 undefined-acl", () => {
  it("accepts ACLs declared earlier in the proxy, the defaults' own in the defaults, and haproxy's predefined ones", () => {
    expectHaproxy(
      "HA011",
      `defaults base
    mode http
    acl from_lan src 10.0.0.0/8
    http-request deny if !from_lan
frontend www from base
    bind :80
    acl is_api path_beg /api
    http-request deny if is_api || METH_TRACE
    use_backend api if is_api LOCALHOST
    default_backend api
backend api
    server a 10.0.0.1:80
`,
    );
  });

  it("reports every occurrence, not only the first, each with its own range", () => {
    const found = expectHaproxy(
      "HA011",
      `frontend www
    bind :80
    acl is_api path_beg /api
    http-request deny if «is_admin»
    http-request auth if !«is_admin»
    use_backend api if «is_apI» or { path_beg /v2 }
    default_backend api
backend api
    server a 10.0.0.1:80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "ACL 'is_admin' is not declared in frontend 'www'",
      "ACL 'is_admin' is not declared in frontend 'www'",
      "ACL 'is_apI' is not declared in frontend 'www'; did you mean 'is_api'?",
    ]);
    expect(found[2]!.fix?.edits).toEqual([{ start: expect.any(Number), end: expect.any(Number), newText: "is_api" }]);
  });

  it("does not let a backend use an ACL declared in a frontend", () => {
    expectHaproxy(
      "HA011",
      `frontend www
    bind :80
    acl is_api path_beg /api
    use_backend api if is_api
backend api
    http-request deny if «is_api»
    server a 10.0.0.1:80
`,
    );
  });
});

describe("HA011 undefined-acl: where an ACL can be seen from", () => {
  it("reports an ACL declared after its use, and one of the defaults used in a proxy, with where it is", () => {
    const found = expectHaproxy(
      "HA011",
      `defaults base
    mode http
    acl from_lan src 10.0.0.0/8
frontend www from base
    bind :80
    use_backend api if «is_api»
    http-request deny if !«from_lan»
    acl is_api path_beg /api
    default_backend api
backend api
    server a 10.0.0.1:80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "ACL 'is_api' is declared on line 8, after this use: haproxy knows an ACL only from its declaration on",
      "ACL 'from_lan' is declared in defaults 'base', whose ACLs the proxies using it do not see",
    ]);
    expect(found.map((p) => p.related?.[0]?.range.start.line)).toEqual([7, 2]);
  });

  it("takes a '!' with nothing after it for no ACL name, as haproxy 2.6.12 accepts 'if !' (found by a sweep of conditions)", () => {
    expectHaproxy("HA011", "frontend f\n    bind :80\n    http-request deny if !\n");
  });
});
