import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (advert: string, extra = "") => `${extra}vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 5\n  advert_int ${advert}\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n`;

describe("KA049 advert-int-fraction", () => {
  it("accepts whole seconds, and hundredths under VRRPv3", () => {
    expectKeepalived("KA049", instance("2"));
    expectKeepalived("KA049", instance("2.0"));
    expectKeepalived("KA049", instance("0.5", "global_defs {\n  vrrp_version 3\n}\n"));
    expectKeepalived("KA049", instance("0.25", "global_defs {\n  vrrp_version 3\n}\n"));
    expectKeepalived("KA049", instance("1.500000", "global_defs {\n  vrrp_version 3\n}\n"));
  });

  it("reports a VRRPv3 advert_int finer than hundredths, rounded half up as keepalived does", () => {
    const v3 = "global_defs {\n  vrrp_version 3\n}\n";
    const found = expectKeepalived("KA049", instance("«0.015»", v3));
    expect(found[0]!.message).toBe("VRRPv3 adverts carry hundredths of a second: keepalived rounds advert_int 0.015 to 0.02");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("0.02");
    expect(expectKeepalived("KA049", instance("«1.234»", v3))[0]!.fix?.edits[0]?.newText).toBe("1.23");
    expect(expectKeepalived("KA049", instance("«0.999»", v3))[0]!.fix?.edits[0]?.newText).toBe("1");
  });

  it("reports a fraction under VRRPv2 with the value keepalived uses, and offers it as the fix", () => {
    const found = expectKeepalived("KA049", instance("«0.5»"));
    expect(found[0]!.message).toBe("VRRPv2 adverts carry whole seconds: keepalived rounds advert_int 0.5 to 1");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("1");
    expect(expectKeepalived("KA049", instance("«1.6»"))[0]!.message).toContain("to 2");
  });

  it("keeps six decimal places as keepalived does, the sixth rounded by the seventh (2.2.7 and 2.3.3)", () => {
    // "number '0.9999999' has too many decimal places" (KA003), then no rounding: keepalived reads 1.000000.
    expectKeepalived("KA049", instance("0.9999999"));
    expectKeepalived("KA049", instance("1.0000004"));
    expectKeepalived("KA049", instance("2.00000049"));
    // 1.0000005 is 1.000001 s: "VRRPv2 advertisement interval 1.000001s must be an integer. rounding".
    expect(expectKeepalived("KA049", instance("«1.0000005»"))[0]!.message).toBe("VRRPv2 adverts carry whole seconds: keepalived rounds advert_int 1.0000005 to 1");
  });
});
