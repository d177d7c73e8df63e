import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA052 global-maxconn", () => {
  it("accepts limits under the global one, small limits, and servers with sane minconn", () => {
    expectHaproxy(
      "HA052",
      `global
    maxconn 50000
defaults
    maxconn 20000
frontend www
    bind :80 maxconn 10000
    maxconn 50000
backend app
    fullconn 1000
    server a 10.0.0.1:80 minconn 10 maxconn 100
    server b 10.0.0.2:80 maxconn 100
`,
    );
    expectHaproxy("HA052", "global\n    log stdout local0\nfrontend www\n    bind :80\n    maxconn 400\n");
    // Without a global section (a fragment of a larger setup), proxy limits are not judged.
    expectHaproxy("HA052", "frontend www\n    bind :80\n    maxconn 100000\n");
  });

  it("reports proxy and bind limits without a global maxconn", () => {
    const [found] = expectHaproxy(
      "HA052",
      `global
    log stdout local0
defaults
    «maxconn 5000»
frontend www
    bind :80 «maxconn 2000»
    «maxconn 100000»
`,
    );
    expect(found!.message).toBe(
      "'maxconn 5000' without a global maxconn: the process limit then comes from 'ulimit -n' (498 connections with the usual 1024) and caps this one",
    );
    expect(found!.related?.[0]?.range.start.line).toBe(0);
  });

  it("reports limits above the global one, reading the first global maxconn", () => {
    const found = expectHaproxy(
      "HA052",
      `global
    maxconn 100
    maxconn 200000
frontend www
    bind :80 «maxconn 150»
    «maxconn 100000»
`,
    );
    expect(found[1]!.message).toBe("'maxconn 100000' is above the global maxconn 100: the process never accepts more than 100 connections in total");
  });

  it("reports minconn above maxconn, and minconn without maxconn, once per line", () => {
    const found = expectHaproxy(
      "HA052",
      `defaults
    default-server «minconn 20»
backend app
    server a 10.0.0.1:80 maxconn 10 «minconn 50»
    server b 10.0.0.2:80 maxconn 0 «minconn 50»
    server c 10.0.0.3:80
    server d 10.0.0.4:80 maxconn 5
    server e 10.0.0.5:80 maxconn 50
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'minconn 20' without a maxconn: haproxy makes 20 the server's maxconn",
      "'minconn 50' is above 'maxconn 10': haproxy raises the server's maxconn to 50",
      "'minconn 50' without a maxconn: haproxy makes 50 the server's maxconn",
    ]);
  });
});
