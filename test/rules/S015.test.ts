import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, router } from "../site/harness.js";

const net = { "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"), "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12") };

describe("S015 nopreempt-on-lower-priority", () => {
  it("accepts nopreempt on the higher-priority router, or on both", async () => {
    await expectSite("S015", { ...net, "lb1/etc/keepalived/keepalived.conf": router({ priority: 150, extra: "    nopreempt\n" }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }) });
    await expectSite("S015", { ...net, "lb1/etc/keepalived/keepalived.conf": router({ priority: 150, extra: "    nopreempt\n" }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100, extra: "    nopreempt\n" }) });
  });

  it("reports nopreempt on the lower-priority router only", async () => {
    const [problem] = await expectSite("S015", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({ priority: 100, extra: "    «nopreempt»\n" }),
    });
    expect(problem!.message).toBe(
      "nopreempt on lb2's VI_1 (priority 100) has no effect: a lower-priority node never preempts anyway, and lb1's VI_1 (priority 150) still takes the VIPs back when it returns; set nopreempt (with state BACKUP) on lb1",
    );
  });

  it("leaves it alone when a weight can bring the higher router below: then it keeps the VIPs in place (S014)", async () => {
    const weighted = router({ priority: 150, extra: "    track_script {\n        chk\n    }\n" });
    const script = "vrrp_script chk {\n    script \"/bin/true\"\n    interval 2\n    weight -60\n}\n";
    await expectSite("S015", { ...net, "lb1/etc/keepalived/keepalived.conf": script + weighted, "lb2/etc/keepalived/keepalived.conf": router({ priority: 100, extra: "    nopreempt\n" }) });
    // A weight too small to matter leaves nopreempt without effect again.
    await expectSite("S015", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": script.replace("-60", "-20") + weighted,
      "lb2/etc/keepalived/keepalived.conf": router({ priority: 100, extra: "    «nopreempt»\n" }),
    });
  });

  it("reports it too when the higher router's nopreempt is void, being in state MASTER", async () => {
    const [problem] = await expectSite("S015", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, extra: "    nopreempt\n" }),
      "lb2/etc/keepalived/keepalived.conf": router({ priority: 100, extra: "    «nopreempt»\n" }),
    });
    expect(problem!.message).toContain("since keepalived clears its nopreempt in state MASTER; use state BACKUP on lb1");
  });
});
