import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA004 invalid-value", () => {
  it("accepts times with units, listed words, hash and random algorithms and ports", () => {
    expectHaproxy(
      "HA004",
      `global
    log 127.0.0.1:514 len 1024 local0 info notice
    log stdout format raw daemon
defaults
    mode tcp
    timeout client 1m
    timeout server 100
backend a
    balance hdr(host)
    hash-type consistent
frontend f
    bind :80,:443
    bind "\${ADDR}"
    bind unix@/run/haproxy.sock
    bind 10.0.0.1:8000-8010
`,
    );
  });

  it("reports unknown units, words outside closed lists and bind addresses without a port", () => {
    const found = expectHaproxy(
      "HA004",
      `global
    log 127.0.0.1 «local9» «infos»
defaults
    mode «https»
    timeout client «30sec»
backend a
    balance «round-robin»
frontend f
    bind «10.0.0.1»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'local9' is not a syslog facility; did you mean 'local0' or 'local1' or 'local2'?",
      "'infos' is not a log level; did you mean 'info'?",
      "'https' is not one of tcp, http, log, spop for 'mode'; did you mean 'http'?",
      "'30sec' is not a time (a number with an optional unit: us, ms, s, m, h, d) for 'timeout client'",
      "'round-robin' is not a balance algorithm; did you mean 'roundrobin'?",
      "bind address '10.0.0.1' has no port; haproxy refuses it (write '10.0.0.1:PORT')",
    ]);
    expect(found[4]!.fix?.edits[0]?.newText).toBe("roundrobin");
  });

  it("only warns about a time with trailing letters for haproxy 2.6, which reads it", () => {
    const [found] = expectHaproxy("HA004", "defaults\n    timeout client «30sec»\n", { haproxyVersion: "2.6" });
    expect(found!.severity).toBe("warning");
  });
});

describe("HA004 invalid-value: address families", () => {
  it("knows the families of each version", () => {
    expectHaproxy("HA004", "frontend f\n    bind ipv4@:80\n    bind unix@/run/s.sock\n    bind tcp6@:::81\n");
    const found = expectHaproxy("HA004", "frontend f\n    bind «rhttp@be/srv»\n    bind «foo@:80»\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual(["address family 'rhttp@' is not in haproxy 2.6 (lblint knows it from 3.4)", "'foo@' is not an address family haproxy knows"]);
  });
});
