import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA024 empty-backend", () => {
  it("accepts backends with servers, or with another job", () => {
    expectHaproxy(
      "HA024",
      `backend app
    server a 10.0.0.1:80
backend dns
    server-template srv 5 _http._tcp.app.local resolvers dns
backend rates
    stick-table type ip size 1m expire 10m store http_req_rate(10s)
backend stats
    stats enable
    stats uri /
backend metrics
    http-request use-service prometheus-exporter
backend health
    http-request return status 200 content-type text/plain string ok
backend to-https
    redirect scheme https
backend maintenance
    errorfile 503 /etc/haproxy/errors/maintenance.http
backend closed
    tcp-request content reject
backend legacy
    dispatch 10.0.0.3:80
backend "\${NAME}"
`,
    );
  });

  it("reports a backend without server, on its name", () => {
    const found = expectHaproxy("HA024", "backend «api»\n    balance roundrobin\n    http-request set-header X-A b\n");
    expect(found[0]!.message).toBe("backend 'api' has no server: every request it receives gets a 503 error");
  });

  it("counts a conditional 503 page only when it is a 503", () => {
    expectHaproxy("HA024", "backend «api»\n    errorfile 502 /etc/haproxy/502.http\n    http-request set-var(txn.a) str(b)\n");
  });
});
