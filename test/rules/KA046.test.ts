import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA046 no-vip", () => {
  it("reports an instance without addresses and accepts the others", () => {
    expectKeepalived(
      "KA046",
      `vrrp_instance «VI_1» {
    state BACKUP
}
vrrp_instance VI_2 {
    virtual_ipaddress {
        10.0.0.1/24
    }
}
vrrp_instance VI_3 {
    virtual_ipaddress_excluded {
        10.0.0.2/24
    }
}
`,
    );
  });

  it("stays quiet when part of the instance comes from an include lblint could not read", () => {
    expectKeepalived("KA046", "vrrp_instance VI_1 {\n    include /etc/keepalived/vip.conf\n}\n");
  });
});

describe("KA046 no-vip: an empty block", () => {
  it("reports an empty virtual_ipaddress block on its keyword", () => {
    const found = expectKeepalived("KA046", "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 5\n  «virtual_ipaddress» {\n  }\n}\n");
    expect(found[0]!.message).toBe("the virtual_ipaddress block of vrrp_instance 'VI_1' is empty: the MASTER it elects carries no address");
  });
});
