import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA050 redirect-loop", () => {
  it("accepts guarded redirects, and a plain-http frontend when another one serves TLS", () => {
    expectHaproxy(
      "HA050",
      `defaults
    mode http
frontend both
    bind :80
    bind :443 ssl crt /etc/haproxy/site.pem
    acl secure ssl_fc
    http-request redirect scheme https unless { ssl_fc }
    redirect scheme https code 301 if !secure
    http-request redirect scheme https if { hdr(x-forwarded-proto) http }
    http-request redirect scheme https append-slash if { path /app }
frontend plain
    bind :8080
    redirect scheme https code 301
    http-request redirect scheme https
frontend other
    bind :8081
    http-request redirect location https://example.com/
`,
    );
  });

  it("leaves a template's redirect whose condition an expression writes, and still reports one without", () => {
    expectHaproxy(
      "HA050",
      `defaults
    mode http
frontend web
    bind :80
    bind :443 ssl crt {{ tls_pem }}
    redirect scheme https code 301 if {{ plain_http_condition }}
    http-request redirect scheme https {{ redirect_guard }}
    http-request «redirect scheme https» if { path_beg /login }
`,
    );
  });

  it("reports unguarded redirects on a frontend with a TLS bind", () => {
    const [found] = expectHaproxy(
      "HA050",
      `defaults
    mode http
frontend both
    bind :80
    bind :443 ssl crt /etc/haproxy/site.pem
    «redirect scheme https» code 301
    http-request «redirect scheme https» if { hdr(host) -i www.example.com }
`,
    );
    expect(found!.severity).toBe("warning");
    expect(found!.message).toBe(
      "this frontend also accepts TLS: without a condition such as '!{ ssl_fc }', requests that came over https are redirected to https again, forever",
    );
  });

  it("advises testing X-Forwarded-Proto when no bind of the configuration terminates TLS", () => {
    const found = expectHaproxy(
      "HA050",
      `defaults
    mode http
frontend www
    bind :80
    http-request «redirect scheme https» unless { ssl_fc }
    «redirect scheme https»
    http-request redirect scheme https if { req.hdr(X-Forwarded-Proto) -i http }
    http-request redirect scheme https if !{ dst_port 443 }
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["info", "info"]);
    expect(found[0]!.message).toContain("'ssl_fc' is always false here");
  });

  it("leaves tcp-mode proxies alone", () => {
    expectHaproxy("HA050", "frontend f\n    mode tcp\n    bind :443 ssl crt /x.pem\n    redirect scheme https\n");
  });
});
