import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA044 route-without-interface", () => {
  it("reports a route with a gateway and no dev, and accepts dev and no_track", () => {
    expectKeepalived(
      "KA044",
      `vrrp_instance V {
    virtual_routes {
        «192.168.112.0/24» via 192.168.1.254
        192.168.113.0/24 via 192.168.1.254 dev eth0
        192.168.114.0/24 via 192.168.1.254 no_track
    }
}
`,
      { keepalivedVersion: "2.2" },
    );
  });
});

describe("KA044 route-without-interface: route types", () => {
  it("names the destination after a route type, as keepalived does", () => {
    const found = expectKeepalived("KA044", "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n  virtual_routes {\n    blackhole «192.168.113.1/32»\n  }\n}\n", { keepalivedVersion: "2.2" });
    expect(found[0]!.message).toBe("keepalived cannot track route '192.168.113.1/32' without 'dev INTERFACE'; add the interface, or 'no_track' if the route need not be tracked");
  });

  it("reports a static route without dev too, as keepalived 2.2.7 does (2.3.3 is quiet; fourteenth mutation round)", () => {
    const text = "static_routes {\n  blackhole «10.9.0.0/24» via 10.0.0.1\n  «10.8.0.0/24» via 10.0.0.1\n  10.7.0.0/24 via 10.0.0.1 no_track\n  10.6.0.0/24 via 10.0.0.1 dev eth0\n}\n";
    expectKeepalived("KA044", text, { keepalivedVersion: "2.2" });
    expectKeepalived("KA044", text.replace(/[«»]/g, ""), { keepalivedVersion: "2.3" });
  });
});
