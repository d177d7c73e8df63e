import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA021 unitless-timeout", () => {
  it("accepts units, plausible milliseconds and 0", () => {
    expectHaproxy(
      "HA021",
      `defaults
    timeout connect 5000
    timeout client 50000
    timeout server 30s
    timeout tunnel 1h
    timeout check 500
    timeout http-request 0
backend app
    stick-table type ip size 1m expire 30m
    server a 10.0.0.1:80 check inter 2000 fastinter 500ms slowstart 60s
`,
    );
  });

  it("warns about small bare numbers everywhere a time is read", () => {
    const found = expectHaproxy(
      "HA021",
      `global
    stats timeout «30»
    hard-stop-after «10»
defaults
    timeout client «30»
backend app
    tcp-request inspect-delay «5»
    stick-table type ip size 1m expire «30»
    default-server inter «3»
    server a 10.0.0.1:80 check inter «2» fastinter «1» downinter «5» slowstart «60»
    server-template web 2 10.0.0.2:80 check agent-inter «9»
    http-request wait-for-body time «5» at-least 1k
resolvers dns
    nameserver ns 10.0.0.53:53
    hold valid «10»
    timeout resolve «1»
mailers m
    timeout mail «20»
`,
    );
    expect(found.every((p) => p.severity === "warning")).toBe(true);
    expect(found[2]!.message).toBe("'timeout client 30' has no unit, so haproxy reads 30 milliseconds; write '30s' if seconds were meant, or '30ms' to make it explicit");
    expect(found[2]!.fix).toBeUndefined();
    expect(found[2]!.suggestions?.map((s) => s.edits[0]!.newText)).toEqual(["30s", "30ms"]);
  });

  it("advises on seconds-like values for long timeouts only", () => {
    const found = expectHaproxy("HA021", "defaults\n    timeout tunnel «3600»\n    timeout client «300»\n    timeout connect 300\n    timeout server 3000\n");
    expect(found.map((p) => p.severity)).toEqual(["info", "info"]);
    expect(found[0]!.message).toBe("'timeout tunnel 3600' has no unit, so haproxy reads 3600 milliseconds (3.6 s); it looks like seconds: write '3600s' if so, or '3600ms'");
  });

  it("warns about a bare expiry shorter than a rate the table counts (realworld7: 'expire 100' with http_req_rate(1s))", () => {
    const found = expectHaproxy(
      "HA021",
      "frontend f\n    bind :80\n    stick-table type ip size 100k expire «500» store conn_cur,http_req_rate(2s),gpc0_rate(10s)\n    default_backend b\nbackend b\n    stick-table type ip size 100k expire 30000 store http_req_rate(10s)\n    server s 10.0.0.1:80\nbackend c\n    stick-table type ip size 100k expire 500ms store http_req_rate(10s)\n",
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'expire 500' has no unit, so haproxy reads 500 milliseconds, shorter than the period of 'gpc0_rate(10s)' the table counts: a client idle that long loses its count before one period is over; write '500s' if seconds were meant, or '500ms' to make it explicit"],
    ]);
  });
});

