import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA003 invalid-arguments", () => {
  it("accepts valid values, variables and values only known at run time", () => {
    expectKeepalived(
      "KA003",
      `vrrp_instance V {
    state BACKUP
    virtual_router_id \${VRID}
    priority 255
    advert_int 0.5
    nopreempt 1
    unicast_src_ip 10.0.0.1/24
}
`,
    );
  });

  it("reports missing values, values outside the allowed set or range, with a fix for the case", () => {
    const found = expectKeepalived(
      "KA003",
      `vrrp_instance V {
    state «master»
    virtual_router_id «300»
    «priority»
}
vrrp_script s {
    interval «.2»
}
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'master' is not one of MASTER, BACKUP for 'state'",
      "'300' must be at most 255 for 'virtual_router_id'",
      "'priority' needs a value; keepalived skips it without one",
      "'.2' is not a number for 'interval'",
    ]);
    expect(found[0]!.fix?.edits[0]?.newText).toBe("MASTER");
  });
});
