import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA041 unicast-without-peers", () => {
  it("accepts unicast settings with peers, and multicast instances", () => {
    expectKeepalived("KA041", "vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_ttl 10\n  unicast_peer {\n    10.0.0.2\n  }\n}\nvrrp_instance VI_2 {\n  mcast_src_ip 10.0.0.1\n}\n");
  });

  it("reports unicast settings without peers, which fall back to multicast", () => {
    const found = expectKeepalived("KA041", "vrrp_instance VI_1 {\n  «unicast_src_ip» 10.0.0.1\n  unicast_ttl 10\n}\nvrrp_instance VI_2 {\n  «unicast_peer» {\n  }\n}\n");
    expect(found[0]!.message).toBe("'unicast_src_ip' is a unicast setting but the instance has no unicast peers; keepalived falls back to multicast");
    expect(found[0]!.severity).toBe("warning");
  });

  it("reports unicast_fault_no_peer without peers as an error", () => {
    const found = expectKeepalived("KA041", "vrrp_instance VI_1 {\n  «unicast_fault_no_peer»\n}\n");
    expect(found[0]!.severity).toBe("error");
  });
});
