import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const DEFAULTS = `defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
`;

describe("HA072 frontend-timeout-in-backend", () => {
  it("accepts the timeout in frontends and defaults, and in backends a TCP frontend or nobody reaches", () => {
    expectHaproxy(
      "HA072",
      `${DEFAULTS}    timeout http-request 10s
frontend www
    bind :80
    timeout http-request 5s
    use_backend api if { path_beg /api }
    default_backend app
frontend tls
    mode tcp
    bind :443
    default_backend api
backend app
    server a 10.0.0.1:80
backend api
    timeout http-request 10s
    timeout http-keep-alive 1s
    server b 10.0.0.2:80
backend orphan
    timeout http-request 10s
    server c 10.0.0.3:80
`,
    );
  });

  it("reports the backend's last timeout http-request line when only HTTP frontends reach it", () => {
    const [found] = expectHaproxy(
      "HA072",
      `${DEFAULTS}frontend www
    bind :80
    default_backend app
listen admin
    bind :8080
    use_backend app if { path_beg /app }
backend app
    timeout http-request 5s
    «timeout http-request» 10s
    «timeout http-keep-alive» 2s
    timeout server 1m
    server a 10.0.0.1:80
`,
    );
    expect(found!.severity).toBe("warning");
    expect(found!.message).toBe(
      "'timeout http-request' has no effect in backend 'app': the HTTP frontends that reach it ('www', 'admin') read their own; set it there or in their defaults section",
    );
  });

  it("counts frontends with a computed use_backend, and names at most three", () => {
    const [found] = expectHaproxy(
      "HA072",
      `${DEFAULTS}frontend a
    bind :81
    use_backend %[req.hdr(host),lower]
frontend b
    bind :82
    default_backend app
frontend c
    bind :83
    default_backend app
frontend d
    bind :84
    default_backend app
backend app
    «timeout http-request» 10s
`,
    );
    expect(found!.message).toContain("('a', 'b', 'c' and 1 more)");
  });
});
