// Value forms found by sweeps against haproxy 2.6.12 (docs/agreement.md, "Sweeps of value forms").
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA073 acl-address-pattern: mask lengths as haproxy 2.6.12 reads them", () => {
  it("reads a length with atoi() into an int", () => {
    const found = expectHaproxy("HA073", "frontend f\n    bind :80\n    acl a src 10.0.0.0/+24 10.0.0.0/024 10.0.0.0/4294967296 «10.0.0.0/2147483648» «10.0.0.0/-1»\n");
    expect(found).toHaveLength(2);
  });
});
