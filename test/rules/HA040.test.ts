import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const DEFAULTS = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

describe("HA040 stats-without-auth", () => {
  it("accepts pages with credentials, with access rules, on loopback or unix sockets, and in tcp mode", () => {
    expectHaproxy(
      "HA040",
      `${DEFAULTS}listen stats_auth
    bind :8404
    stats enable
    stats uri /stats
    stats auth ops:Xq8-long-secret
    stats admin if TRUE
listen stats_acl
    bind :8405
    stats enable
    http-request deny unless { src 10.0.0.0/8 }
listen stats_hr
    bind :8406
    stats uri /
    stats http-request auth unless { http_auth(ops) }
listen stats_local
    bind 127.0.0.1:8407
    bind /run/haproxy/stats.sock
    stats enable
    stats admin if TRUE
listen stats_tcp
    mode tcp
    bind :8408
    stats enable
    server s 10.0.0.1:80
frontend www
    bind :80
    default_backend app
backend app
    server a 10.0.0.1:80
`,
    );
  });

  it("reports a page reachable on a public bind, and 'stats admin if TRUE' with it", () => {
    const found = expectHaproxy(
      "HA040",
      `${DEFAULTS}listen stats
    bind *:8404
    «stats uri /stats»
    stats refresh 10s
    stats admin «if TRUE»
listen other
    bind 10.0.0.5:8405
    «stats admin» if TRUE
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "the statistics page of listen 'stats' is served on '*:8404' without authentication or an access rule",
      "with 'stats admin if TRUE' and no authentication, anyone who reaches '*:8404' can disable servers and kill sessions",
      "the statistics page of listen 'other' is served on '10.0.0.5:8405' without authentication or an access rule",
    ]);
  });

  it("follows stats lines of a defaults section, and backends through the frontends that reach them", () => {
    expectHaproxy(
      "HA040",
      `defaults
    mode http
    «stats enable»
frontend www
    bind :80
    default_backend app
backend app
    server a 10.0.0.1:80
`,
    );
    const [found] = expectHaproxy(
      "HA040",
      `${DEFAULTS}frontend www
    bind :80
    use_backend stats if { path_beg /stats }
    default_backend app
backend app
    server a 10.0.0.1:80
backend stats
    «stats enable»
`,
    );
    expect(found!.message).toBe("the statistics page of backend 'stats' is served on ':80' through frontend 'www' without authentication or an access rule");
    expectHaproxy(
      "HA040",
      `${DEFAULTS}frontend www
    bind :80
    http-request auth unless { http_auth(ops) }
    default_backend stats
backend stats
    stats enable
`,
    );
  });

  it("reports credentials anyone would try, in stats auth and in userlists", () => {
    const found = expectHaproxy(
      "HA040",
      `${DEFAULTS}listen stats
    bind 127.0.0.1:8404
    stats enable
    stats auth admin:«admin»
    stats auth ops:«Password»
    stats auth haproxy:«haproxy»
    stats auth bob:«bob»
    stats auth carol:c4r0l-S3cret
userlist ops
    user alice insecure-password «123456»
    user dave password $6$abcdefgh$ijkl
`,
    );
    expect(found[0]!.message).toBe("'admin' is a password anyone would try first for user 'admin'");
  });

  it("reports a runtime API socket on a network address", () => {
    const found = expectHaproxy(
      "HA040",
      `global
    stats socket /run/haproxy/admin.sock mode 660 level admin
    stats socket 127.0.0.1:9999 level admin
    stats socket «ipv4@0.0.0.0:9999» level admin
    stats socket «:9998»
`,
    );
    expect(found[0]!.message).toContain("change anything");
    expect(found[1]!.message).toContain("read everything it shows");
  });
});
