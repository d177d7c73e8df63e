// Action words and ACL matching methods measured on 2.6.12, asked again of 3.0.11 and 3.2.26
// (docs/agreement.md, "Sweeps at 3.0 and 3.2: sample arguments"; scripts/oracle/haproxy-samples-later.mjs).
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const frontend = (...rules: string[]) => `frontend f\n    mode http\n    bind :80\n${rules.map((rule) => `    ${rule}\n`).join("")}    default_backend b\nbackend b\n    server s 127.0.0.1:80\n`;

describe("HA004 at 3.0, 3.2 and 3.4: stick counter actions, set-timeout, matching methods", () => {
  it.each(["3.0", "3.2", "3.4"] as const)("reads stick counter actions at %s as 2.6.12 does, and sc-add-gpc", (version) => {
    // Measured on 3.0.11 and 3.2.26: "invalid stick table track ID. Expects sc-inc-gpc0(<Track ID>)", "Missing gpc ID".
    expectHaproxy("HA004", frontend("http-request sc-inc-gpc0(0)", "http-request sc-inc-gpc(0,1)", "http-request sc-set-gpt(0,0) 1", "http-request sc-add-gpc(0,1) 1", "http-request sc-inc-gpc0(0))"), { haproxyVersion: version });
    const found = expectHaproxy(
      "HA004",
      frontend("http-request sc-inc-gpc0(«(0»))", "http-request «sc-inc-gpc0(,)»", "http-request sc-inc-gpc0(«3»)", "http-request «sc-inc-gpc(0)»", "http-request «sc-set-gpt0(0,1)» 1", "http-request «sc-add-gpc(0)» 1"),
      { haproxyVersion: version },
    );
    expect(found[2]!.message).toBe("haproxy tracks 3 stick counters (0 to 2; 'tune.stick-counters' in the global section sets how many), not 3; it refuses the line");
  });

  it("holds counters to tune.stick-counters from 3.0 (measured: with 12, `sc-inc-gpc0(11)` passes, `(12)` does not)", () => {
    expectHaproxy("HA004", `global\n    tune.stick-counters 12\n${frontend("http-request sc-inc-gpc0(11)", "http-request sc-inc-gpc0(«12»)")}`, { haproxyVersion: "3.2" });
    expectHaproxy("HA004", `global\n    tune.stick-counters 1\n${frontend("http-request sc-inc-gpc0(«1»)")}`, { haproxyVersion: "3.0" });
  });

  it("reads set-timeout at 3.0 and 3.2: client in a frontend, server and tunnel in a backend", () => {
    // Measured on 3.0.11 and 3.2.26: "'b' has no frontend capability", "'f' has no backend capability",
    // "null value is not valid", "'set-timeout' rule supports 'server'/'tunnel'/'client' (got 'connect')".
    expectHaproxy("HA004", frontend("http-request set-timeout client 5s", "http-request «set-timeout» server 5s"), { haproxyVersion: "3.2" });
    const found = expectHaproxy(
      "HA004",
      "backend b\n    http-request set-timeout server 5s\n    http-request set-timeout tunnel int(5)\n    http-request set-timeout «client» 5s\n    http-request set-timeout server «0»\n    http-request set-timeout «connect» 5s\n    http-request set-timeout server «abc»\n",
      { haproxyVersion: "3.0" },
    );
    expect(found[2]!.message).toBe("haproxy sets the 'server', 'tunnel' or 'client' timeout with set-timeout, not 'connect'");
  });

  it("takes an expression in set-timeout at 2.6 too (measured on 2.6.12: `set-timeout server int(5)` passes)", () => {
    expectHaproxy("HA004", "backend b\n    http-request set-timeout server int(5)\n    http-request set-timeout tunnel var(txn.t)\n    http-request set-timeout server «abc»\n", { haproxyVersion: "2.6" });
  });

  it("refuses -m int and -m bool on an IPv4 address from 3.0 (measured: `src -m int 1`; 2.6.12 takes it)", () => {
    expectHaproxy("HA004", frontend("acl a src -m int 1", "http-request deny if a"), { haproxyVersion: "2.6" });
    const found = expectHaproxy("HA004", frontend("acl a src -m «int» 1", "acl b str(a),ipmask(24) -m «bool» 1", "http-request deny if a || b"), { haproxyVersion: "3.0" });
    expect(found[0]!.message).toBe("'-m int' cannot match an IPv4 address, which 'src' gives; haproxy refuses the ACL");
  });
});
