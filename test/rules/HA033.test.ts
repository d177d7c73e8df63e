import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA033 option-conflict", () => {
  it("accepts one option per group, overrides of defaults, no option, and .if alternatives", () => {
    expectHaproxy(
      "HA033",
      `defaults
    option http-server-close
    option httpchk GET /health
frontend www
    bind :80
    option httpclose
    no option http-keep-alive
backend db
    option mysql-check user haproxy
    option http-keep-alive
backend app
.if defined(TCP)
    option tcp-check
.else
    option httpchk
.endif
`,
    );
  });

  it("reports the later option of a group, with the one it replaces", () => {
    const found = expectHaproxy(
      "HA033",
      `backend app
    option httpclose
    option httpchk GET /health
    «option http-keep-alive»
    «option tcp-check»
    server a 10.0.0.1:80 check
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'option http-keep-alive' replaces 'option httpclose' (line 2): both set the HTTP connection mode, and haproxy keeps only the last one",
      "'option tcp-check' replaces 'option httpchk' (line 3): both set the health check type, and haproxy keeps only the last one",
    ]);
    expect(found[1]!.related?.[0]?.range.start.line).toBe(2);
  });
});
