import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA025 auth-incomplete", () => {
  it("accepts a block with auth_type and auth_pass", () => {
    expectKeepalived("KA025", "vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n}\n");
  });

  it("reports a block without auth_type, which keepalived silently ignores", () => {
    const found = expectKeepalived("KA025", "vrrp_instance VI_1 {\n  «authentication» {\n    auth_pass secret\n  }\n}\n");
    expect(found[0]!.message).toBe("this authentication block has no auth_type; keepalived silently runs without authentication");
    // keepalived -t says nothing about it: a trap, not a refusal.
    expect(found[0]!.severity).toBe("warning");
  });

  it("reports a block without auth_pass, and an empty one", () => {
    const found = expectKeepalived(
      "KA025",
      "vrrp_instance VI_1 {\n  «authentication» {\n    auth_type PASS\n  }\n}\nvrrp_instance VI_2 {\n  «authentication» {\n  }\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "this authentication block has no auth_pass; keepalived reports it and runs without authentication",
      "this authentication block has neither auth_type nor auth_pass; keepalived runs without authentication",
    ]);
    expect(found.map((p) => p.severity)).toEqual(["error", "warning"]);
  });

  it("reads a one-line block as keepalived does: the second keyword is an argument of the first", () => {
    expectKeepalived("KA025", "vrrp_instance VI_1 {\n  «authentication» { auth_type PASS auth_pass secret }\n}\n");
  });
});
