// The LVS model and what the host file readers add for it: services as keepalived reads them,
// firewall-mark endpoints, redirects, dummy interfaces, kernel modules, target options; and the
// LVS section of the site report, which names the evidence for each real server and says "not
// enough information" where the real server's files are missing instead of guessing.
import { describe, expect, it } from "vitest";
import { expectSite, lintSiteFiles, siteOf } from "./harness.js";
import { direct, drRouter, drSite, haproxyBind, KEEPALIVED, natSite, NS, realServers, zone } from "./lvs-site.js";
import { endpoints } from "../../server/src/site/lvs.js";
import { resolveConfig } from "../../server/src/lint/config.js";
import { lintSite } from "../../server/src/site/lint-site.js";
import { formatSiteReport, siteReport } from "../../server/src/site/report.js";

describe("LVS model", () => {
  it("reads services as keepalived does: UDP and NAT by default, a real server's own method first", async () => {
    const lb1 = "virtual_server 192.168.1.100 53 {\n    real_server 192.168.1.21 53 {\n        lvs_method DR\n    }\n    real_server 192.168.1.22 53 {\n    }\n}\n";
    const site = await siteOf({ [`lb1/${KEEPALIVED}`]: lb1 });
    const [service] = site.services;
    expect(`${service!.key} ${service!.method} ${service!.protocol}`).toBe("192.168.1.100:53/udp NAT udp");
    expect(service!.realServers.map((rs) => `${rs.address}:${rs.port} ${rs.method}`)).toEqual(["192.168.1.21:53 DR", "192.168.1.22:53 NAT"]);
  });

  it("finds the addresses and ports of a fwmark service in the mark rules", async () => {
    const site = await siteOf(drSite({
      [`lb1/${KEEPALIVED}`]: drRouter({ master: true, head: "fwmark 80", servers: realServers(["192.168.1.21"], 0) }),
      "lb1/etc/firewalld/zones/public.xml": zone('<service name="http"/>'),
      "lb1/etc/firewalld/direct.xml": direct("-d 192.168.1.100/32 -p tcp -m multiport --dports 80,443 -j MARK --set-mark 80", "-d 192.168.1.0/24 -p tcp -j MARK --set-mark 80"),
    }));
    const service = site.servicesOf(site.hosts.find((h) => h.name === "lb1")!)[0]!;
    expect(endpoints(service).map((e) => `${e.vip} ${JSON.stringify(e.ports)}`)).toEqual(["192.168.1.100 [[80,80],[443,443]]"]);
  });

  it("indexes services by router and by key", async () => {
    const site = await siteOf(natSite());
    expect(site.servicesWithKey("192.168.26.10:80/tcp").map((s) => s.host.name)).toEqual(["lb1", "lb2"]);
    expect(site.instancesOf(site.hosts[0]!).map((i) => i.instance.name)).toEqual(["VI_EXT", "VI_INT"]);
  });
});

describe("host files for LVS", () => {
  it("reads dummy interfaces from NetworkManager keyfiles and ifupdown", async () => {
    const site = await siteOf({
      "rs1/etc/NetworkManager/system-connections/vip.nmconnection": "[connection]\nid=vip\ntype=dummy\ninterface-name=vip0\n\n[ipv4]\nmethod=manual\naddress1=192.168.1.100/32\n",
      "rs2/etc/network/interfaces": "auto vip1\niface vip1 inet static\n    address 192.168.1.100/32\n    pre-up ip link add name vip1 type dummy\n\nauto vip2\niface vip2 inet static\n    link-type dummy\n    address 192.168.1.101/32\n",
    });
    expect(site.hosts.map((h) => [...h.network.dummies].join(","))).toEqual(["vip0", "vip1,vip2"]);
  });

  it("reads kernel modules and marks lines it does not understand", async () => {
    const site = await siteOf({
      "lb1/etc/modules-load.d/lvs.conf": "# LVS\nip_vs\nip-vs-ftp\n",
      "lb1/etc/sysconfig/modules/lvs.modules": "#!/bin/sh\nexec /sbin/modprobe ip_vs_wlc >/dev/null 2>&1\necho done\n",
      "lb1/etc/sysctl.d/x.conf": "",
    });
    const host = site.hosts[0]!;
    expect(host.modules.map((m) => m.value)).toEqual(["ip_vs", "ip_vs_ftp", "ip_vs_wlc"]);
    expect(host.files.filter((f) => f.kind === "modules").map((f) => `${f.status} ${f.skipped.map((s) => s.range.start.line + 1).join(",")}`)).toEqual(["clean ", "partial 3"]);
  });

  it("does not take the options of REJECT and LOG for matches it cannot judge", async () => {
    const rules = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\n-A INPUT -j LOG --log-prefix \"in: \" --log-level 4\n«-A INPUT -j REJECT --reject-with icmp-host-prohibited»\nCOMMIT\n";
    await expectSite("S022", { ...drSite(), "lb1/etc/sysconfig/iptables": rules });
  });
});

describe("site report", () => {
  it("lists every LVS service once with each real server's evidence", async () => {
    const servers = realServers(["192.168.1.21", "192.168.1.22", "192.168.1.23"]);
    const site = await siteOf(drSite({ [`lb1/${KEEPALIVED}`]: drRouter({ master: true, servers }), [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers }), [`rs2/${NS}/ifcfg-eth0`]: undefined, [`rs2/${NS}/ifcfg-eth0:1`]: undefined, "lblint.site.json": JSON.stringify({ hosts: { rs2: { addresses: ["192.168.1.22/24"] } } }) }));
    const report = siteReport(site, lintSite(site, resolveConfig({}, "test")));
    expect(report.lvs).toHaveLength(1);
    expect(report.lvs[0]!.routers).toEqual(["lb1", "lb2"]);
    const text = formatSiteReport(report, "stylish");
    const section = text.slice(text.indexOf("LVS services"), text.indexOf("\nFindings"));
    expect(section.split("\n")).toEqual([
      "LVS services",
      "  192.168.1.100 port 80 (TCP, DR) on lb1, lb2",
      "    router lb1",
      "      firewall: not enough information — lb1 has no firewall files: TCP port 80 to 192.168.1.100 is not judged",
      "    router lb2",
      "      firewall: not enough information — lb2 has no firewall files: TCP port 80 to 192.168.1.100 is not judged",
      "    real server 192.168.1.21:80 on rs1",
      "      segment: ok — 192.168.1.21 is on 192.168.1.0/24, a network of lb1",
      "      arp: ok — 192.168.1.100 on lo (rs1/etc/sysconfig/network-scripts/ifcfg-lo:0:2) with net.ipv4.conf.all.arp_ignore = 1 (rs1/etc/sysctl.d/90-lvs-dr.conf:1) and net.ipv4.conf.all.arp_announce = 2 (rs1/etc/sysctl.d/90-lvs-dr.conf:2)",
      "      listening: not enough information — what rs1 listens on is not known (no haproxy configuration)",
      "    real server 192.168.1.22:80 on rs2",
      "      segment: ok — 192.168.1.22 is on 192.168.1.0/24, a network of lb1",
      "      arp: not enough information — rs2 has no network files: where the VIP is cannot be told",
      "      listening: not enough information — what rs2 listens on is not known (no haproxy configuration)",
      "    real server 192.168.1.23:80",
      "      segment: ok — 192.168.1.23 is on 192.168.1.0/24, a network of lb1",
      "      host: not enough information — no host of the site has 192.168.1.23",
      "",
    ]);
    const json = JSON.parse(formatSiteReport(report, "json")) as typeof report;
    expect(json.lvs[0]!.realServers.map((rs) => `${rs.address} ${rs.host ?? "-"} ${rs.checks.map((c) => `${c.name}=${c.status}`).join(",")}`)).toEqual([
      "192.168.1.21:80 rs1 segment=ok,arp=ok,listening=not-enough-information",
      "192.168.1.22:80 rs2 segment=ok,arp=not-enough-information,listening=not-enough-information",
      "192.168.1.23:80 - segment=ok,host=not-enough-information",
    ]);
  });

  it("judges a router without sysctl files as S030 does", async () => {
    // lb1 keeps its network files but loses its sysctl file: the kernel's default (0) holds, S030 reports it.
    const files = natSite({ "lb1/etc/sysctl.d/90-lvs.conf": undefined });
    const site = await siteOf(files);
    const report = siteReport(site, lintSite(site, resolveConfig({}, "test")));
    expect(report.lvs[0]!.routerChecks.map((r) => `${r.router}: ${r.checks.find((c) => c.name === "forwarding")!.status}`)).toEqual(["lb1: fault", "lb2: ok"]);
    expect((await lintSiteFiles(files)).filter((p) => p.ruleId === "S030").map((p) => p.file)).toEqual([`lb1/${KEEPALIVED}`]);
  });

  it("names the routers' evidence and the rule behind each fault, and lists every finding with both sides", async () => {
    const files = natSite({
      "lb1/etc/firewalld/zones/public.xml": zone('<service name="http"/>', '<protocol value="vrrp"/>', '<interface name="eth0"/>', '<interface name="eth1"/>'),
      "lb2/etc/firewalld/zones/public.xml": zone('<protocol value="vrrp"/>', '<interface name="eth0"/>', '<interface name="eth1"/>'),
      "lb2/etc/sysctl.d/90-lvs.conf": "net.ipv4.ip_forward = 0\n",
    });
    const site = await siteOf(files);
    const report = siteReport(site, lintSite(site, resolveConfig({}, "test")));
    expect(report.lvs[0]!.routerChecks.map((r) => `${r.router}: ${r.checks.map((c) => `${c.name} ${c.status} ${c.rule ?? ""}`).join(", ")}`)).toEqual([
      "lb1: forwarding ok S030, firewall ok S022",
      "lb2: forwarding fault S030, firewall fault S022",
    ]);
    const text = formatSiteReport(report, "stylish");
    expect(text).toContain("      forwarding: ok — net.ipv4.ip_forward = 1 (lb1/etc/sysctl.d/90-lvs.conf:1)\n");
    expect(text).toContain("      firewall: ok — lb1's firewalld accepts TCP port 80 to 192.168.26.10 by 'http' (lb1/etc/firewalld/zones/public.xml:4)\n");
    expect(text).toContain("      forwarding: fault (S030) — net.ipv4.ip_forward = 0 (lb2/etc/sysctl.d/90-lvs.conf:1)\n");
    expect(text).toContain("    vrrp firewall lb2/VI_EXT: ok — lb2's firewalld accepts VRRP from 192.168.26.11 by 'vrrp' (lb2/etc/firewalld/zones/public.xml:4)\n");
    expect(report.problems.filter((p) => p.rule === "S030")).toEqual([
      {
        rule: "S030",
        severity: "error",
        at: "lb2/etc/sysctl.d/90-lvs.conf:1",
        message: "lb2 is an LVS NAT router for 192.168.26.10 port 80 but net.ipv4.ip_forward is 0: it drops what it should forward between clients and real servers; set net.ipv4.ip_forward = 1",
        related: ["lb2/etc/keepalived/keepalived.conf:28 lb2: virtual_server 192.168.26.10 port 80 (NAT)"],
      },
    ]);
    expect(text).toContain("  S030 error lb2/etc/sysctl.d/90-lvs.conf:1 lb2 is an LVS NAT router");
    expect(text).toContain("    related: lb2/etc/keepalived/keepalived.conf:28 lb2: virtual_server 192.168.26.10 port 80 (NAT)\n");
  });

  it("names what lets haproxy bind a VIP, host by host", async () => {
    const files = {
      ...drSite(),
      "lb1/etc/haproxy/haproxy.cfg": haproxyBind("192.168.1.100:80"),
      "lb2/etc/haproxy/haproxy.cfg": haproxyBind("192.168.1.100:80 transparent"),
      "lb1/etc/sysctl.d/90-haproxy.conf": "net.ipv4.ip_nonlocal_bind = 1\n",
    };
    const site = await siteOf(files);
    const report = siteReport(site, lintSite(site, resolveConfig({}, "test")));
    expect(report.hosts.filter((h) => h.binds.length > 0).map((h) => `${h.name}: ${h.binds.map((b) => `${b.name} ${b.status} — ${b.detail}`).join("; ")}`)).toEqual([
      "lb1: 192.168.1.100:80 (lb1/etc/haproxy/haproxy.cfg:11) ok — net.ipv4.ip_nonlocal_bind = 1 (lb1/etc/sysctl.d/90-haproxy.conf:1)",
      "lb2: 192.168.1.100:80 (lb2/etc/haproxy/haproxy.cfg:11) ok — the bind has transparent or freebind",
    ]);
  });

  it("judges an IPv6 direct-routing site with IPv6's own settings, and finds nothing wrong with a clean one", async () => {
    const router = (master: boolean) =>
      drRouter({ master, servers: realServers(["2001:db8:1::21", "2001:db8:1::22"]) }).replace("192.168.1.100/24", "2001:db8:1::100/64").replace("192.168.1.100 80", "2001:db8:1::100 80");
    const files = {
      [`lb1/${KEEPALIVED}`]: router(true),
      [`lb2/${KEEPALIVED}`]: router(false),
      [`lb1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::11\n",
      [`lb2/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::12\n",
      "lb1/etc/sysconfig/ip6tables": "*filter\n:INPUT DROP [0:0]\n-A INPUT -p vrrp -j ACCEPT\n-A INPUT -p tcp --dport 80 -j ACCEPT\nCOMMIT\n",
      [`rs1/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::21\n",
      [`rs1/${NS}/ifcfg-lo`]: "DEVICE=lo\nIPV6ADDR_SECONDARIES=2001:db8:1::100/128\n",
      "rs1/etc/haproxy/haproxy.cfg": haproxyBind("[2001:db8:1::100]:80"),
      [`rs2/${NS}/ifcfg-eth0`]: "DEVICE=eth0\nIPV6INIT=yes\nIPV6ADDR=2001:db8:1::22\n",
      "rs2/etc/sysconfig/ip6tables": "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 2001:db8:1::100 -p tcp --dport 80 -j REDIRECT\nCOMMIT\n",
    };
    const site = await siteOf(files);
    const problems = lintSite(site, resolveConfig({}, "test")).flatMap((r) => r.problems.filter((p) => /^[SX]0/.test(p.ruleId)).map((p) => `${p.ruleId} ${p.message}`));
    expect(problems).toEqual([]);
    const report = siteReport(site, lintSite(site, resolveConfig({}, "test")));
    expect(report.lvs[0]!.routerChecks[0]!.checks.map((c) => `${c.name} ${c.status}`)).toEqual(["firewall ok"]);
    expect(report.lvs[0]!.realServers.map((rs) => `${rs.host}: ${rs.checks.map((c) => `${c.name}=${c.status}`).join(",")}`)).toEqual([
      "rs1: segment=ok,arp=ok,listening=ok",
      "rs2: segment=ok,arp=ok,listening=not-enough-information",
    ]);
  });
});
