import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA030 mcast-group", () => {
  it("accepts link-local groups", () => {
    expectKeepalived(
      "KA030",
      "global_defs {\n  vrrp_mcast_group4 224.0.0.18\n  vrrp_mcast_group6 ff02::12\n}\nvrrp_instance VI_1 {\n  mcast_dst_ip 224.0.0.19\n}\n",
    );
  });

  it("reports groups that leave the link", () => {
    const found = expectKeepalived(
      "KA030",
      "global_defs {\n  vrrp_mcast_group4 «239.1.1.1»\n  vrrp_mcast_group6 «ff05::12»\n}\nvrrp_instance VI_1 {\n  mcast_dst_ip «224.0.1.18»\n}\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning", "warning"]);
    expect(found[0]!.message).toBe(
      "239.1.1.1 is not a link-local group (224.0.0.0/24); switches may not flood it and the nodes stop hearing each other's adverts",
    );
  });

  it("reports an address that is no multicast group as an error, as keepalived skips it", () => {
    const found = expectKeepalived("KA030", "global_defs {\n  vrrp_mcast_group4 «10.0.0.1»\n  vrrp_mcast_group6 «fe80::1»\n}\nvrrp_instance VI_1 {\n  mcast_dst_ip «192.168.1.255»\n}\n");
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error"]);
    expect(found[0]!.message).toBe("10.0.0.1 is not a multicast address; keepalived skips it and sends its adverts to the default group (224.0.0.18)");
  });
});
