import { describe, it } from "vitest";
import { expectSite, router } from "../site/harness.js";

describe("S008 master-not-highest", () => {
  it("accepts MASTER on the highest priority, and BACKUP everywhere", async () => {
    await expectSite("S008", { "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }) });
    await expectSite("S008", { "lb1/etc/keepalived/keepalived.conf": router({ priority: 150 }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }) });
  });

  it("reports MASTER on a lower priority", async () => {
    await expectSite("S008", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 100 }).replace("state MASTER", "state «MASTER»"),
      "lb2/etc/keepalived/keepalived.conf": router({ priority: 150 }),
    });
  });

  it("leaves a tie to S007: the node that starts as MASTER keeps the VIPs until it restarts", async () => {
    const net = (a: string, b: string) => ({ "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": `DEVICE=eth0\nIPADDR=${a}\nPREFIX=24\n`, "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": `DEVICE=eth0\nIPADDR=${b}\nPREFIX=24\n` });
    // lb2 has the higher address, and still lb1, in state MASTER, holds the VIPs from the start.
    await expectSite("S008", { ...net("192.168.1.11", "192.168.1.12"), "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 100 }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }) });
  });

  it("accepts a lower MASTER when the winner has nopreempt, which lets a running MASTER keep the VIPs", async () => {
    await expectSite("S008", { "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 100 }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 150, extra: "    nopreempt\n" }) });
    // In state MASTER keepalived clears nopreempt: that winner still takes the VIPs back.
    await expectSite("S008", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 100 }).replace("state MASTER", "state «MASTER»"),
      "lb2/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, extra: "    nopreempt\n" }),
    });
  });

  it("reports each of two MASTERs but the winner", async () => {
    await expectSite("S008", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 120 }).replace("state MASTER", "state «MASTER»"),
    });
  });
});
