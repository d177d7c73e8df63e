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

  it("accepts policy routing: a rule that sends the real server's replies to a table whose default route is the VIP", async () => {
    const web1 = (route: string, rule: string) => ({ [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=10.11.12.254\n"), [`web1/${NS}/route-eth0`]: route, [`web1/${NS}/rule-eth0`]: rule });
    await expectSite("S031", natSite(web1("default via 10.11.12.10 dev eth0 table 100\n", "from 10.11.12.1 table 100\n")));
    await expectSite("S031", natSite(web1("10.11.12.0/24 dev eth0 table lvs\ndefault via 10.11.12.10 table lvs\n", "from 10.11.12.0/24 lookup lvs priority 100\n")));
    await expectSite("S031", natSite({
      [`web2/${NS}/ifcfg-eth0`]: undefined,
      "web2/etc/network/interfaces": "iface eth0 inet static\n    address 10.11.12.2/24\n    gateway 10.11.12.254\n    up ip route add default via 10.11.12.10 table 7\n    up ip rule add from 10.11.12.2 table 7\n",
    }));
    await expectSite("S031", natSite({
      [`web1/${NS}/ifcfg-eth0`]: undefined,
      "web1/etc/NetworkManager/system-connections/eth0.nmconnection": "[connection]\nid=eth0\ninterface-name=eth0\n\n[ipv4]\naddress1=10.11.12.1/24,10.11.12.254\nroute1=0.0.0.0/0,10.11.12.10\nroute1_options=table=100\nrouting-rule1=priority 5 from 10.11.12.1 table 100\n",
    }));
    // A table that the rule does not select, or a rule for another source, is no evidence.
    await expectSite("S031", natSite({ ...web1("default via 10.11.12.10 table 100\n", "from 10.11.12.1 table 200\n"), [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=«10.11.12.254»\n") }));
    await expectSite("S031", natSite({ ...web1("default via 10.11.12.10 table 100\n", "from 10.11.12.5 table 100\n"), [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=«10.11.12.254»\n") }));
    const site = await siteOf(natSite(web1("default via 10.11.12.10 dev eth0 table 100\n", "from 10.11.12.1 table 100\n")));
    const service = site.services[0]!;
    expect(judgeRealServer(site, service, service.realServers[0]!).checks.find((c) => c.name === "gateway")?.judgement).toEqual({
      status: "ok",
      detail: `policy routing: 'from 10.11.12.1 table 100' (web1/${NS}/rule-eth0:1) sends replies from 10.11.12.1 to table 100, whose default route is 10.11.12.10, a VIP of lb1's VI_INT (web1/${NS}/route-eth0:1)`,
    });
  });

  it("accepts source NAT on every router, with net.ipv4.vs.conntrack = 1", async () => {
    const snat = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -d 10.11.12.0/24 -o eth1 -j MASQUERADE\nCOMMIT\n";
    const sysctl = "net.ipv4.ip_forward = 1\nnet.ipv4.vs.conntrack = 1\n";
    const gateway = { [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=10.11.12.254\n") };
    const both = { "lb1/etc/sysconfig/iptables": snat, "lb2/etc/sysconfig/iptables": snat, "lb1/etc/sysctl.d/90-lvs.conf": sysctl, "lb2/etc/sysctl.d/90-lvs.conf": sysctl };
    await expectSite("S031", natSite({ ...gateway, ...both }));
    // nftables and a firewalld zone with <masquerade/> on the internal interface.
    const nft = "table ip nat {\n  chain postrouting {\n    type nat hook postrouting priority srcnat; policy accept;\n    oifname \"eth1\" masquerade\n  }\n}\n";
    await expectSite("S031", natSite({ ...gateway, ...both, "lb1/etc/sysconfig/iptables": undefined, "lb1/etc/nftables.conf": nft }));
    const internal = '<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Internal</short>\n  <masquerade/>\n  <interface name="eth1"/>\n</zone>\n';
    await expectSite("S031", natSite({ ...gateway, ...both, "lb2/etc/sysconfig/iptables": undefined, "lb2/etc/firewalld/zones/internal.xml": internal }));
    const site = await siteOf(natSite({ ...gateway, ...both }));
    const service = site.services[0]!;
    expect(judgeRealServer(site, service, service.realServers[0]!).checks.find((c) => c.name === "gateway")?.judgement.detail).toBe(
      "source NAT: lb1 rewrites the source of what it sends to 10.11.12.1 (lb1/etc/sysconfig/iptables:6, with net.ipv4.vs.conntrack = 1 at lb1/etc/sysctl.d/90-lvs.conf:2); lb2 rewrites the source of what it sends to 10.11.12.1 (lb2/etc/sysconfig/iptables:6, with net.ipv4.vs.conntrack = 1 at lb2/etc/sysctl.d/90-lvs.conf:2), so replies come back to the router whatever the gateway",
    );
  });

  it("does not accept source NAT on one router only, or without net.ipv4.vs.conntrack, and says why", async () => {
    const snat = "*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -o eth1 -j SNAT --to-source 10.11.12.10\nCOMMIT\n";
    const marked = { [`web1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "10.11.12.1", 24, "GATEWAY=«10.11.12.254»\n") };
    await expectSite("S031", natSite({ ...marked, "lb1/etc/sysconfig/iptables": snat, "lb1/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = 1\nnet.ipv4.vs.conntrack = 1\n" }));
    const [problem] = await expectSite("S031", natSite({ ...marked, "lb1/etc/sysconfig/iptables": snat, "lb2/etc/sysconfig/iptables": snat }));
    expect(problem!.message).toMatch(/use 10\.11\.12\.10, the routers' floating address \(lb1's source NAT \(lb1\/etc\/sysconfig\/iptables:3\) does not apply to IPVS traffic without net\.ipv4\.vs\.conntrack = 1\)$/);
  });

  it("reads IPv6 gateways (IPV6_DEFAULTGW)", async () => {
    const v6 = (master: boolean) => natRouter({ master }).replace("10.11.12.10/24", "fd00:11::10/64").replace(/real_server 10\.11\.12\.(\d)/g, "real_server fd00:11::$1");
    const files = (gw: string) => natSite({
      [`lb1/${KEEPALIVED}`]: v6(true),
      [`lb2/${KEEPALIVED}`]: v6(false),
      [`lb1/${NS}/ifcfg-eth1`]: "DEVICE=eth1\nIPV6INIT=yes\nIPV6ADDR=fd00:11::21/64\n",
      [`lb2/${NS}/ifcfg-eth1`]: "DEVICE=eth1\nIPV6INIT=yes\nIPV6ADDR=fd00:11::22/64\n",
      [`web1/${NS}/ifcfg-eth0`]: `DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=fd00:11::1/64\nIPV6_DEFAULTGW=${gw}\n`,
      [`web2/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=fd00:11::2/64\nIPV6_DEFAULTGW=fd00:11::10%eth0\n",
    });
    await expectSite("S031", files("fd00:11::10"));
    const [problem] = await expectSite("S031", files("«fd00:11::21»"));
    expect(problem!.message).toContain("web1's default gateway fd00:11::21 is lb1's own address");
  });
});
