// Value forms found by the second round of sweeps against haproxy 2.6.12 (docs/agreement.md, "Sweeps,
// second round"): each case is what haproxy makes of the value, measured with `haproxy -c`.
import { describe, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA004 invalid-value: global and proxy values as haproxy 2.6.12 reads them", () => {
  it("reads a cpu-map CPU word from its leading digits, and refuses only a word without one or a CPU above 1023", () => {
    expectHaproxy("HA004", "global\n    cpu-map 1 0abc 0,x 1.5 4294967296 0- 1abc-2xyz 5-2\n    cpu-map 1 «,0»\n    cpu-map 1 «5000000000»\n    cpu-map 1 «0-1024»\n    cpu-map 2 «x»\n");
  });

  it("reads max-spread-checks up to its unit and holds it to the timers' limit", () => {
    expectHaproxy("HA004", "global\n    max-spread-checks 1sabc\n    max-spread-checks 1s,\n    max-spread-checks 24d\n    max-spread-checks «1x»\n    max-spread-checks «-1»\n    max-spread-checks «25d»\n    max-spread-checks «2147483648»\n");
  });

  it("reads max-keep-alive-queue whole with strtol in any base", () => {
    expectHaproxy("HA004", "defaults\n    max-keep-alive-queue 0x10\nbackend a\n    max-keep-alive-queue -1\nbackend b\n    max-keep-alive-queue «10abc»\nbackend c\n    max-keep-alive-queue «08»\nbackend d\n    max-keep-alive-queue «1.5»\n");
  });

  it("holds httpclient.resolvers.prefer, tune.vars.check-max-size and tune.h2.header-table-size as 2.6.12 does", () => {
    expectHaproxy("HA004", "global\n    httpclient.resolvers.prefer ipv6\n    httpclient.resolvers.prefer «IPV4»\n    tune.vars.check-max-size -5\n    tune.vars.check-max-size «1k»\n    tune.h2.header-table-size 65536\n    tune.h2.header-table-size «65537»\n", { haproxyVersion: "2.6" });
  });
});
