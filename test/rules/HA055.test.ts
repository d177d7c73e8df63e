import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA055 timeout-tunnel", () => {
  it("accepts upgrades to backends with a tunnel timeout, and proxies without upgrades", () => {
    expectHaproxy(
      "HA055",
      `defaults
    mode http
    timeout client 30s
    timeout server 30s
frontend www
    bind :80
    acl is_ws hdr(Upgrade) -i websocket
    use_backend ws if is_ws
    default_backend web
backend ws
    timeout tunnel 1h
    server a 10.0.0.1:80
backend web
    server a 10.0.0.2:80
defaults tunnels
    mode http
    timeout tunnel 3600s
backend ws2 from tunnels
    acl upgrade hdr_cnt(upgrade) gt 0
    http-request set-header X-Ws 1 if upgrade
    server a 10.0.0.3:80
listen tcp_ws
    mode tcp
    bind :8080
    acl ws hdr(upgrade) -i websocket
    server a 10.0.0.4:80
`,
    );
  });

  it("reports the backends an upgrade ACL routes to", () => {
    const [found] = expectHaproxy(
      "HA055",
      `defaults
    mode http
    timeout client 30s
    timeout server 30s
frontend www
    bind :80
    acl is_ws «hdr(Upgrade)» -i websocket
    use_backend ws if is_ws
    default_backend web
backend ws
    server a 10.0.0.1:80
backend web
    server a 10.0.0.2:80
`,
    );
    expect(found!.message).toBe(
      "upgraded connections (WebSocket) go to backend 'ws' without 'timeout tunnel': idle ones are cut when the client or server timeout expires",
    );
    expect(found!.related?.map((r) => r.range.start.line)).toEqual([9]);
  });

  it("reports every backend when the upgrade test does not choose one, and listens and backends themselves", () => {
    expectHaproxy(
      "HA055",
      `defaults
    mode http
frontend www
    bind :80
    http-request set-header X-Upgrade 1 if { «hdr(connection)» -i upgrade }
    use_backend api if { path_beg /api }
    default_backend web
backend api
    server a 10.0.0.1:80
backend web
    timeout tunnel 1h
    server a 10.0.0.2:80
listen chat
    bind :81
    acl ws «req.hdr(sec-websocket-protocol)» -m str websocket
    server a 10.0.0.3:80
backend ws
    use-server a if { «hdr_beg(upgrade)» -i web }
    server a 10.0.0.4:80
backend ws0
    timeout tunnel 0
    acl ws «hdr(upgrade)» -m found
    use-server a if ws
    server a 10.0.0.5:80
`,
    );
  });
});
