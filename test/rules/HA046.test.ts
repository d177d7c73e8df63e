import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA046 unanchored-host-regex", () => {
  it("accepts anchored host patterns, subdomain patterns, and other matches", () => {
    expectHaproxy(
      "HA046",
      `frontend www
    bind :80
    acl a hdr_reg(host) -i ^(www\\.)?example\\.com(:[0-9]+)?$
    acl b hdr_reg(Host) \\.example\\.com$
    acl c req.hdr(host),lower -m reg ^api\\.example\\.com$|^api2\\.example\\.com$
    acl d hdr_reg(origin) ^https://(www\\.)?example\\.com$
    acl e hdr_reg(referer) ^https?://example\\.com/
    acl f hdr_reg(referer) ^https?://example\\.com(/|$)
    acl g hdr_end(host) .example.com
    acl h path_reg ^/api/
    acl i hdr_reg(user-agent) curl
    acl j req.ssl_sni -m reg ^.*\\.example\\.com$
    acl k hdr_reg(host) -f /etc/haproxy/hosts.lst
    http-request deny if { hdr_reg(host) ^(?:admin|internal)\\.example\\.com$ }
    http-request deny if a b c d e f g h i j k
`,
    );
  });

  it("reports unanchored host, origin, referer and SNI patterns", () => {
    const found = expectHaproxy(
      "HA046",
      `frontend www
    bind :80
    acl a hdr_reg(host) -i «example\\.com»
    acl b hdr_reg(host) «^example\\.com»
    acl c req.hdr(host),lower -m reg «api\\.example\\.com$»
    acl d hdr_reg(origin) «https://example\\.com$»
    acl e hdr_reg(referer) «^https?://example\\.com»
    acl f req.ssl_sni -m reg «^a\\.example\\.com$|b\\.example\\.com»
    http-request deny if { hdr_reg(host) «(.*\\.)?example\\.com$» } a b c d e f
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "the Host pattern 'example\\.com' has neither '^' nor '$': 'example.com.evil.example' and 'evilexample.com' match it too",
      "the Host pattern '^example\\.com' has no '$': 'example.com.evil.example' matches it too",
      "the Host pattern 'api\\.example\\.com$' has no '^': 'evilapi.example.com' matches it too",
      "the Origin pattern 'https://example\\.com$' has no '^': a longer name that contains it matches too",
      "the Referer pattern '^https?://example\\.com' has no '$': a longer name that contains it matches too",
      "the SNI pattern '^a\\.example\\.com$|b\\.example\\.com' has neither '^' nor '$': 'b.example.com.evil.example' and 'evilb.example.com' match it too",
      "the Host pattern '(.*\\.)?example\\.com$' has no '^': a longer name that contains it matches too",
    ]);
    expect(found[0]!.suggestions?.[0]?.edits[0]?.newText).toBe("^example\\.com$");
    expect(found[5]!.suggestions?.[0]?.edits[0]?.newText).toBe("^(?:^a\\.example\\.com$|b\\.example\\.com)$");
  });
});
