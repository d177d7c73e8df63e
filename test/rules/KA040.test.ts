import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA040 virtual-server-without-vip", () => {
  it("accepts virtual servers on VIPs, and files without VRRP instances", () => {
    expectKeepalived("KA040", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\nvirtual_server 10.0.0.100 80 {\n  protocol TCP\n}\n");
    expectKeepalived("KA040", "virtual_server 10.0.0.100 80 {\n  protocol TCP\n}\n");
  });

  it("advises when a virtual server's address is no VIP of the file", () => {
    const found = expectKeepalived("KA040", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\nvirtual_server «10.0.0.101» 80 {\n  protocol TCP\n}\n");
    expect(found[0]!.severity).toBe("info");
  });

  it("stays quiet when a VIP is computed", () => {
    expectKeepalived("KA040", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    {{ vip }}\n  }\n}\nvirtual_server 10.0.0.101 80 {\n  protocol TCP\n}\n");
  });
});
