// Value forms found by the third round of sweeps against keepalived 2.2.7 (docs/agreement.md, "Sweeps, third round").
import { describe, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA053 address-options: third round of sweeps", () => {
  it("takes a scope of 0 on an IPv6 address, as keepalived does without a word", () => {
    // measured on 2.2.7: `scope global`, `scope 0` and `scope 0x0` pass; `scope link` and `scope 253` are reported
    expectKeepalived(
      "KA053",
      `vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    fd00::2/64 scope global
    fd00::3/64 scope 0
    fd00::4/64 scope 0x0
    fd00::5/64 scope «link»
    fd00::6/64 scope «253»
  }
}
`,
    );
  });
});
