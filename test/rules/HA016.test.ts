import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA016 undefined-defaults", () => {
  it("accepts from an earlier defaults, rules in named defaults used by one side, acl in named defaults", () => {
    expectHaproxy(
      "HA016",
      `defaults plain
    mode http
defaults base from plain
    acl local src 10.0.0.0/8
    http-request set-header X-Via lb
defaults tcpdefaults from plain
    mode tcp
frontend www from base
    bind :80
frontend admin from base
    bind :81
backend app from tcpdefaults
    server a 10.0.0.1:80
`,
    );
  });

  it("accepts an anonymous defaults with settings, and tcp-request inspect-delay in named defaults", () => {
    expectHaproxy(
      "HA016",
      `defaults
    mode http
    option httplog
    http-error status 503 content-type text/plain string "down"
    http-check expect status 200
defaults withdelay
    tcp-request inspect-delay 5s
frontend f from withdelay
    bind :80
backend b from withdelay
    server a 10.0.0.1:80
`,
    );
  });

  it("reports a from that names nothing, a later defaults or another kind of section", () => {
    const found = expectHaproxy(
      "HA016",
      `defaults base
    mode http
backend a from «bsae»
backend b from «later»
backend c from «a»
defaults later
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "backend 'a' cannot inherit from 'bsae': there is no defaults section named 'bsae'; did you mean 'base'?",
      "backend 'b' cannot inherit from 'later': defaults section 'later' is defined later (line 6); haproxy needs it before",
      "backend 'c' cannot inherit from 'a': 'a' is a backend, not a defaults section",
    ]);
    expect(found[0]!.fix?.edits[0]?.newText).toBe("base");
    expect(found[1]!.fix).toBeUndefined();
  });

  it("reports rules and ACLs in an anonymous defaults section", () => {
    const found = expectHaproxy(
      "HA016",
      `defaults
    mode http
    «acl» local src 10.0.0.0/8
    «http-request» deny if !local
    «tcp-request inspect-delay» 5s
    «tcp-request content» accept
    «tcp-response content» accept
    «http-after-response» set-header X-A b
    errorfile 503 /etc/haproxy/503.http
`,
    );
    expect(found[0]!.message).toBe("'acl' is not allowed in an anonymous defaults section; give the section a name and inherit it with 'from'");
  });

  it("reports proxies that may not inherit a defaults section with rules", () => {
    const found = expectHaproxy(
      "HA016",
      `defaults rules
    http-request set-header X-A b
frontend f from rules
    bind :80
backend b from «rules»
listen l from «rules»
    bind :81
defaults d2 from «rules»
defaults resp
    tcp-response content accept
backend b2 from resp
frontend f2 from «resp»
    bind :82
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "frontends and backends cannot inherit from the same defaults section when it defines TCP/HTTP rules, and defaults 'rules' is already inherited by a frontend",
      "a listen section cannot inherit from defaults 'rules', which defines TCP/HTTP rules",
      "a defaults section cannot inherit from defaults 'rules', which defines TCP/HTTP rules",
      "a frontend cannot inherit from defaults 'resp', which defines 'tcp-response content' rules",
    ]);
  });

  it("counts implicit inheritance, and warns when one defaults is used both explicitly and implicitly", () => {
    expectHaproxy("HA016", "defaults d\n    http-request set-header X-A b\nfrontend f\n    bind :80\nbackend «b»\n");
    const found = expectHaproxy("HA016", "defaults d\n    mode http\nbackend b from d\nfrontend «f»\n    bind :80\n");
    expect(found[0]!.severity).toBe("warning");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(2);
  });
});

describe("HA016 undefined-defaults: frontend-only rules", () => {
  it("refuses a backend inheriting tcp-request connection or session rules", () => {
    expectHaproxy("HA016", "defaults d\n    tcp-request connection accept\nbackend be from «d»\n    server s 10.0.0.1:80\n");
  });
});
