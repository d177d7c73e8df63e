import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA039 duplicate-vip", () => {
  it("accepts distinct VIPs and virtual servers, and per-host alternatives", () => {
    expectKeepalived(
      "KA039",
      "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    10.0.0.2/24\n  }\n}\nvrrp_instance VI_2 {\n  virtual_ipaddress {\n    @lb1 10.0.0.3/24\n    @lb2 10.0.0.3/24\n  }\n}\n" +
        "virtual_server 10.0.0.1 80 {\n  protocol TCP\n}\nvirtual_server 10.0.0.1 80 {\n  protocol UDP\n}\nvirtual_server 10.0.0.1 443 {\n  protocol TCP\n}\n",
    );
  });

  it("reports a VIP listed twice in one instance or in two", () => {
    const found = expectKeepalived(
      "KA039",
      "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    «10.0.0.1» label eth0:1\n  }\n}\nvrrp_instance VI_2 {\n  virtual_ipaddress_excluded {\n    «10.0.0.1/32»\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("10.0.0.1 is already a VIP of this instance (line 3)");
    expect(found[1]!.message).toBe("10.0.0.1 is already a VIP of vrrp_instance 'VI_1' (line 3); whichever instance goes BACKUP removes it from the other");
  });

  it("reports two virtual servers on one address, port and protocol", () => {
    const found = expectKeepalived("KA039", "virtual_server 10.0.0.1 80 {\n  protocol TCP\n}\nvirtual_server «10.0.0.1» 80 {\n  protocol TCP\n}\nvirtual_server fwmark 3 {\n}\nvirtual_server «fwmark» 3 {\n}\n");
    expect(found[0]!.message).toBe("another virtual_server already serves 10.0.0.1:80/TCP (line 1); merge their real servers into one");
  });

  it("reports two real_servers of one virtual_server on one address and port as an error (found by mutations of real files)", () => {
    const found = expectKeepalived(
      "KA039",
      "virtual_server 10.0.0.10 80 {\n  real_server 10.0.0.1 80 {\n  }\n  real_server «10.0.0.1» 0080 {\n  }\n  real_server 10.0.0.1 81 {\n  }\n  real_server 10.0.0.2 {\n  }\n  real_server «10.0.0.2» {\n  }\n  @lb1 real_server 10.0.0.3 80 {\n  }\n  @lb2 real_server 10.0.0.3 80 {\n  }\n}\nvirtual_server 10.0.0.11 80 {\n  real_server 10.0.0.1 80 {\n  }\n}\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error"]);
    expect(found[0]!.message).toBe("this virtual_server already has a real_server 10.0.0.1 port 80 (line 2); keepalived removes the second one and refuses the configuration");
    expect(found[1]!.message).toBe("this virtual_server already has a real_server 10.0.0.2 (line 8); keepalived removes the second one and refuses the configuration");
  });
});
