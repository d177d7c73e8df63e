import { describe, it } from "vitest";
import { expectSite, ifcfg, router } from "../site/harness.js";

const net = { "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"), "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12") };
const lb2 = router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } });

describe("S010 unicast-unknown-peer", () => {
  it("accepts peers the site knows", async () => {
    await expectSite("S010", { ...net, "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }), "lb2/etc/keepalived/keepalived.conf": lb2 });
  });

  it("stays quiet when a host's addresses are unknown", async () => {
    await expectSite("S010", {
      "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"),
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } }).replace("    unicast_src_ip 192.168.1.12\n", ""),
    });
  });

  it("reports an address no host has", async () => {
    await expectSite("S010", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12", "192.168.1.21"] } }).replace(
        "192.168.1.21",
        "«192.168.1.21»",
      ),
      "lb2/etc/keepalived/keepalived.conf": lb2,
    });
  });
});
