import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA035 httpcheck-without-httpchk", () => {
  it("accepts http-check rules with option httpchk (own or inherited), settings alone, and defaults", () => {
    expectHaproxy(
      "HA035",
      `defaults checks
    option httpchk
    http-check expect status 200
backend own
    option httpchk
    http-check send meth GET uri /health
    server a 10.0.0.1:80 check
backend inherits from checks
    http-check expect status 204
    server a 10.0.0.1:80 check
backend settings
    http-check disable-on-404
    http-check send-state
    server a 10.0.0.1:80 check
backend tcp
    option tcp-check
    tcp-check connect port 5432
    tcp-check send-binary 00
    server a 10.0.0.1:80 check
`,
    );
  });

  it("reports the first rule when the check type is missing or another one", () => {
    const found = expectHaproxy(
      "HA035",
      `backend none
    «http-check» send meth GET uri /health
    http-check expect status 200
    server a 10.0.0.1:80 check
backend overridden
    option httpchk
    option tcp-check
    «http-check» expect status 200
    server a 10.0.0.1:80 check
backend tcprules
    option mysql-check user haproxy
    «tcp-check» connect
    server a 10.0.0.1:80 check
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "backend 'none' has 'http-check' rules but it has no 'option httpchk': haproxy ignores the rules",
      "backend 'overridden' has 'http-check' rules but its check type is 'option tcp-check' (line 7): haproxy ignores the rules",
      "backend 'tcprules' has 'tcp-check' rules but its check type is 'option mysql-check' (line 11): haproxy ignores the rules",
    ]);
  });
});
