// Value forms found by sweeps against keepalived 2.2.7 (docs/agreement.md, "Sweeps of value forms").
import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = `vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.9/+24 dev eth0
  }
}
`;

describe("KA008 value-entries: prefixes and ranges read with strtoul()", () => {
  it("takes a '+' in a prefix length and a range end, and wants the range to end above its start", () => {
    const found = expectKeepalived("KA008", `${instance}virtual_server_group g {\n  10.0.0.1-+10 80\n  «10.0.0.9-5» 80\n}\n`);
    expect(found.map((p) => p.message)).toEqual(["'10.0.0.9-5' does not end its range above where it starts; keepalived skips this virtual_server_group entry"]);
  });
});
