import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const HTTP = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";

describe("HA083 l6-fetch-in-http", () => {
  it("accepts raw-request fetches in mode tcp, HTTP fetches in mode http, and expressions outside conditions", () => {
    expectHaproxy(
      "HA083",
      `${HTTP}frontend tls
    mode tcp
    bind :443
    tcp-request inspect-delay 5s
    tcp-request content accept if { req_ssl_hello_type 1 }
    acl sni req.ssl_sni -i a.example.com
    use_backend app if sni
    default_backend app
frontend www
    bind :80
    acl host hdr(host) -i a.example.com
    acl unused req.len gt 0
    http-request set-var(txn.len) req.len
    http-request deny if { req.hdr(x-bad) -m found } host
    default_backend app
backend app
    mode tcp
    server a 10.0.0.1:80
`,
    );
  });

  it("reports a raw-request fetch in a condition of an HTTP proxy, and a named ACL where a condition uses it", () => {
    const found = expectHaproxy(
      "HA083",
      `${HTTP}frontend www
    bind :80
    acl sni req_ssl_sni -i a.example.com
    use_backend api if «sni»
    http-request deny if { «req.payload»(0,1) -m bin 16 } || «REQ_CONTENT»
    default_backend app
backend api
    tcp-request content reject if { «rdp_cookie»(mstshash) -m found }
    server a 10.0.0.2:80
backend app
    server a 10.0.0.1:80
`,
    );
    expect(found[0]!.message).toBe(
      "acl 'sni' of frontend 'www' reads the raw bytes of the request ('req_ssl_sni'): in mode http haproxy has parsed the request already and ignores the fetch, which finds nothing, so the condition does not test what it says (read a TLS server name with ssl_fc_sni where haproxy terminates TLS)",
    );
  });
});
