import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA062 ssl-incomplete", () => {
  it("accepts a certificate on TLS binds, and a CA file or verify none on TLS servers", () => {
    expectHaproxy(
      "HA062",
      `frontend www
    bind :443 ssl crt /etc/ssl/site.pem
    bind :8443 ssl crt-list /etc/ssl/list.txt
    default_backend app
backend app
    default-server ssl ca-file /etc/ssl/ca.pem
    server a 10.0.0.1:443
    server b 10.0.0.2:443 verify none
    server c 10.0.0.3:80 no-ssl
`,
    );
  });

  it("reports a TLS bind without a certificate and TLS servers with nothing to verify against", () => {
    expectHaproxy(
      "HA062",
      `frontend www
    bind :443 «ssl»
    default_backend app
backend app
    server a 10.0.0.1:443 «ssl»
backend other
    default-server ssl
    «server» b 10.0.0.2:443
`,
    );
  });

  it("reads ssl, no-ssl, check-ssl and no-check-ssl as haproxy 2.6.12 does (found by mutations)", () => {
    const found = expectHaproxy(
      "HA062",
      `backend a
    default-server ssl
    «server» a1 10.0.0.1:443 no-ssl
    server a2 10.0.0.1:443 no-ssl verify none
backend b
    server b1 10.0.0.2:443 ssl no-ssl
    server b2 10.0.0.2:443 no-ssl «ssl»
    server b3 10.0.0.2:443 check «check-ssl»
    server b4 10.0.0.2:443 check check-ssl no-check-ssl
    server-template b5 2 10.0.0.2:443 «check-ssl»
backend c
    default-server ssl no-ssl
    server c1 10.0.0.3:443
    default-server check-ssl
    «server» c2 10.0.0.3:443 check
    server c3 10.0.0.3:443 check no-check-ssl
`,
    );
    expect(found[0]!.message).toContain("('no-ssl' does not spare it: the 'ssl' of a default-server line still makes haproxy check it)");
    expect(found[2]!.message).toContain("(and the TLS health checks of 'check-ssl')");
  });

  it("accepts servers without a CA when global ssl-server-verify is none, unless they ask for 'verify required' (haproxy 2.6.12: \"verify is enabled but no CA file specified\")", () => {
    expectHaproxy("HA062", "global\n    ssl-server-verify none\nbackend app\n    server a 10.0.0.1:443 ssl\n    server b 10.0.0.2:443 verify required\n");
    const [found] = expectHaproxy("HA062", "global\n    ssl-server-verify none\nbackend app\n    default-server ssl\n    «server» a 10.0.0.1:443 no-ssl verify required\n    server b 10.0.0.2:443 «ssl» verify required\n");
    expect(found!.message).toMatch(/^'verify required' makes haproxy verify this TLS server, and this one has no 'ca-file'/);
  });

  it("reports a log-forward section's TLS listener without a certificate (found by mutations)", () => {
    expectHaproxy("HA062", "log-forward lf\n    bind 127.0.0.1:2514 «ssl» verify required\n    log 127.0.0.1:514 local0\n");
  });

  it("warns about a certificate on a bind without 'ssl', which haproxy 2.6.12 serves in plain text (realworld7)", () => {
    const [found] = expectHaproxy("HA062", "frontend shop\n    bind :80\n    bind :443 «crt» /etc/haproxy/shop.pem\n    bind quic4@:443 crt /etc/haproxy/shop.pem alpn h3\n    bind :8443 ssl crt /etc/haproxy/shop.pem\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n");
    expect(found!.severity).toBe("warning");
    expect(found!.message).toBe("this listener has a certificate ('crt') but no 'ssl': haproxy loads it and still speaks plain text here, so TLS clients fail; add 'ssl'");
  });
});
