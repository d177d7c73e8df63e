import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, lintLooseFiles, router } from "../site/harness.js";

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

  it("reports the peer's source copied into a host that owns another address", async () => {
    await expectSite("S011", {
      ...net,
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }).replace("unicast_src_ip 192.168.1.11", "unicast_src_ip «192.168.1.11»").replace("        192.168.1.12", "        «192.168.1.12»"),
    });
  });

  it("reports one source on two hosts whose addresses are not known, on both", async () => {
    const copied = (state: "MASTER" | "BACKUP") => router({ state, priority: 80, unicast: { src: "10.20.0.5", peers: ["10.20.0.6"] } });
    const all = await lintLooseFiles({ "first.conf": copied("MASTER"), "second.conf": copied("BACKUP") });
    // The peer 10.20.0.6 may well be the second host's real address: S010 does not claim nobody has it.
    expect(all.filter((p) => p.ruleId === "S010")).toEqual([]);
    const problems = all.filter((p) => p.ruleId === "S011");
    expect(problems.map((p) => `${p.file}:${p.range.start.line + 1} ${p.message}`)).toEqual([
      "first.conf:7 second.conf has 10.20.0.5 too (its unicast_src_ip): two routers cannot send from one address; give each its own (a file copied from its peer?)",
      "second.conf:7 first.conf has 10.20.0.5 too (its unicast_src_ip): two routers cannot send from one address; give each its own (a file copied from its peer?)",
    ]);
  });
});
