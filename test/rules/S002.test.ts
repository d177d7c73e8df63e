import { describe, expect, it } from "vitest";
import { expectSite, router } from "../site/harness.js";

describe("S002 peer-vip-mismatch", () => {
  it("accepts the same VIPs in another order", async () => {
    await expectSite("S002", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, vips: ["192.168.1.100/24", "192.168.1.101/24"] }),
      "lb2/etc/keepalived/keepalived.conf": router({ vips: ["192.168.1.101/24", "192.168.1.100/24"] }),
    });
  });

  it("reports a VIP missing on the backup", async () => {
    const [problem] = await expectSite("S002", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, vips: ["192.168.1.100/24", "192.168.1.101/24"] }),
      "lb2/etc/keepalived/keepalived.conf": router({}).replace("virtual_ipaddress", "«virtual_ipaddress»"),
    });
    expect(problem!.message).toContain("has 1 VIP (192.168.1.100) but lb1's VI_1, which wins the election, has 2 VIPs (192.168.1.100, 192.168.1.101)");
  });

  it("reports the node that differs from the winner, even when the winner is lb2", async () => {
    await expectSite("S002", {
      "lb1/etc/keepalived/keepalived.conf": router({ vips: ["192.168.1.100/24", "192.168.1.102/24"] }).replace("virtual_ipaddress", "«virtual_ipaddress»"),
      "lb2/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 200, vips: ["192.168.1.100/24", "192.168.1.101/24"] }),
    });
  });
});
