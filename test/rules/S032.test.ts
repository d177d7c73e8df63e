import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, siteOf } from "../site/harness.js";
import { ARP_SYSCTL, drRouter, drSite, ETH_VIP, KEEPALIVED, LO_VIP, NS, realServers, tunSite, TUNL0_VIP, zone } from "../site/lvs-site.js";
import { judgeRealServer } from "../../server/src/site/lvs.js";

const rs3 = (extra: Record<string, string>) => drSite({
  [`lb1/${KEEPALIVED}`]: drRouter({ master: true, servers: realServers(["192.168.1.21", "192.168.1.22", "192.168.1.23"]) }),
  [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers: realServers(["192.168.1.21", "192.168.1.22", "192.168.1.23"]) }),
  [`rs3/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.23"),
  ...extra,
});
const REDIRECT = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A PREROUTING -d 192.168.1.100/32 -p tcp -m tcp --dport 80 -j REDIRECT\nCOMMIT\n";

describe("S032 dr-real-server-arp", () => {
  it("accepts arptables, and the VIP on lo with arp_ignore and arp_announce", async () => {
    await expectSite("S032", drSite());
  });

  it("accepts a REDIRECT with the VIP on no interface: iptables, firewalld direct or rich rule, nftables", async () => {
    await expectSite("S032", rs3({ "rs3/etc/sysconfig/iptables": REDIRECT }));
    await expectSite("S032", rs3({
      "rs3/etc/firewalld/zones/public.xml": zone('<service name="http"/>', '<interface name="eth0"/>'),
      "rs3/etc/firewalld/direct.xml": '<?xml version="1.0"?>\n<direct>\n  <rule ipv="ipv4" table="nat" chain="PREROUTING" priority="0">-d 192.168.1.100 -p tcp --dport 80 -j REDIRECT</rule>\n</direct>\n',
    }));
    await expectSite("S032", rs3({
      "rs3/etc/firewalld/zones/public.xml": zone('<service name="http"/>', '<interface name="eth0"/>', '<rule family="ipv4">\n    <destination address="192.168.1.100"/>\n    <forward-port port="80" protocol="tcp" to-port="80"/>\n  </rule>'),
    }));
    await expectSite("S032", rs3({ "rs3/etc/nftables.conf": "table ip nat {\n  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n    ip daddr 192.168.1.100 tcp dport 80 redirect\n  }\n}\n" }));
  });

  it("takes the larger of `all` and the interface's own setting, and accepts dummy interfaces and ifupdown", async () => {
    await expectSite("S032", drSite({ "rs1/etc/sysctl.d/90-lvs-dr.conf": "net.ipv4.conf.all.arp_ignore = 0\nnet.ipv4.conf.eth0.arp_ignore = 1\nnet.ipv4.conf.eth0.arp_announce = 2\n" }));
    await expectSite("S032", drSite({ [`rs1/${NS}/ifcfg-lo:0`]: undefined, [`rs1/${NS}/ifcfg-vip0`]: "DEVICE=vip0\nTYPE=Dummy\nIPADDR=192.168.1.100\nPREFIX=32\n" }));
    await expectSite("S032", drSite({
      [`rs1/${NS}/ifcfg-lo:0`]: undefined,
      [`rs1/${NS}/ifcfg-eth0`]: undefined,
      "rs1/etc/network/interfaces": "auto eth0\niface eth0 inet static\n    address 192.168.1.21/24\n    gateway 192.168.1.1\n    up ip addr add 192.168.1.100/32 dev lo label lo:0\n",
    }));
  });

  it("reports a VIP on the NIC without arptables, once for both routers", async () => {
    const [problem] = await expectSite("S032", drSite({ "rs2/etc/sysconfig/arptables": undefined, [`rs2/${NS}/ifcfg-eth0:1`]: ETH_VIP.replace("IPADDR=192.168.1.100", "IPADDR=«192.168.1.100»") }));
    expect(problem!.message).toBe(
      "192.168.1.100 is on eth0 of rs2, which answers ARP for it: clients' traffic for the VIP may go to rs2 instead of the router; drop ARP for it with arptables, or move it to lo with arp_ignore = 1 and arp_announce = 2",
    );
  });

  it("reports the sysctl line that is wrong, or says where the setting belongs", async () => {
    const [wrong] = await expectSite("S032", drSite({ "rs1/etc/sysctl.d/90-lvs-dr.conf": "net.ipv4.conf.all.arp_ignore = «0»\nnet.ipv4.conf.all.arp_announce = 2\n" }));
    expect(wrong!.message).toBe(
      "192.168.1.100 is on lo of rs1 but net.ipv4.conf.all.arp_ignore is 0, so rs1 answers ARP requests for the VIP and takes traffic meant for lb1 and lb2; set net.ipv4.conf.all.arp_ignore = 1",
    );
    expect(wrong!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`rs1/${NS}/ifcfg-lo:0:2`, `lb1/${KEEPALIVED}:11`]);
    const [missing] = await expectSite("S032", drSite({ "rs1/etc/sysctl.d/90-lvs-dr.conf": "«»net.ipv4.conf.all.arp_ignore = 1\n" }));
    expect(missing!.message).toContain("but no sysctl file sets arp_announce, so rs1 announces the VIP in its ARP requests");
    const [none] = await expectSite("S032", drSite({ "rs1/etc/sysctl.d/90-lvs-dr.conf": undefined, [`rs1/${NS}/ifcfg-lo:0`]: LO_VIP.replace("IPADDR=192.168.1.100", "IPADDR=«192.168.1.100»") }));
    expect(none!.message).toMatch(/rs1 has no sysctl file, .* set net\.ipv4\.conf\.all\.arp_ignore = 1 \(and net\.ipv4\.conf\.all\.arp_announce = 2\) in a sysctl file such as \/etc\/sysctl\.d\/90-lvs-dr\.conf$/);
  });

  it("reports a real server that neither holds the VIP nor redirects it", async () => {
    const [problem] = await expectSite("S032", rs3({ [`rs3/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.23").replace("IPADDR=192.168.1.23", "IPADDR=«192.168.1.23»") }));
    expect(problem!.message).toContain("rs3 neither holds 192.168.1.100 nor redirects it to itself: it drops what lb1 and lb2 forward by direct routing");
    // A REDIRECT for another port is no evidence.
    await expectSite("S032", rs3({ [`rs3/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.23").replace("IPADDR=192.168.1.23", "IPADDR=«192.168.1.23»"), "rs3/etc/sysconfig/iptables": REDIRECT.replace("--dport 80", "--dport 443") }));
  });

  it("never guesses about real servers without network files, and names the evidence in the report", async () => {
    const files = drSite({ [`rs1/${NS}/ifcfg-eth0`]: undefined, [`rs1/${NS}/ifcfg-lo:0`]: undefined, "rs1/etc/sysctl.d/90-lvs-dr.conf": "net.ipv4.conf.all.arp_ignore = 0\n" });
    await expectSite("S032", { ...files, "lblint.site.json": JSON.stringify({ hosts: { rs1: { addresses: ["192.168.1.21/24"] } } }) });
    const site = await siteOf({ ...files, "lblint.site.json": JSON.stringify({ hosts: { rs1: { addresses: ["192.168.1.21/24"] } } }) });
    const service = site.services[0]!;
    expect(service.realServers.map((rs) => judgeRealServer(site, service, rs).checks.find((c) => c.name === "arp")?.judgement)).toEqual([
      { status: "not-enough-information", detail: "rs1 has no network files: where the VIP is cannot be told" },
      { status: "ok", detail: "arptables drops ARP requests for 192.168.1.100 (rs2/etc/sysconfig/arptables:5)" },
    ]);
  });

  it("leaves ARP sysctls alone when they are right", async () => {
    await expectSite("S032", drSite({ "rs1/etc/sysctl.d/90-lvs-dr.conf": ARP_SYSCTL.replace("= 1", "= 2") }));
  });

  it("judges tunnelling real servers as direct-routing ones: the VIP on tunl0 needs the ARP sysctls too", async () => {
    await expectSite("S032", tunSite());
    const [problem] = await expectSite("S032", tunSite({ "rs1/etc/sysctl.d/90-lvs-tun.conf": "«»net.ipv4.conf.all.rp_filter = 0\n" }));
    expect(problem!.message).toBe(
      "192.168.1.100 is on tunl0 of rs1 but no sysctl file sets arp_ignore, so rs1 answers ARP requests for the VIP and takes traffic meant for lb1 and lb2; set net.ipv4.conf.all.arp_ignore = 1 (and net.ipv4.conf.all.arp_announce = 2) in this file",
    );
    const [missing] = await expectSite("S032", tunSite({ [`rs1/${NS}/ifcfg-tunl0`]: undefined, [`rs1/${NS}/ifcfg-eth0`]: ifcfg("eth0", "«10.20.0.21»") }));
    expect(missing!.message).toContain("it drops what lb1 and lb2 forward by tunnelling; put the VIP on tunl0 (with arp_ignore = 1 and arp_announce = 2)");
    expect(TUNL0_VIP).toContain("DEVICE=tunl0");
  });
});

const V6_ROUTER = (master: boolean) => `vrrp_instance VI_6 {
    state ${master ? "MASTER" : "BACKUP"}
    interface eth0
    virtual_router_id 61
    priority ${master ? 150 : 100}
    virtual_ipaddress {
        2001:db8:1::100/64
    }
}

virtual_server 2001:db8:1::100 80 {
    lb_algo wlc
    lb_kind DR
    protocol TCP
${realServers(["2001:db8:1::21"])}}
`;
const v6Site = (rs: Record<string, string>) => ({
  [`lb1/${KEEPALIVED}`]: V6_ROUTER(true),
  [`lb2/${KEEPALIVED}`]: V6_ROUTER(false),
  [`lb1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::11/64\n",
  [`lb2/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::12/64\n",
  [`rs1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::21/64\n",
  ...rs,
});

describe("S032 on IPv6 sites: neighbour discovery instead of ARP", () => {
  it("accepts the VIP on lo (Linux answers solicitations only for the interface's own addresses) and an ip6tables REDIRECT", async () => {
    await expectSite("S032", v6Site({ [`rs1/${NS}/ifcfg-lo`]: "DEVICE=lo\nIPV6ADDR_SECONDARIES=2001:db8:1::100/128\n" }));
    await expectSite("S032", v6Site({ "rs1/etc/sysconfig/ip6tables": "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 2001:db8:1::100/128 -p tcp --dport 80 -j REDIRECT\nCOMMIT\n" }));
    const site = await siteOf(v6Site({ [`rs1/${NS}/ifcfg-lo`]: "DEVICE=lo\nIPV6ADDR_SECONDARIES=2001:db8:1::100/128\n" }));
    const service = site.services[0]!;
    expect(judgeRealServer(site, service, service.realServers[0]!).checks.map((c) => `${c.name}: ${c.judgement.status}`)).toEqual(["segment: ok", "arp: ok", "listening: not-enough-information"]);
  });

  it("reports the VIP on the NIC, or nowhere; a firewall that might drop solicitations is not enough information", async () => {
    const [nic] = await expectSite("S032", v6Site({ [`rs1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::21/64\nIPV6ADDR_SECONDARIES=«2001:db8:1::100/128»\n" }));
    // Addresses are shown in the canonical form lblint compares them in.
    expect(nic!.message).toBe("2001:db8:1:0:0:0:0:100 is on eth0 of rs1, which answers neighbour solicitations for it: clients' traffic for the VIP may go to rs1 instead of the router; move it to lo (as 2001:db8:1:0:0:0:0:100/128)");
    await expectSite("S032", v6Site({
      [`rs1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::21/64\nIPV6ADDR_SECONDARIES=2001:db8:1::100/128\n",
      "rs1/etc/sysconfig/ip6tables": "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n",
    }));
    const [none] = await expectSite("S032", v6Site({ [`rs1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=«2001:db8:1::21/64»\n" }));
    expect(none!.message).toContain("put the VIP on lo or add a REDIRECT for [2001:db8:1:0:0:0:0:100]:80");
  });
});
