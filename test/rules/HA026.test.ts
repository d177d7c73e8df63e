import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA026 mode-mismatch", () => {
  it("accepts routes within one mode, dynamic names, undefined backends and modes set in .if", () => {
    expectHaproxy(
      "HA026",
      `defaults
    mode http
frontend www
    bind :80
    use_backend %[req.hdr(host),lower]
    use_backend missing if { path /x }
    default_backend app
frontend db
    mode tcp
    bind :5432
    default_backend pg
frontend upgraded
    mode tcp
    bind :81
    tcp-request inspect-delay 5s
    tcp-request content switch-mode http if HTTP
    default_backend app
backend app
    server a 10.0.0.1:80
backend pg
    mode tcp
    server p 10.0.0.2:5432
backend maybe
.if defined(TCP)
    mode tcp
.endif
frontend other
    bind :82
    default_backend maybe
`,
    );
  });

  it("reports http to tcp as an error, on the backend name in the rule", () => {
    const found = expectHaproxy(
      "HA026",
      `frontend www
    mode http
    bind :80
    use_backend «pg» if { path /db }
    default_backend «pg»
backend pg
    server p 10.0.0.2:5432
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error"]);
    expect(found[0]!.message).toBe("frontend 'www' is in mode http and cannot use backend 'pg', which is in mode tcp (use_backend); haproxy refuses it");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(5);
  });

  it("reports an inherited default_backend on the frontend's name", () => {
    const found = expectHaproxy("HA026", "defaults\n    mode http\n    default_backend pg\nfrontend «www»\n    bind :80\nbackend pg\n    mode tcp\n    server p 10.0.0.2:5432\n");
    expect(found[0]!.related?.map((r) => r.range.start.line)).toEqual([5, 2]);
  });

  it("gives advice (info) for tcp to http, which haproxy accepts as an upgrade", () => {
    const found = expectHaproxy("HA026", "listen l\n    bind :80\n    default_backend «web»\nbackend web\n    mode http\n    server w 10.0.0.1:80\n");
    expect(found[0]!.severity).toBe("info");
  });

  it("judges only the default_backend that is used, the last one", () => {
    const head = "defaults\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nbackend l4\n    mode tcp\n    server s 10.0.0.1:80\nbackend l7\n    mode http\n    server s 10.0.0.1:80\n";
    expectHaproxy("HA026", `${head}frontend f\n    mode http\n    bind :80\n    default_backend l4\n    default_backend l7\n`);
    expectHaproxy("HA026", `${head}frontend f\n    mode http\n    bind :80\n    default_backend l7\n    default_backend «l4»\n`);
  });

  it("leaves a tcp frontend that switches itself to HTTP with backends of either mode", () => {
    const head = "defaults\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\nbackend l4\n    mode tcp\n    server s 10.0.0.1:80\nbackend l7\n    mode http\n    server s 10.0.0.1:80\n";
    expectHaproxy("HA026", `${head}frontend f\n    mode tcp\n    bind :80\n    tcp-request content switch-mode http\n    use_backend l7 if { path /x }\n    default_backend l4\n`);
  });
});
