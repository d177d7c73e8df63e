// Value forms found by sweeps against haproxy 2.6.12 (docs/agreement.md, "Sweeps of value forms").
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA060 unknown-sample: numbers where an expression stands", () => {
  it("reads a negative number as a fetch name, and only a whole number where the action takes an integer", () => {
    const found = expectHaproxy(
      "HA060",
      "frontend f\n    mode http\n    bind :80\n    http-request set-priority-class «-5»\n    http-request sc-set-gpt0(0) -1\n    http-request sc-set-gpt0(0) 10\n    http-request sc-set-gpt0(0) «1abc»\n    http-request sc-set-gpt0(0) «1.5»\n    http-request set-header X %[src,ipmask(24)]\n",
    );
    expect(found.map((p) => p.message)).toEqual(["unknown sample fetch '-5'", "unknown sample fetch '1abc'", "unknown sample fetch '1.5'"]);
  });
});
