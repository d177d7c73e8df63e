import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA018 duplicate-section", () => {
  it("accepts different names, several global and anonymous defaults sections, and .if alternatives", () => {
    expectHaproxy(
      "HA018",
      `global
    maxconn 100
global
    nbthread 2
defaults
    mode http
defaults
    mode tcp
resolvers dns
    nameserver ns 10.0.0.53:53
resolvers dns2
    nameserver ns 10.0.0.54:53
cache dns
    total-max-size 4
.if defined(BLUE)
peers cluster
    peer a 10.0.0.1:1024
.else
peers cluster
    peer b 10.0.0.2:1024
.endif
`,
    );
  });

  it("reports a second section of one kind and name", () => {
    const found = expectHaproxy(
      "HA018",
      `resolvers dns
    nameserver ns 10.0.0.53:53
peers p
cache c
ring r
mailers m
http-errors e
fcgi-app f
program pg
resolvers «dns»
peers «p»
cache «c»
ring «r»
mailers «m»
http-errors «e»
fcgi-app «f»
program «pg»
`,
    );
    expect(found[0]!.message).toBe("resolvers 'dns' has the same name as the resolvers on line 1");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(0);
    expect(found.every((p) => p.severity === "error")).toBe(true);
  });

  it("warns about a second userlist, whose users go to the last userlist declared", () => {
    const found = expectHaproxy("HA018", "userlist a\n    user x insecure-password p\nuserlist b\nuserlist «a»\n    user y insecure-password p\n");
    expect(found[0]!.severity).toBe("warning");
  });

  it("reports a log-forward sharing a name with a proxy, in either order", () => {
    expectHaproxy(
      "HA018",
      `log-forward syslog
    dgram-bind 127.0.0.1:1514
frontend «syslog»
    bind :80
backend app
log-forward «app»
    dgram-bind 127.0.0.1:1515
frontend «app»
    bind :81
`,
    );
  });
});
