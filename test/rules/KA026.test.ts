import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const AUTH = "  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n";

describe("KA026 auth-ignored", () => {
  it("accepts authentication on VRRPv2 instances, and AH with a MASTER that owns the address", () => {
    expectKeepalived("KA026", `vrrp_instance VI_1 {\n  version 2\n${AUTH}  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n`);
    expectKeepalived("KA026", "vrrp_instance VI_1 {\n  state MASTER\n  authentication {\n    auth_type AH\n    auth_pass secret\n  }\n}\n");
  });

  it("reports authentication under VRRP version 3 (instance, global or IPv6)", () => {
    const found = expectKeepalived(
      "KA026",
      `global_defs {\n  vrrp_version 3\n}\nvrrp_instance VI_1 {\n  «authentication» {\n    auth_type PASS\n    auth_pass secret\n  }\n}\nvrrp_instance VI_2 {\n  version 2\n  virtual_ipaddress {\n    fe80::1/64\n  }\n  «authentication» {\n  }\n}\n`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "this instance runs VRRP version 3, which has no authentication; keepalived ignores this block",
      "this IPv6 instance runs VRRP version 3, which has no authentication; keepalived ignores this block",
    ]);
  });

  it("reports authentication in strict mode", () => {
    const found = expectKeepalived("KA026", `global_defs {\n  vrrp_strict\n}\nvrrp_instance VI_1 {\n  «authentication» {\n    auth_type PASS\n    auth_pass secret\n  }\n}\n`);
    expect(found[0]!.message).toBe("strict mode does not allow authentication; keepalived ignores this block");
  });

  it("reports AH with state MASTER below priority 255", () => {
    const found = expectKeepalived(
      "KA026",
      "vrrp_instance VI_1 {\n  state «MASTER»\n  priority 150\n  authentication {\n    auth_type AH\n    auth_pass secret\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("with AH authentication an instance must hear an advert before it may become master; keepalived starts it as BACKUP instead");
  });
});
