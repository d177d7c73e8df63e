import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA032 l7-balance-in-tcp", () => {
  it("accepts layer 7 algorithms in mode http, and connection algorithms in mode tcp", () => {
    expectHaproxy(
      "HA032",
      `defaults
    mode http
    balance uri
backend web
    server a 10.0.0.1:80
backend rdp
    mode tcp
    balance rdp-cookie
    server r 10.0.0.2:3389
backend db
    mode tcp
    balance source
    server d 10.0.0.3:5432
backend hashed
    mode tcp
    balance hash req.hdr(host)
    server h 10.0.0.4:80
`,
    );
  });

  it("reports uri, url_param and hdr() in mode tcp, on the algorithm or on the proxy when inherited", () => {
    const found = expectHaproxy(
      "HA032",
      `defaults
    balance url_param id
backend «inherits»
    server a 10.0.0.1:80
listen l
    bind :80
    balance «hdr(host)»
    server a 10.0.0.1:80
backend b
    mode tcp
    balance «uri»
    server a 10.0.0.1:80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "backend 'inherits' is in mode tcp (haproxy's default) and inherits 'balance url_param' from defaults (line 2): haproxy falls back to round robin",
      "'balance hdr(host)' needs HTTP, but listen 'l' is in mode tcp (haproxy's default): haproxy falls back to round robin",
      "'balance uri' needs HTTP, but backend 'b' is in mode tcp: haproxy falls back to round robin",
    ]);
  });
});
