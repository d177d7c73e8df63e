import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const FRONTEND = "frontend www\n    bind :80\n";

describe("HA015 unused-backend", () => {
  it("accepts backends reached by use_backend, default_backend (also from defaults) and listens", () => {
    expectHaproxy(
      "HA015",
      `defaults
    default_backend fallback
${FRONTEND}    use_backend api if { path_beg /api }
    default_backend web
backend api
    server a 10.0.0.1:80
backend web
    server w 10.0.0.2:80
backend fallback
    server f 10.0.0.3:80
listen stats
    bind :8404
    stats enable
`,
    );
  });

  it("counts stick tables, tracked servers and sample fetches as uses", () => {
    expectHaproxy(
      "HA015",
      `${FRONTEND}    http-request track-sc0 src table rates
    acl down nbsrv(web) lt 1
    http-request deny if { sc_http_req_rate(0,limits) gt 10 } || { srv_is_up(checker/c1) }
    default_backend api
backend api
    server a 10.0.0.1:80 track health/h1
backend health
    server h1 10.0.0.1:81 check
backend rates
    stick-table type ip size 1m
    server r 10.0.0.1:80
backend web
    server w 10.0.0.2:80
backend limits
    server l 10.0.0.2:80
backend checker
    server c1 10.0.0.2:80 check
`,
    );
  });

  it("reports a backend that nothing names, and not a stick table holder", () => {
    const found = expectHaproxy(
      "HA015",
      `${FRONTEND}    default_backend web
backend web
    server w 10.0.0.2:80
backend «web-old»
    server o 10.0.0.9:80
    stick on src table web-old
backend «api»
    http-request return status 200
backend table-only
    stick-table type ip size 1m
`,
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["info", "backend 'web-old' is never used: no use_backend or default_backend names it"],
      ["info", "backend 'api' is never used: no use_backend or default_backend names it"],
    ]);
  });

  it("says nothing when a use_backend computes its target or a SPOE filter may name backends", () => {
    expectHaproxy("HA015", `${FRONTEND}    use_backend %[req.hdr(host),lower,map(/etc/haproxy/hosts.map,web)]\nbackend web\n    server w 10.0.0.2:80\nbackend other\n    server o 10.0.0.3:80\n`);
    expectHaproxy("HA015", `${FRONTEND}    filter spoe engine waf config /etc/haproxy/spoe.conf\n    default_backend web\nbackend web\n    server w 10.0.0.2:80\nbackend agents\n    server a 10.0.0.3:12345\n`);
  });

  it("says nothing about a file without frontend or listen (a piece of a split configuration)", () => {
    expectHaproxy("HA015", "backend web\n    server w 10.0.0.2:80\n");
  });
});
