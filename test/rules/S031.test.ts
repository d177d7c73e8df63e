import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, siteOf } from "../site/harness.js";
import { KEEPALIVED, natRouter, natSite, NS, realServers } from "../site/lvs-site.js";
import { judgeRealServer } from "../../server/src/site/lvs.js";

describe("S031 nat-real-server-gateway", () => {
  it("accepts real servers whose gateway is the internal VIP, in any network file format", async () => {
    await expectSite("S031", natSite());
    await expectSite("S031", natSite({ [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1"), [`web1/${NS}/route-eth0`]: "default via 10.11.12.10 dev eth0\n" }));
    await expectSite("S031", natSite({ [`web1/${NS}/ifcfg-eth0`]: undefined, "web1/etc/NetworkManager/system-connections/eth0.nmconnection": "[connection]\nid=eth0\ntype=ethernet\ninterface-name=eth0\n\n[ipv4]\nmethod=manual\naddress1=10.11.12.1/24,10.11.12.10\n" }));
    await expectSite("S031", natSite({ [`web2/${NS}/ifcfg-eth0`]: undefined, "web2/etc/network/interfaces": "auto eth0\niface eth0 inet static\n    address 10.11.12.2/24\n    gateway 10.11.12.10\n" }));
  });

  it("reports a gateway on one router's own address, with the VIP as related", async () => {
    const [problem] = await expectSite("S031", natSite({ [`web2/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.2", 24, "GATEWAY=«10.11.12.21»\n") }));
    expect(problem!.message).toBe(
      "web2's default gateway 10.11.12.21 is lb1's own address: when lb1 is not MASTER, replies go to a router that no longer holds the connections; use the floating address 10.11.12.10",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1} ${r.message}`)).toEqual([
      `lb1/${KEEPALIVED}:24 VIP 10.11.12.10 of lb1's VI_INT`,
      `lb1/${KEEPALIVED}:28 lb1: virtual_server 192.168.26.10 port 80 (NAT)`,
    ]);
  });

  it("reports another gateway, in route files and keyfiles too", async () => {
    const [other] = await expectSite("S031", natSite({ [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=«10.11.12.254»\n") }));
    expect(other!.message).toContain("is not the NAT router: replies to clients bypass it and are never rewritten; use 10.11.12.10");
    await expectSite("S031", natSite({ [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1"), [`web1/${NS}/route-eth0`]: "default via «10.11.12.254» dev eth0\n" }));
    await expectSite("S031", natSite({ [`web1/${NS}/ifcfg-eth0`]: undefined, "web1/etc/NetworkManager/system-connections/eth0.nmconnection": "[connection]\nid=eth0\ninterface-name=eth0\n\n[ipv4]\naddress1=10.11.12.1/24\ngateway=«10.11.12.254»\n" }));
  });

  it("reports a real server without a default gateway on its address line", async () => {
    const [problem] = await expectSite("S031", natSite({ [`web1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPADDR=«10.11.12.1»\nPREFIX=24\n" }));
    expect(problem!.message).toBe("web1 has no default gateway: replies to clients of 192.168.26.10 port 80 never go back through the NAT router; set it to 10.11.12.10, the routers' floating address");
  });

  it("expects a lone router's own address when it runs no VRRP on that side", async () => {
    const lone = natRouter({ master: true }).replace(/vrrp_instance VI_INT \{[\s\S]*?\n\}\n/, "").replace("        VI_INT\n", "");
    const files = natSite({ [`lb1/${KEEPALIVED}`]: lone, [`lb2/${KEEPALIVED}`]: undefined });
    await expectSite("S031", { ...files, [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=10.11.12.21\n"), [`web2/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.2", 24, "GATEWAY=«10.11.12.10»\n") });
  });

  it("never guesses about a real server whose files are missing: the report says so", async () => {
    const files = natSite({ [`web2/${NS}/ifcfg-eth0`]: undefined, [`lb1/${KEEPALIVED}`]: natRouter({ master: true, servers: realServers(["10.11.12.1", "10.11.12.2", "10.11.12.3"]) }) });
    await expectSite("S031", files);
    const site = await siteOf(files);
    const service = site.services[0]!;
    expect(service.realServers.map((rs) => judgeRealServer(site, service, rs).checks.map((c) => `${c.name} ${c.judgement.status}: ${c.judgement.detail}`))).toEqual([
      ["gateway ok: default gateway 10.11.12.10, a VIP of lb1's VI_INT (web1/etc/sysconfig/network-scripts/ifcfg-eth0:6)", "listening not-enough-information: what web1 listens on is not known (no haproxy configuration)"],
      ["host not-enough-information: no host of the site has 10.11.12.2"],
      ["host not-enough-information: no host of the site has 10.11.12.3"],
    ]);
  });
});
