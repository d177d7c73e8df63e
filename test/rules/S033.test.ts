import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { drRouter, drSite, KEEPALIVED, NS, realServers } from "../site/lvs-site.js";

const far = (mark: boolean) => realServers(["192.168.1.21", mark ? "«10.0.5.22»" : "10.0.5.22"]);

describe("S033 dr-real-server-off-segment", () => {
  it("accepts real servers on the router's network", async () => {
    await expectSite("S033", drSite());
  });

  it("reports a real server on another network in each router's file", async () => {
    const [problem] = await expectSite("S033", drSite({
      [`lb1/${KEEPALIVED}`]: drRouter({ master: true, servers: far(true) }),
      [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers: far(true) }),
    }));
    expect(problem!.message).toBe(
      "10.0.5.22 is on none of lb1's networks (192.168.1.0/24): direct routing only rewrites the MAC address, so the real server must be on the router's segment; use TUN or NAT, or a real server on that segment",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb1/${NS}/ifcfg-eth0:4`]);
  });

  it("accepts a segment of the site file that joins the router and the real server, and TUN", async () => {
    const files = drSite({ [`lb1/${KEEPALIVED}`]: drRouter({ master: true, servers: far(false) }), [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers: far(false) }) });
    await expectSite("S033", { ...files, "lblint.site.json": JSON.stringify({ segments: [{ name: "stretched", hosts: ["lb1", "lb2"], networks: ["10.0.5.0/24"] }] }) });
    await expectSite("S033", drSite({ [`lb1/${KEEPALIVED}`]: drRouter({ master: true, servers: far(false), kind: "TUN" }), [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers: far(false), kind: "TUN" }) }));
  });

  it("does not judge routers whose networks are unknown", async () => {
    await expectSite("S033", drSite({
      [`lb1/${KEEPALIVED}`]: drRouter({ master: true, servers: far(false) }),
      [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers: far(false) }),
      [`lb1/${NS}/ifcfg-eth0`]: undefined,
      [`lb2/${NS}/ifcfg-eth0`]: undefined,
    }));
  });

  it("judges IPv6 real servers by the router's IPv6 networks (an ifcfg IPV6ADDR without a prefix is a /64)", async () => {
    const router = (master: boolean, rs: string) => drRouter({ master, servers: realServers([rs]) }).replace("192.168.1.100/24", "2001:db8:1::100/64").replace("192.168.1.100 80", "2001:db8:1::100 80");
    const site = (rs: string, marked = rs) => ({
      [`lb1/${KEEPALIVED}`]: router(true, marked),
      [`lb2/${KEEPALIVED}`]: router(false, marked),
      [`lb1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::11\n",
      [`lb2/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::12\n",
    });
    await expectSite("S033", site("2001:db8:1::21"));
    const [problem] = await expectSite("S033", { ...site("2001:db8:2::21", "«2001:db8:2::21»"), [`lb2/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::12/64\n" });
    expect(problem!.message).toContain("is on none of lb1's networks (2001:db8:1:0:0:0:0:0/64)");
  });
});
