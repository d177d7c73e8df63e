import { describe, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA012 unused-acl", () => {
  it("accepts ACLs used in any condition, negated or not, and defaults ACLs used by an heir", () => {
    expectHaproxy(
      "HA012",
      `defaults base
    mode http
    acl internal src 10.0.0.0/8
frontend www from base
    bind :80
    acl a path_beg /a
    acl b path_beg /b
    http-request deny if !internal a
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
