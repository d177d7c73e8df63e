import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, router } from "../site/harness.js";

const net = { "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"), "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12") };

describe("S007 priority-tie", () => {
  it("accepts distinct priorities", async () => {
    await expectSite("S007", { ...net, "lb1/etc/keepalived/keepalived.conf": router({ priority: 150 }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }) });
  });

  it("reports the tie on the node with the lower address, which yields only when both are MASTER", async () => {
    const [problem] = await expectSite("S007", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ priority: 100 }).replace("priority 100", "priority «100»"),
      "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }),
    });
    expect(problem!.message).toContain("the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (lb2/VI_1's, 192.168.1.12)");
  });
});
