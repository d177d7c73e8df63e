import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA014 vrid-missing", () => {
  it("accepts instances with a virtual_router_id, also per host", () => {
    expectKeepalived("KA014", "vrrp_instance VI_1 {\n  virtual_router_id 51\n}\nvrrp_instance VI_2 {\n  @lb1 virtual_router_id 52\n  @lb2 virtual_router_id 53\n}\n");
  });

  it("reports an instance without one", () => {
    const found = expectKeepalived("KA014", "vrrp_instance «VI_1» {\n  interface eth0\n  priority 100\n}\n");
    expect(found[0]!.message).toBe("vrrp_instance 'VI_1' has no virtual_router_id; keepalived's VRRP process exits and no instance runs");
  });

  it("leaves an instance alone when part of it is unknown (an include, a macro)", () => {
    expectKeepalived("KA014", "vrrp_instance VI_1 {\n  include /etc/keepalived/vrid.conf\n}\n$VRID=virtual_router_id 51\nvrrp_instance VI_2 {\n  $VRID\n}\n");
  });

  it("counts a virtual_router_id with a stray '{' after it, which keepalived still reads", () => {
    // Found on a real configuration: a comment holding `{VRID}`; keepalived 2.2.7 sets the id.
    expectKeepalived("KA014", "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 80 //VRID {VRID}\n  priority 100\n}\n");
  });
});
