import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA027 http-in-tcp", () => {
  it("accepts HTTP settings in mode http, TCP settings in mode tcp, and switch-mode http", () => {
    expectHaproxy(
      "HA027",
      `defaults
    mode http
    option httplog
frontend www
    bind :80
    option forwardfor
    http-request deny if { path_beg /admin }
    capture request header Host len 32
    default_backend app
frontend db
    mode tcp
    bind :5432
    option tcplog
    compression algo gzip
    option http-server-close
    tcp-request content accept
    default_backend pg
frontend mixed
    mode tcp
    bind :81
    option tcplog
    tcp-request inspect-delay 5s
    tcp-request content switch-mode http if HTTP
    http-request set-header X-A b
    default_backend app
backend app
    cookie SRV insert
    server a 10.0.0.1:80
backend pg
    mode tcp
    server p 10.0.0.2:5432
`,
    );
  });

  it("reports own HTTP settings once per kind, on the side haproxy checks", () => {
    const found = expectHaproxy(
      "HA027",
      `frontend www
    bind :80
    «option httplog»
    «option forwardfor»
    «http-request» deny if { path_beg /admin }
    http-request set-header X-A b
    «capture» request header Host len 32
    «monitor-uri» /health
    «redirect» scheme https if { hdr(host) -m beg www }
    default_backend app
backend app
    «cookie» SRV insert
    «option prefer-last-server»
    option http-ignore-probes
    «stats» enable
    server a 10.0.0.1:80
`,
    );
    expect(found[0]!.message).toBe("'option httplog' needs HTTP, but frontend 'www' is in mode tcp (haproxy's default); haproxy logs in the tcplog format instead");
    expect(found[2]!.message).toBe("'http-request' rules need HTTP, but frontend 'www' is in mode tcp (haproxy's default); haproxy ignores them");
  });

  it("reports settings inherited from an HTTP defaults section once, on the proxy's name", () => {
    const found = expectHaproxy(
      "HA027",
      `defaults web
    mode http
    option httplog
    option forwardfor
frontend «db» from web
    mode tcp
    bind :5432
    default_backend pg
backend «pg» from web
    mode tcp
    server p 10.0.0.2:5432
`,
    );
    expect(found[0]!.message).toBe("frontend 'db' is in mode tcp (line 6) but inherits HTTP-only settings that haproxy ignores here: 'option forwardfor', 'option httplog' (it logs in the tcplog format instead)");
    expect(found[1]!.message).toBe("backend 'pg' is in mode tcp (line 10) but inherits HTTP-only settings that haproxy ignores here: 'option forwardfor'");
  });

  it("reports a server's cookie, and a default-server's, in mode tcp", () => {
    const found = expectHaproxy(
      "HA027",
      `defaults
    mode tcp
backend db
    default-server check «cookie» d
    server p1 10.0.0.2:5432 «cookie» p1
    server-template p 2 10.0.0.3:5432 «cookie» p
    server cookie 10.0.0.4:5432
frontend f
    bind :5432
    default_backend db
`,
    );
    expect(found.map((problem) => problem.message)).toEqual([
      "the 'cookie' of default-server needs HTTP, but backend 'db' is in mode tcp (from defaults); haproxy ignores it",
      "the 'cookie' of server 'p1' needs HTTP, but backend 'db' is in mode tcp (from defaults); haproxy ignores it",
      "the 'cookie' of server-template 'p' needs HTTP, but backend 'db' is in mode tcp (from defaults); haproxy ignores it",
    ]);
  });
});
