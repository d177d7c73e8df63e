import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, router } from "../site/harness.js";

const host = (name: string, address: string, vrid: number, vip: string, options: Parameters<typeof router>[0] = {}) => ({
  [`${name}/etc/keepalived/keepalived.conf`]: router({ name: name.toUpperCase(), vrid, vips: [vip], ...options }),
  [`${name}/etc/sysconfig/network-scripts/ifcfg-eth0`]: ifcfg("eth0", address),
});

describe("S016 vrid-reused-on-segment", () => {
  it("accepts different VRIDs, other segments, and unicast groups", async () => {
    await expectSite("S016", { ...host("lb1", "192.168.1.11", 51, "192.168.1.100/24"), ...host("db1", "192.168.1.31", 52, "192.168.1.200/24") });
    await expectSite("S016", { ...host("lb1", "192.168.1.11", 51, "192.168.1.100/24"), ...host("db1", "192.168.2.31", 51, "192.168.2.200/24") });
    await expectSite("S016", {
      ...host("lb1", "192.168.1.11", 51, "192.168.1.100/24"),
      ...host("db1", "192.168.1.31", 51, "192.168.1.200/24", { unicast: { src: "192.168.1.31", peers: ["192.168.1.32"] } }),
    });
  });

  it("reports the second group's VRID (in host order), with the first as related", async () => {
    const files = { ...host("lb1", "192.168.1.11", 51, "192.168.1.100/24"), ...host("db1", "192.168.1.31", 51, "192.168.1.200/24") };
    files["lb1/etc/keepalived/keepalived.conf"] = files["lb1/etc/keepalived/keepalived.conf"]!.replace("virtual_router_id 51", "virtual_router_id «51»");
    const [problem] = await expectSite("S016", files);
    expect(problem!.message).toBe(
      "lb1's LB1 uses virtual_router_id 51 on 192.168.1.0/24, as db1's DB1 does for other VIPs (192.168.1.200): each group hears the other's adverts, which list other addresses and share the virtual MAC 00:00:5e:00:01:33; give this group its own VRID",
    );
  });

  it("uses the segments of the site file", async () => {
    const files = { ...host("lb1", "192.168.1.11", 51, "192.168.1.100/24"), ...host("db1", "192.168.2.31", 51, "192.168.2.200/24") };
    files["lb1/etc/keepalived/keepalived.conf"] = files["lb1/etc/keepalived/keepalived.conf"]!.replace("virtual_router_id 51", "virtual_router_id «51»");
    await expectSite("S016", { ...files, "lblint.site.json": JSON.stringify({ segments: [{ name: "dmz", hosts: ["lb1", "db1"] }] }) });
  });
});
