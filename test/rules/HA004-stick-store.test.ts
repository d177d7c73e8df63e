import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const V26 = { haproxyVersion: "2.6" } as const;

// Measured on haproxy 2.6.12 (tenth mutation round's probes): "array size is out of allowed range
// (1-100) for store option 'gpc'", "missing argument to store option 'gpc_rate'", "simultaneous usage
// of 'gpc' and 'gpc[0/1]' in a same table is not permitted".
describe("HA004 stick-table arrays", () => {
  it("reports an array size outside 1..100, gpc_rate without its period, and an array beside its old counters", () => {
    const found = expectHaproxy(
      "HA004",
      "backend a\n    stick-table type ip size 1m store «gpc(101)»\nbackend b\n    stick-table type ip size 1m store «gpc_rate(10s)»\nbackend c\n    stick-table type ip size 1m store «gpc0,gpc(1)»\nbackend e\n    stick-table type ip size 1m store gpc(100),gpc_rate(2,10s),gpt(3),http_req_rate(10s)\n",
      V26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'gpc(101)' gives 'gpc' 101 entries ('101'), outside 1 to 100",
      "'gpc_rate(10s)' has 'gpc_rate' without its period (such as gpc_rate(2,10s): an array size, then a period)",
      "'gpc0,gpc(1)' stores both 'gpc' and 'gpc0', which haproxy does not take in one table ('gpc' covers it)",
    ]);
  });

  it("reports an array and its old counters stored by two 'store' lists of one table (haproxy 2.6.12: the same 'simultaneous usage')", () => {
    const found = expectHaproxy(
      "HA004",
      "backend a\n    stick-table type ip size 1k store gpc0_rate(10s),gpt0 store «gpc_rate(2,10s)»\nbackend b\n    stick-table type ip size 1k store gpt(2) store conn_cur\n",
      V26,
    );
    expect(found.map((p) => p.message)).toEqual(["'gpc_rate(2,10s)' (with the 'store' before it) stores both 'gpc_rate' and 'gpc0_rate', which haproxy does not take in one table ('gpc_rate' covers it)"]);
  });
});
