// A route's own words, not its nexthops', found by the third round of sweeps against keepalived 2.2.7
// (docs/agreement.md, "Sweeps, third round").
import { describe, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA044 route-without-interface: a nexthop's dev is not the route's", () => {
  it("reports a route whose only dev is a nexthop's", () => {
    // measured on 2.2.7: `10.1.0.0/16 nexthop via 10.0.0.254 dev eth0` is "cannot track route 10.1.0.0/16 with
    // no interface specified, not tracking"; with `dev eth0` or `no_track` before the nexthops it is quiet
    expectKeepalived(
      "KA044",
      `vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.100/24
  }
  virtual_routes {
    «10.1.0.0/16» nexthop via 10.0.0.254 dev eth0 weight 2 nexthop via 10.0.0.253 dev eth0 weight 3
    10.2.0.0/16 dev eth0 nexthop via 10.0.0.254 dev eth0
    10.3.0.0/16 no_track nexthop via 10.0.0.254 dev eth0
  }
}
`,
      { keepalivedVersion: "2.2" },
    );
  });
});
