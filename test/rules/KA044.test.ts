import { describe, it } from "vitest";
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
    );
  });
});
