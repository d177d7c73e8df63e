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

describe("KA041 peers keepalived skips", () => {
  it("counts an instance whose every unicast_peer entry is no address as one without peers (fifteenth mutation round)", () => {
    // keepalived 2.2.7: "malformed unicast peer address[<peer-ip>]. Skipping...", then "(VI_1): Cannot use unicast_ttl
    // without unicast peers - resetting" and "A unicast keyword has been specified without any unicast peers".
    const instance = (name: string, peers: string) => `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id 51\n  unicast_ttl 5\n  unicast_peer {\n${peers}  }\n}\n`;
    const found = expectKeepalived("KA041", instance("VI_1", "    <peer-ip>\n").replace("unicast_ttl", "«unicast_ttl»") + instance("VI_2", "    <peer-ip>\n    10.0.0.2-5\n") + instance("VI_3", "    $PEER\n"));
    expect(found[0]!.message).toBe("'unicast_ttl' is a unicast setting but the instance has no unicast peers; keepalived falls back to multicast");
  });
});
