import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA048 httpchk-without-host", () => {
  it("accepts HTTP/1.0 checks, checks with a Host header, and backends without checks", () => {
    expectHaproxy(
      "HA048",
      `backend a
    option httpchk
    server s 10.0.0.1:80 check
backend b
    option httpchk GET /health
    server s 10.0.0.1:80 check
backend c
    option httpchk GET /health HTTP/1.1\\r\\nHost:\\ www.example.com
    server s 10.0.0.1:80 check
backend d
    option httpchk GET /health HTTP/1.1
    http-check send hdr Host www.example.com
    server s 10.0.0.1:80 check
backend e
    option httpchk
    http-check send meth GET uri /health ver HTTP/1.1 hdr host www.example.com
    http-check expect status 200
    server s 10.0.0.1:80 check
backend f
    option httpchk GET /health HTTP/1.1
    server s 10.0.0.1:80
backend g
    option httpchk GET /health HTTP/1.1
    option tcp-check
    server s 10.0.0.1:80 check
backend h
    option httpchk GET /health HTTP/1.1 www.example.com
    server s 10.0.0.1:80 check
`,
    );
  });

  it("reports the version of option httpchk and of http-check send", () => {
    const found = expectHaproxy(
      "HA048",
      `backend a
    option httpchk GET /health «HTTP/1.1»
    server s 10.0.0.1:80 check
backend b
    option httpchk
    http-check send meth GET uri /health ver «HTTP/1.1» hdr User-Agent lb
    server s 10.0.0.1:80 check inter 2s
backend c
    option httpchk HEAD / «HTTP/1.1»\\r\\nUser-Agent:\\ lb
    default-server check
    server s 10.0.0.1:80
`,
    );
    expect(found[0]!.message).toBe(
      "health checks are sent as HTTP/1.1 without a Host header: HTTP/1.1 servers answer 400 and are marked DOWN; add 'http-check send hdr Host <name>'",
    );
  });

  it("reports an option inherited from defaults once, where it is written", () => {
    expectHaproxy(
      "HA048",
      `defaults
    mode http
    option httpchk HEAD /health «HTTP/1.1»
backend a
    server s 10.0.0.1:80 check
backend b
    server s 10.0.0.2:80 check
backend c
    http-check send hdr Host c.example.com
    server s 10.0.0.3:80 check
`,
    );
  });
});
