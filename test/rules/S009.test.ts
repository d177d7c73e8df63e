import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, router } from "../site/harness.js";

const net = { "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"), "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12") };

describe("S009 unicast-half-open", () => {
  it("accepts reciprocal lists", async () => {
    await expectSite("S009", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } }),
    });
  });

  it("reports the peer list that misses the other router, with the listing side as related", async () => {
    const [problem] = await expectSite("S009", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.13"] } }).replace("unicast_peer", "«unicast_peer»"),
    });
    expect(problem!.message).toBe("lb2's VI_1 does not list 192.168.1.11 (lb1), which sends it adverts; it ignores them and both nodes become MASTER");
    expect(problem!.related?.[0]?.message).toBe("lb1's VI_1 lists 192.168.1.12");
  });

  it("reports the entry when the peer sends multicast", async () => {
    await expectSite("S009", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }).replace("        192.168.1.12", "        «192.168.1.12»"),
      "lb2/etc/keepalived/keepalived.conf": router({}),
    });
  });
});
