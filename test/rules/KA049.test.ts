import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (advert: string, extra = "") => `${extra}vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 5\n  advert_int ${advert}\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n`;

describe("KA049 advert-int-fraction", () => {
  it("accepts whole seconds, and fractions under VRRPv3", () => {
    expectKeepalived("KA049", instance("2"));
    expectKeepalived("KA049", instance("2.0"));
    expectKeepalived("KA049", instance("0.5", "global_defs {\n  vrrp_version 3\n}\n"));
  });

  it("reports a fraction under VRRPv2 with the value keepalived uses, and offers it as the fix", () => {
    const found = expectKeepalived("KA049", instance("«0.5»"));
    expect(found[0]!.message).toBe("VRRPv2 adverts carry whole seconds: keepalived rounds advert_int 0.5 to 1");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("1");
    expect(expectKeepalived("KA049", instance("«1.6»"))[0]!.message).toContain("to 2");
  });
});
