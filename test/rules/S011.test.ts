import { describe, it } from "vitest";
import { expectSite, ifcfg, router } from "../site/harness.js";

const net = { "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"), "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12") };

describe("S011 unicast-source-not-local", () => {
  it("accepts the host's own address as source", async () => {
    await expectSite("S011", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } }),
    });
  });

  it("reports a foreign source and the host listing itself", async () => {
    await expectSite("S011", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.99", peers: ["192.168.1.12", "192.168.1.11"] } })
        .replace("unicast_src_ip 192.168.1.99", "unicast_src_ip «192.168.1.99»")
        .replace("        192.168.1.11", "        «192.168.1.11»"),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } }),
    });
  });
});
