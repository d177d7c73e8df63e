import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA053 shadowed-rule", () => {
  it("accepts distinct conditions, non-final rules, other rule sets, and conditions re-read after a change", () => {
    expectHaproxy(
      "HA053",
      `frontend www
    bind :80
    tcp-request inspect-delay 5s
    tcp-request content accept if { req_ssl_hello_type 1 }
    tcp-request content reject if { req_ssl_hello_type 1 } !{ req.ssl_sni -m found }
    http-request set-header X-A 1 if { path_beg /a }
    http-request set-header X-B 1 if { path_beg /a }
    http-request deny if { path_beg /admin }
    http-request deny unless { path_beg /admin }
    http-response deny if { path_beg /admin }
    http-request set-var(txn.seen) str(1)
    http-request deny if { var(txn.seen) -m found } { path_beg /admin }
    http-request set-var(txn.seen) str(2)
    http-request deny if { var(txn.seen) -m found } { path_beg /admin }
    use_backend api if { path_beg /api }
    use_backend static if { path_beg /static }
    default_backend web
backend api
    server a 10.0.0.1:80
backend static
    server a 10.0.0.1:80
backend web
    http-request return status 200 if { path /ping }
    server a 10.0.0.1:80
`,
    );
  });

  it("reports rules after an unconditional final rule of the same set", () => {
    const found = expectHaproxy(
      "HA053",
      `frontend www
    bind :80
    http-request allow
    «http-request deny» if { path_beg /admin }
    «http-request redirect» scheme https
    http-response set-header X-A b
    tcp-request connection accept
    «tcp-request connection reject» if { src 10.0.0.0/8 }
    tcp-request content reject if { src 10.0.0.0/8 }
    use_backend api
    «use_backend» static if { path_beg /static }
backend api
    server a 10.0.0.1:80
backend static
    server a 10.0.0.1:80
`,
    );
    expect(found[0]!.message).toBe("this rule can never apply: the 'http-request allow' on line 3 has no condition and stops the evaluation first");
    expect(found[2]!.message).toBe("this rule can never apply: the 'tcp-request connection accept' on line 7 has no condition and stops the evaluation first");
  });

  it("reports a rule whose condition repeats the one of an earlier final rule", () => {
    const found = expectHaproxy(
      "HA053",
      `frontend www
    bind :80
    acl admin path_beg /admin
    http-request deny if admin !{ src 10.0.0.0/8 }
    http-request capture req.hdr(host) len 20
    http-request return status 403 «if admin !{ src 10.0.0.0/8 }»
    redirect prefix /new code 301 if { path_beg /old }
    redirect location /other «if { path_beg /old }»
    use_backend api if { path_beg /api }
    use_backend v2 «if { path_beg /api }»
backend api
    server a 10.0.0.1:80
backend v2
    server a 10.0.0.1:80
`,
    );
    expect(found[0]!.message).toBe("this rule can never apply: the 'http-request deny' on line 4 has the same condition and stops the evaluation first");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(3);
  });

  it("does not take rules that can be skipped for final: ignore-empty redirects, use_backend to a disabled backend", () => {
    expectHaproxy(
      "HA053",
      `frontend www
    bind :80
    http-request redirect code 301 location %[path,map_str(/etc/haproxy/moves.map)] ignore-empty
    http-request deny if { path_beg /admin }
    use_backend old
    use_backend app
backend old
    disabled
    server a 10.0.0.1:80
backend app
    server a 10.0.0.2:80
`,
    );
  });

  it("does not compare rules inside .if blocks", () => {
    expectHaproxy("HA053", "frontend www\n    bind :80\n.if defined(MAINT)\n    http-request return status 503\n.endif\n    http-request deny if { path_beg /x }\n");
  });
});
