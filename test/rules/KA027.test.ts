import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (name: string, body: string) => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id 51\n${body}  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n`;

describe("KA027 strict-no-accept", () => {
  it("accepts instances without strict mode, address owners and VRRPv3 instances with accept", () => {
    expectKeepalived("KA027", instance("VI_1", "  priority 100\n"));
    expectKeepalived("KA027", "global_defs {\n  vrrp_strict\n}\n" + instance("VI_1", "  priority 255\n") + instance("VI_2", "  version 3\n  accept\n"));
    expectKeepalived("KA027", "global_defs {\n  vrrp_strict\n}\n" + instance("VI_1", "  strict_mode off\n"));
  });

  it("reports strict instances below priority 255 without accept", () => {
    const found = expectKeepalived("KA027", "global_defs {\n  vrrp_strict\n}\n" + instance("«VI_1»", "  priority 100\n") + instance("«VI_2»", "  version 3\n"));
    expect(found[0]!.message).toBe(
      "with vrrp_strict and priority 100, keepalived drops every packet sent to this instance's VIPs (no accept mode), and VRRPv2 strict mode does not allow 'accept'; drop strict mode if the VIPs must answer",
    );
    expect(found[1]!.message).toBe("with vrrp_strict and priority 100, keepalived drops every packet sent to this instance's VIPs (no accept mode); add 'accept' if the VIPs must answer");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(1);
  });

  it("reports strict_mode on the instance", () => {
    expectKeepalived("KA027", instance("«VI_1»", "  strict_mode\n"));
  });
});
