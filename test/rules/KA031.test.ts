import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA031 vip-form", () => {
  it("accepts VIPs with prefixes of the instance's family, and excluded VIPs of the other family", () => {
    expectKeepalived(
      "KA031",
      "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    10.0.0.2/24 dev eth0\n  }\n  virtual_ipaddress_excluded {\n    fe80::1/64\n  }\n}\n",
    );
  });

  it("reports a VIP of the other family, which keepalived ignores", () => {
    const found = expectKeepalived("KA031", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    «fe80::1/64»\n  }\n}\n");
    expect(found[0]!.message).toBe("this VIP is IPv6 but the instance is IPv4 (set by line 3); keepalived ignores it");
    expect(found[0]!.severity).toBe("error");
  });

  it("takes the family from the first address, whichever keyword gives it", () => {
    expectKeepalived(
      "KA031",
      "vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    «fe80::2»\n  }\n  virtual_ipaddress {\n    «fe80::1/64»\n  }\n}\nvrrp_instance VI_2 {\n  virtual_ipaddress {\n    fe80::1/64\n  }\n  unicast_src_ip «10.0.0.1»\n}\n",
    );
  });

  it("advises a prefix on a VIP written without one", () => {
    const found = expectKeepalived("KA031", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    «10.0.0.1»\n  }\n}\n");
    expect(found[0]!.severity).toBe("info");
  });
});
