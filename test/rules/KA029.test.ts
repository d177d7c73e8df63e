import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA029 unicast-self-peer", () => {
  it("accepts peer lists without the own address, and per-host peer lists", () => {
    expectKeepalived("KA029", "vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n}\n");
    expectKeepalived(
      "KA029",
      "vrrp_instance VI_1 {\n  @lb1 unicast_src_ip 10.0.0.1\n  @lb2 unicast_src_ip 10.0.0.2\n  unicast_peer {\n    @^lb1 10.0.0.1\n    @^lb2 10.0.0.2\n  }\n}\n",
    );
  });

  it("reports the own unicast_src_ip among the peers", () => {
    const found = expectKeepalived("KA029", "vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    «10.0.0.1»\n    10.0.0.2\n  }\n}\n");
    expect(found[0]!.message).toBe("10.0.0.1 is this instance's own unicast_src_ip; keepalived sends adverts to itself (list only the other nodes)");
  });

  it("compares IPv6 addresses in canonical form", () => {
    expectKeepalived("KA029", "vrrp_instance VI_1 {\n  unicast_src_ip fe80::1\n  unicast_peer {\n    «FE80:0::1»\n  }\n}\n");
  });
});
