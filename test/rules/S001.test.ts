import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, lintLooseFiles, router } from "../site/harness.js";

const net = { "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"), "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12") };

describe("S001 peer-vrid-mismatch", () => {
  it("accepts routers with one VRID", async () => {
    await expectSite("S001", { ...net, "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }), "lb2/etc/keepalived/keepalived.conf": router({}) });
  });

  it("accepts two groups with different VRIDs and VIPs on one segment", async () => {
    await expectSite("S001", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }) + router({ name: "VI_2", vrid: 52, vips: ["192.168.1.200/24"] }),
      "lb2/etc/keepalived/keepalived.conf": router({}) + router({ name: "VI_2", vrid: 52, vips: ["192.168.1.200/24"], priority: 150 }),
    });
  });

  it("reports the backup's VRID when routers share a VIP", async () => {
    const [problem] = await expectSite("S001", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({}).replace("virtual_router_id 51", "virtual_router_id «52»"),
    });
    expect(problem!.message).toBe("lb2's VI_1 has virtual_router_id 52 but lb1's VI_1, which wins the election, has virtual_router_id 51: they never hear each other's adverts and both hold the VIPs");
    expect(problem!.related?.[0]?.uri).toBe("file:///site/lb1/etc/keepalived/keepalived.conf");
    expect(problem!.related?.[0]?.range.start.line).toBe(3);
  });

  it("compares loose files given together, as peers", async () => {
    const problems = await lintLooseFiles({ "master.conf": router({ state: "MASTER", priority: 150 }), "backup.conf": router({ vrid: 61 }) });
    expect(problems.filter((p) => p.ruleId === "S001").map((p) => `${p.file}:${p.range.start.line + 1}`)).toEqual(["backup.conf:4"]);
  });
});
