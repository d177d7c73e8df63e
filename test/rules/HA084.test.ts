import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const TCP = "defaults\n    mode tcp\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";

describe("HA084 inspect-delay-missing", () => {
  it("accepts SNI routing after an inspect delay, one inherited from named defaults, and rules that read no request data", () => {
    expectHaproxy(
      "HA084",
      `${TCP}frontend tls
    bind :443
    tcp-request inspect-delay 5s
    tcp-request content accept if { req_ssl_hello_type 1 }
    use_backend a if { req_ssl_sni -i a.example.com }
    default_backend a
defaults rdp
    mode tcp
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    tcp-request inspect-delay 5s
frontend ts from rdp
    bind :3389
    tcp-request content accept if RDP_COOKIE
    use_backend a if { rdp_cookie(mstshash) -m found }
    default_backend a
frontend plain
    bind :80
    acl unused req.len gt 0
    tcp-request content reject if { src 10.0.0.0/8 }
    default_backend a
backend a
    server s 10.0.0.1:443
`,
    );
  });

  it("reports a TCP frontend that reads the request's first bytes without a delay, once", () => {
    const found = expectHaproxy(
      "HA084",
      `${TCP}frontend tls
    bind :443
    acl sni_a «req_ssl_sni» -i a.example.com
    use_backend a if sni_a
    use_backend a if { req.ssl_sni -i b.example.com }
    default_backend a
backend a
    server s 10.0.0.1:443
`,
    );
    expect(found[0]!.message).toBe(
      "'req_ssl_sni' reads the first bytes of the request, but frontend 'tls' has no 'tcp-request inspect-delay': haproxy evaluates its rules as soon as the connection is accepted, on whatever has arrived (add 'tcp-request inspect-delay 5s' and 'tcp-request content accept if …' for the data)",
    );
  });

  it("reports a fetch of the HTTP request in a proxy left in mode tcp, which finds nothing without a delay (a real file, ninth round)", () => {
    const found = expectHaproxy(
      "HA084",
      `frontend web
    bind :80
    acl is_api «path_beg» /api
    use_backend api if is_api
    default_backend app
listen l
    bind :81
    use_backend api if { «hdr»(host) -i api.example }
    server s 10.0.0.3:80
backend api
    server a 10.0.0.1:80
backend app
    server b 10.0.0.2:80
`,
    );
    expect(found[0]!.message).toBe(
      "'path_beg' reads the HTTP request, but frontend 'web' is in mode tcp without a 'tcp-request inspect-delay': haproxy evaluates its rules as soon as the connection is accepted, before a request has arrived, so the fetch finds nothing and a condition on it never matches (set 'mode http', or add 'tcp-request inspect-delay 5s')",
    );
  });

  it("leaves HTTP fetches alone in mode http, after an inspect delay, after switch-mode http, and fetches that need no request", () => {
    expectHaproxy(
      "HA084",
      `frontend web
    mode http
    bind :80
    use_backend api if { path_beg /api }
    default_backend app
frontend delayed
    bind :81
    tcp-request inspect-delay 5s
    use_backend api if { hdr(host) -i api.example }
frontend switched
    bind :82
    tcp-request content switch-mode http
    use_backend api if { path_beg /api }
frontend plain
    bind :83
    use_backend api if { dst_port 83 } { src 10.0.0.0/8 }
backend api
    mode http
    server a 10.0.0.1:80
backend app
    mode http
    server b 10.0.0.2:80
`,
    );
  });
});
