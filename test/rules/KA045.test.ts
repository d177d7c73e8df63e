import { describe, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA045 rule-without-preference", () => {
  it("reports rules without a preference in static_rules and virtual_rules", () => {
    expectKeepalived(
      "KA045",
      `static_rules {
    «from 192.168.100.0/24 table 1»
    from 192.168.101.0/24 table 1 preference 100
    to 192.168.102.0/24 table 1 priority 200
}
vrrp_instance V {
    virtual_rules {
        «to 10.0.0.0/8 table 2»
    }
}
`,
    );
  });
});
