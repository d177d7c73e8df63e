import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { direct, drRouter, drSite, KEEPALIVED, realServers, zone } from "../site/lvs-site.js";

const fwmark = (servers = realServers(["192.168.1.21", "192.168.1.22"], 0)) => ({
  [`lb1/${KEEPALIVED}`]: drRouter({ master: true, head: "fwmark 80", servers, vsExtra: "    persistence_timeout 300\n" }),
  [`lb2/${KEEPALIVED}`]: drRouter({ master: false, head: "fwmark 80", servers, vsExtra: "    persistence_timeout 300\n" }),
});
const ZONE = zone('<service name="http"/>', '<service name="https"/>', '<protocol value="vrrp"/>', '<interface name="eth0"/>');
const firewalld = (lb1: string, lb2 = lb1) => ({
  "lb1/etc/firewalld/zones/public.xml": ZONE,
  "lb2/etc/firewalld/zones/public.xml": ZONE,
  "lb1/etc/firewalld/direct.xml": lb1,
  "lb2/etc/firewalld/direct.xml": lb2,
});
const MARK = "-d 192.168.1.100 -p tcp -m multiport --dports 80,443 -j MARK --set-mark 80";

describe("S021 fwmark-not-set", () => {
  it("accepts a mark set by a direct rule, a rich rule, iptables or nftables", async () => {
    await expectSite("S021", drSite({ ...fwmark(), ...firewalld(direct(MARK)) }));
    const rich = zone('<service name="http"/>', '<protocol value="vrrp"/>', '<interface name="eth0"/>', '<rule family="ipv4">\n    <destination address="192.168.1.100"/>\n    <port port="80" protocol="tcp"/>\n    <mark set="80"/>\n  </rule>');
    await expectSite("S021", drSite({ ...fwmark(), "lb1/etc/firewalld/zones/public.xml": rich, "lb2/etc/firewalld/zones/public.xml": rich }));
    const iptables = `*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING ${MARK}\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n`;
    await expectSite("S021", drSite({ ...fwmark(), "lb1/etc/sysconfig/iptables": iptables, "lb2/etc/sysconfig/iptables": iptables }));
    const nft = "table inet lvs {\n  chain prerouting {\n    type filter hook prerouting priority mangle; policy accept;\n    ip daddr 192.168.1.100 tcp dport { 80, 443 } meta mark set 80\n  }\n}\n";
    await expectSite("S021", drSite({ ...fwmark(), "lb1/etc/nftables.conf": nft, "lb2/etc/nftables.conf": nft }));
  });

  it("does not judge routers without firewall files", async () => {
    await expectSite("S021", drSite(fwmark()));
  });

  it("reports a missing mark where the rule belongs, with the virtual server as related", async () => {
    const other = MARK.replace("--set-mark 80", "--set-mark 81");
    const marked = direct(other).replace("<rule ", "«<rule ").replace('priority="0">', 'priority="0">»');
    const found = await expectSite("S021", drSite({ ...fwmark(), ...firewalld(marked) }));
    expect(found[0]!.message).toBe(
      "nothing in lb1's firewalld configuration sets mark 80: virtual_server fwmark 80 never sees a packet; add a mangle PREROUTING rule such as '-d 192.168.1.100 -p tcp --dport PORT -j MARK --set-mark 80' as a direct rule",
    );
    expect(found[0]!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb1/${KEEPALIVED}:11`]);
    // No direct.xml: on the zone, and in iptables on the mangle PREROUTING policy.
    await expectSite("S021", drSite({ ...fwmark(), "lb1/etc/firewalld/zones/public.xml": ZONE.replace("<zone>", "«<zone>»") }));
    const iptables = "*mangle\n:PREROUTING «ACCEPT» [0:0]\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n";
    await expectSite("S021", drSite({ ...fwmark(), "lb2/etc/sysconfig/iptables": iptables }));
  });

  it("reports mark rules for an address the router does not answer for", async () => {
    const wrong = MARK.replace("192.168.1.100", "192.168.1.200");
    const marked = direct(wrong).replace("<rule ", "«<rule ").replace('priority="0">', 'priority="0">»');
    const [problem] = await expectSite("S021", drSite({ ...fwmark(), ...firewalld(marked, direct(MARK)) }));
    expect(problem!.message).toContain("match 192.168.1.200, which is neither a VIP nor an address of lb1");
  });
});
