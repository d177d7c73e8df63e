import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, lintSiteFiles, router } from "../site/harness.js";

const pair = (extra: Record<string, string>) => ({
  "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }),
  "lb2/etc/keepalived/keepalived.conf": router({}),
  "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"),
  "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12"),
  ...extra,
});
const zone = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Public</short>\n  <service name="ssh"/>\n${body}</zone>\n`;

describe("S020 firewall-drops-vrrp", () => {
  it("accepts hosts without firewall files", async () => {
    await expectSite("S020", pair({}));
  });

  it("accepts firewalld zones that accept the vrrp protocol, a rich rule, or a direct rule", async () => {
    await expectSite("S020", pair({ "lb1/etc/firewalld/zones/public.xml": zone('  <protocol value="vrrp"/>\n'), "lb2/etc/firewalld/zones/public.xml": zone('  <rule family="ipv4">\n    <source address="192.168.1.11"/>\n    <protocol value="vrrp"/>\n    <accept/>\n  </rule>\n') }));
    await expectSite("S020", pair({ "lb1/etc/firewalld/direct.xml": '<?xml version="1.0"?>\n<direct>\n  <rule ipv="ipv4" table="filter" chain="INPUT" priority="0">--in-interface eth0 --destination 224.0.0.18 --protocol vrrp -j ACCEPT</rule>\n</direct>\n' }));
  });

  it("reports the zone that rejects VRRP on each router", async () => {
    const [problem] = await expectSite("S020", pair({ "lb2/etc/firewalld/zones/public.xml": zone("").replace("<zone>", "«<zone>»") }));
    expect(problem!.message).toBe(
      "lb2's firewalld drops VRRP (IP protocol 112) from lb1 (multicast to 224.0.0.18): lb2's VI_1 never hears its peer and becomes MASTER too; accept it with <protocol value=\"vrrp\"/> or a rich rule",
    );
  });

  it("reads iptables-save: a DROP policy after rules that do not match", async () => {
    const rules = "*filter\n:INPUT «DROP» [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n";
    await expectSite("S020", pair({ "lb1/etc/sysconfig/iptables": rules }));
    await expectSite("S020", pair({ "lb1/etc/sysconfig/iptables": rules.replace("«DROP»", "DROP").replace("COMMIT", "-A INPUT -p vrrp -d 224.0.0.18 -j ACCEPT\nCOMMIT") }));
    // A rule lblint cannot judge before the drop makes the verdict uncertain: nothing is reported.
    await expectSite("S020", pair({ "lb1/etc/sysconfig/iptables": rules.replace("«DROP»", "DROP").replace("COMMIT", "-A INPUT -m recent --rcheck -j ACCEPT\nCOMMIT") }));
  });

  it("reads nftables: a reject rule in the input chain", async () => {
    const nft = `table inet filter {\n  chain input {\n    type filter hook input priority 0; policy accept;\n    ct state established,related accept\n    tcp dport { 22, 80 } accept\n    «reject»\n  }\n}\n`;
    await expectSite("S020", pair({ "lb2/etc/nftables.conf": nft }));
    await expectSite("S020", pair({ "lb2/etc/nftables.conf": nft.replace("«reject»", "ip protocol vrrp accept\n    reject") }));
  });

  it("checks unicast adverts from each peer", async () => {
    const rules = "*filter\n:INPUT DROP [0:0]\n-A INPUT -p 112 -s 192.168.1.12 -j ACCEPT\n«-A INPUT -j REJECT»\nCOMMIT\n";
    await expectSite("S020", {
      ...pair({ "lb2/etc/sysconfig/iptables": rules }),
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } }),
    });
  });
});

describe("S020 over IPv6", () => {
  const NS = "etc/sysconfig/network-scripts";
  const v6pair = (extra: Record<string, string>) => ({
    "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, vips: ["2001:db8:1::100/64"] }),
    "lb2/etc/keepalived/keepalived.conf": router({ vips: ["2001:db8:1::100/64"] }),
    [`lb1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::11/64\n",
    [`lb2/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::12/64\n",
    ...extra,
  });
  const drop = "*filter\n:INPUT «DROP» [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n";

  it("judges adverts to ff02::12 by the IPv6 rules (ip6tables, nftables ip6), not the IPv4 ones", async () => {
    const [problem] = await expectSite("S020", v6pair({ "lb2/etc/iptables/rules.v6": drop }));
    expect(problem!.message).toContain("from lb1 (multicast to ff02::12)");
    const open = drop.replace("«DROP»", "DROP").replace("COMMIT", "-A INPUT -p vrrp -d ff02::12 -j ACCEPT\nCOMMIT");
    await expectSite("S020", v6pair({ "lb2/etc/iptables/rules.v6": open, "lb2/etc/iptables/rules.v4": drop.replace("«DROP»", "DROP") }));
    const nft = "table ip6 filter {\n  chain input {\n    type filter hook input priority 0; policy drop;\n    tcp dport 22 accept\n  }\n}\n";
    const found = (await lintSiteFiles(v6pair({ "lb2/etc/nftables.conf": nft }))).filter((p) => p.ruleId === "S020");
    expect(found.map((p) => `${p.file}:${p.range.start.line + 1}`)).toEqual(["lb2/etc/nftables.conf:3"]);
  });
});
