// The example sites of fixtures/sites are clean; each test breaks one thing and asserts the exact
// findings: rule, file, line and message.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { lintSiteFiles } from "./harness.js";

const root = join(import.meta.dirname, "..", "..", "fixtures", "sites");

function readSite(name: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(join(root, name), path)] = readFileSync(path, "utf8");
    }
  };
  walk(join(root, name));
  return files;
}

function edit(files: Record<string, string>, path: string, from: string, to: string): Record<string, string> {
  expect(files[path], path).toContain(from);
  return { ...files, [path]: files[path]!.replace(from, to) };
}

const show = (problems: Awaited<ReturnType<typeof lintSiteFiles>>) => problems.map((p) => `${p.ruleId} ${p.file}:${p.range.start.line + 1}:${p.range.start.column + 1} ${p.message}`);

describe("example sites", () => {
  for (const name of ["nat", "dr", "haproxy-keepalived", "fwmark", "tun"]) {
    it(`${name} is clean`, async () => {
      expect(show(await lintSiteFiles(readSite(name)))).toEqual([]);
    });
  }

  it("haproxy-keepalived: lb2 without ip_nonlocal_bind cannot bind the VIP", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb2/etc/sysctl.d/90-haproxy.conf", "net.ipv4.ip_nonlocal_bind = 1", "net.ipv4.ip_nonlocal_bind = 0");
    expect(show(await lintSiteFiles(files))).toEqual([
      "X001 lb2/etc/haproxy/haproxy.cfg:20:10 192.168.122.100 is a VIP of lb2's RGW: while lb2 is BACKUP the address is not there and haproxy cannot bind it; set net.ipv4.ip_nonlocal_bind = 1 (it is 0) or add 'transparent' to the bind",
      "X001 lb2/etc/haproxy/haproxy.cfg:24:10 192.168.122.100 is a VIP of lb2's RGW: while lb2 is BACKUP the address is not there and haproxy cannot bind it; set net.ipv4.ip_nonlocal_bind = 1 (it is 0) or add 'transparent' to the bind",
    ]);
  });

  it("haproxy-keepalived: lb2's zone without VRRP", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb2/etc/firewalld/zones/public.xml", '  <protocol value="vrrp"/>\n', "");
    expect(show(await lintSiteFiles(files))).toEqual([
      'S020 lb2/etc/firewalld/zones/public.xml:2:1 lb2\'s firewalld drops VRRP (IP protocol 112) from lb1 (multicast to 224.0.0.18): lb2\'s RGW never hears its peer and becomes MASTER too; accept it with <protocol value="vrrp"/> or a rich rule',
    ]);
  });

  it("haproxy-keepalived: a VRID typo on lb2", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb2/etc/keepalived/keepalived.conf", "virtual_router_id 51", "virtual_router_id 52");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S001 lb2/etc/keepalived/keepalived.conf:18:23 lb2's RGW has virtual_router_id 52 but lb1's RGW, which wins the election, has virtual_router_id 51: they never hear each other's adverts and both hold the VIPs",
    ]);
  });

  it("nat: equal priorities on the internal instance", async () => {
    const files = edit(readSite("nat"), "lb1/etc/keepalived/keepalived.conf", "    interface eth1\n    virtual_router_id 2\n    priority 150", "    interface eth1\n    virtual_router_id 2\n    priority 100");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S007 lb1/etc/keepalived/keepalived.conf:29:14 lb1's RH_INT has priority 100, the same as lb2's RH_INT: the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (lb2/RH_INT's, 10.11.12.22); give each router its own priority",
    ]);
  });

  it("dr: a VIP missing on the backup router", async () => {
    const files = edit(readSite("dr"), "lb2/etc/keepalived/keepalived.conf", "virtual_ipaddress {\n        192.168.1.100/24\n", "virtual_ipaddress {\n        192.168.1.100/24\n        192.168.1.101/24\n");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S002 lb2/etc/keepalived/keepalived.conf:13:5 lb2's RH_1 has 2 VIPs (192.168.1.100, 192.168.1.101) but lb1's RH_1, which wins the election, has 1 VIP (192.168.1.100): keepalived drops adverts whose address list differs from its own, so both nodes become MASTER",
    ]);
  });

  it("nat: lb2's sync group leaves out the internal instance", async () => {
    const files = edit(readSite("nat"), "lb2/etc/keepalived/keepalived.conf", "        RH_EXT\n        RH_INT\n", "        RH_EXT\n");
    expect(show(await lintSiteFiles(files))).toEqual([
      "KA032 lb2/etc/keepalived/keepalived.conf:7:17 sync group 'RH_group' has only one instance; a sync group keeps several instances in the same state",
      "S012 lb2/etc/keepalived/keepalived.conf:7:17 lb2's sync group RH_group holds RH_EXT, but lb1's RH_group holds RH_EXT, RH_INT (lb1 wins the RH_EXT election): the routers fail over different sets of instances together, and a partial failover splits the VIPs between them",
    ]);
  });

  it("nat: another scheduler on lb2", async () => {
    const files = edit(readSite("nat"), "lb2/etc/keepalived/keepalived.conf", "lb_algo rr", "lb_algo wlc");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S013 lb2/etc/keepalived/keepalived.conf:38:13 virtual_server 192.168.26.10 port 80 on lb2 uses scheduler wlc but lb1, which wins the election, uses rr: the service changes behaviour at every failover",
    ]);
  });

  it("nat: lb2 does not forward", async () => {
    const files = edit(readSite("nat"), "lb2/etc/sysctl.d/90-lvs.conf", "ip_forward = 1", "ip_forward = 0");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S030 lb2/etc/sysctl.d/90-lvs.conf:2:23 lb2 is an LVS NAT router for 192.168.26.10 port 80 but net.ipv4.ip_forward is 0: it drops what it should forward between clients and real servers; set net.ipv4.ip_forward = 1",
    ]);
  });

  it("nat: web3 routes through lb1's own address", async () => {
    const files = edit(readSite("nat"), "web3/etc/sysconfig/network-scripts/ifcfg-eth0", "GATEWAY=10.11.12.10", "GATEWAY=10.11.12.21");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S031 web3/etc/sysconfig/network-scripts/ifcfg-eth0:7:9 web3's default gateway 10.11.12.21 is lb1's own address: when lb1 is not MASTER, replies go to a router that no longer holds the connections; use the floating address 10.11.12.10",
    ]);
  });

  it("haproxy-keepalived: a check weight too small to move the VIP", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb1/etc/keepalived/keepalived.conf", "weight -10", "weight -1");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S014 lb1/etc/keepalived/keepalived.conf:12:12 when vrrp_script chk_haproxy fails, lb1's RGW drops only from 101 to 100, equal to lb2's RGW (100): a BACKUP takes over only from a MASTER of lower priority, so the VIPs stay on lb1; the weight must exceed 1 in absolute value (or be 0, which puts the instance in FAULT)",
    ]);
  });

  it("haproxy-keepalived: nopreempt on the backup", async () => {
    const files = edit(readSite("haproxy-keepalived"), "lb2/etc/keepalived/keepalived.conf", "    state BACKUP\n", "    state BACKUP\n    nopreempt\n");
    expect(show(await lintSiteFiles(files))).toEqual([
      // lb1's check (weight -10) would bring it from 101 to 91, below lb2: lb2's nopreempt keeps it from taking over.
      "S014 lb1/etc/keepalived/keepalived.conf:12:12 when vrrp_script chk_haproxy fails, lb1's RGW's priority drops, but lb2's RGW has nopreempt and never takes over from a running MASTER: the VIPs stay on lb1; use weight 0, which puts the instance in FAULT",
      "KA021 lb2/etc/keepalived/keepalived.conf:17:5 with nopreempt, the weight of 'chk_haproxy' can lower this node's priority but no other node will take the VIP over while this one runs",
    ]);
  });

  it("dr: another VRRP group on the segment with the same VRID", async () => {
    const files = {
      ...readSite("dr"),
      "db1/etc/keepalived/keepalived.conf": "vrrp_instance DB {\n    state MASTER\n    interface eth0\n    virtual_router_id 50\n    priority 100\n    virtual_ipaddress {\n        192.168.1.200/24\n    }\n}\n",
      "db1/etc/sysconfig/network-scripts/ifcfg-eth0": "DEVICE=eth0\nBOOTPROTO=none\nONBOOT=yes\nIPADDR=192.168.1.31\nPREFIX=24\n",
    };
    expect(show(await lintSiteFiles(files))).toEqual([
      "S016 lb1/etc/keepalived/keepalived.conf:10:23 lb1's RH_1 uses virtual_router_id 50 on 192.168.1.0/24, as db1's DB does for other VIPs (192.168.1.200): each group hears the other's adverts, which list other addresses and share the virtual MAC 00:00:5e:00:01:32; give this group its own VRID",
      "S016 lb2/etc/keepalived/keepalived.conf:10:23 lb2's RH_1 uses virtual_router_id 50 on 192.168.1.0/24, as db1's DB does for other VIPs (192.168.1.200): each group hears the other's adverts, which list other addresses and share the virtual MAC 00:00:5e:00:01:32; give this group its own VRID",
    ]);
  });

  it("dr: rs1 answers ARP for the VIP once arptables no longer drops it", async () => {
    const files = edit(readSite("dr"), "rs1/etc/sysconfig/arptables", "-A INPUT -d 192.168.1.100 -j DROP\n", "");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S032 rs1/etc/sysconfig/network-scripts/ifcfg-eth0:1:4:8 192.168.1.100 is on eth0 of rs1, which answers ARP for it: clients' traffic for the VIP may go to rs1 instead of the router; drop ARP for it with arptables, or move it to lo with arp_ignore = 1 and arp_announce = 2",
    ]);
  });

  it("dr: rs2 without arp_announce", async () => {
    const files = edit(readSite("dr"), "rs2/etc/sysctl.d/90-lvs-dr.conf", "net.ipv4.conf.all.arp_announce = 2\n", "");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S032 rs2/etc/sysctl.d/90-lvs-dr.conf:1:1 192.168.1.100 is on lo of rs2 but no sysctl file sets arp_announce, so rs2 announces the VIP in its ARP requests and takes traffic meant for lb1 and lb2; set net.ipv4.conf.all.arp_announce = 2 in this file",
    ]);
  });

  it("dr: a real server moved off the routers' segment", async () => {
    let files = edit(readSite("dr"), "lb1/etc/keepalived/keepalived.conf", "real_server 192.168.1.23", "real_server 192.168.5.23");
    files = edit(files, "lb2/etc/keepalived/keepalived.conf", "real_server 192.168.1.23", "real_server 192.168.5.23");
    files = edit(files, "rs3/etc/sysconfig/network-scripts/ifcfg-eth0", "192.168.1.23", "192.168.5.23");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S033 lb1/etc/keepalived/keepalived.conf:34:17 192.168.5.23 is on none of lb1's networks (192.168.1.0/24): direct routing only rewrites the MAC address, so the real server must be on the router's segment; use TUN or NAT, or a real server on that segment",
      "S033 lb2/etc/keepalived/keepalived.conf:34:17 192.168.5.23 is on none of lb2's networks (192.168.1.0/24): direct routing only rewrites the MAC address, so the real server must be on the router's segment; use TUN or NAT, or a real server on that segment",
    ]);
  });

  it("fwmark: lb2's direct rule sets another mark", async () => {
    const files = edit(readSite("fwmark"), "lb2/etc/firewalld/direct.xml", "--set-mark 80", "--set-mark 8");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S021 lb2/etc/firewalld/direct.xml:3:3 nothing in lb2's firewalld configuration sets mark 80: virtual_server fwmark 80 never sees a packet; add a mangle PREROUTING rule such as '-d 192.168.10.100 -p tcp --dport PORT -j MARK --set-mark 80' as a direct rule",
    ]);
  });

  it("fwmark: rs2's zone without FTP", async () => {
    const files = edit(readSite("fwmark"), "rs2/etc/firewalld/zones/public.xml", '  <service name="ftp"/>\n', "");
    expect(show(await lintSiteFiles(files))).toEqual([
      'S022 rs2/etc/firewalld/zones/public.xml:2:1 rs2\'s firewalld drops TCP port 21 to 192.168.10.100, where lb1 and lb2 send fwmark 21 (DR): the real server never gets the traffic and fails its checks; open it with <port protocol="tcp" port="21"/> (or a service) in the zone of eth0',
    ]);
  });

  it("fwmark: a protocol line, which keepalived ignores, changes nothing for the site", async () => {
    let files = readSite("fwmark");
    for (const lb of ["lb1", "lb2"]) files = edit(files, `${lb}/etc/keepalived/keepalived.conf`, "    lb_kind DR\n", "    lb_kind DR\n    protocol UDP\n");
    expect(show(await lintSiteFiles(files)).filter((line) => !line.startsWith("KA034"))).toEqual([]);
  });

  it("fwmark: FTP without persistence", async () => {
    const from = "    persistence_timeout 300\n\n    real_server 192.168.10.21 {\n        TCP_CHECK {\n            connect_port 21";
    const to = "\n    real_server 192.168.10.21 {\n        TCP_CHECK {\n            connect_port 21";
    const files = edit(edit(readSite("fwmark"), "lb1/etc/keepalived/keepalived.conf", from, to), "lb2/etc/keepalived/keepalived.conf", from, to);
    expect(show(await lintSiteFiles(files))).toEqual([
      "S023 lb1/etc/keepalived/keepalived.conf:38:23 fwmark 21 balances FTP on lb1: without persistence_timeout a data connection may go to another real server than its control connection",
      "S023 lb2/etc/keepalived/keepalived.conf:38:23 fwmark 21 balances FTP on lb2: without persistence_timeout a data connection may go to another real server than its control connection",
    ]);
  });

  it("fwmark: rs1's haproxy bound to its own address", async () => {
    const files = edit(readSite("fwmark"), "rs1/etc/haproxy/haproxy.cfg", "bind :80", "bind 192.168.10.21:80");
    expect(show(await lintSiteFiles(files))).toEqual([
      "X005 rs1/etc/haproxy/haproxy.cfg:19:10 rs1's haproxy does not listen where lb1 and lb2 send fwmark 80: direct routing delivers 192.168.10.100:80 unchanged, but haproxy binds 192.168.10.21:80; bind 192.168.10.100:80 (or *:80)",
    ]);
  });

  it("tun: rs1 with strict reverse-path filtering", async () => {
    const files = edit(readSite("tun"), "rs1/etc/sysctl.d/90-lvs-tun.conf", "net.ipv4.conf.all.rp_filter = 2", "net.ipv4.conf.all.rp_filter = 1");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S035 rs1/etc/sysctl.d/90-lvs-tun.conf:4:31 net.ipv4.conf.all.rp_filter = 1 makes rs1 drop what it unwraps from tunl0: the packets of 192.168.1.100 port 80 come from clients, whose route leaves through another interface, and strict reverse-path filtering discards them; set net.ipv4.conf.all.rp_filter = 2 (loose) or 0",
    ]);
  });

  it("tun: rs2 without the ipip module", async () => {
    const files = edit(readSite("tun"), "rs2/etc/modules-load.d/ipip.conf", "\nipip\n", "\n");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S034 rs2/etc/sysconfig/network-scripts/ifcfg-lo:0:2:8 rs2 has no ipip tunnel: lb1 and lb2 send 192.168.1.100 port 80 to it wrapped in IP-in-IP (lb_kind TUN), which the kernel drops without the ipip module; put the VIP on tunl0 (ifcfg-tunl0 with TYPE=IPIP) or load ipip from /etc/modules-load.d",
    ]);
  });

  it("tun: rs1's zone without IP-in-IP", async () => {
    const files = edit(readSite("tun"), "rs1/etc/firewalld/zones/public.xml", '  <protocol value="ipencap"/>\n', "");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S022 rs1/etc/firewalld/zones/public.xml:2:1 rs1's firewalld drops IP protocol ipencap to 10.20.0.21, the IP-in-IP packets (protocol 4) in which lb1 and lb2 tunnel 192.168.1.100 port 80: the real server never gets the traffic and fails its checks; open it with <protocol value=\"ipencap\"/> in the zone of eth0",
    ]);
  });

  it("tun: rs1's VIP on eth0 instead of tunl0", async () => {
    const files = edit(readSite("tun"), "rs1/etc/sysconfig/network-scripts/ifcfg-tunl0", "DEVICE=tunl0\nTYPE=IPIP", "DEVICE=eth0:1");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S032 rs1/etc/sysconfig/network-scripts/ifcfg-tunl0:5:8 192.168.1.100 is on eth0 of rs1, which answers ARP for it: clients' traffic for the VIP may go to rs1 instead of the router; drop ARP for it with arptables, or move it to tunl0 with arp_ignore = 1 and arp_announce = 2",
      "S034 rs1/etc/sysconfig/network-scripts/ifcfg-tunl0:5:8 rs1 has no ipip tunnel: lb1 and lb2 send 192.168.1.100 port 80 to it wrapped in IP-in-IP (lb_kind TUN), which the kernel drops without the ipip module; put the VIP on tunl0 (ifcfg-tunl0 with TYPE=IPIP) or load ipip from /etc/modules-load.d",
    ]);
  });

  it("dr: the service as a virtual_server_group, clean, then missing a port on lb2", async () => {
    const group = (ports: string) => `virtual_server_group RH_WEB {\n${ports}}\n\nvirtual_server group RH_WEB {`;
    let files = readSite("dr");
    for (const host of ["lb1", "lb2"]) {
      files = edit(files, `${host}/etc/keepalived/keepalived.conf`, "virtual_server 192.168.1.100 80 {", group("    192.168.1.100 80\n    192.168.1.100 8080\n"));
      // Real servers without a port take each member's, and the routers' zones open 8080 too.
      for (const rs of ["21", "22", "23"]) files = edit(files, `${host}/etc/keepalived/keepalived.conf`, `real_server 192.168.1.${rs} 80 {`, `real_server 192.168.1.${rs} {`);
      files = edit(files, `${host}/etc/firewalld/zones/public.xml`, '<service name="http"/>', '<service name="http"/>\n  <port protocol="tcp" port="8080"/>');
    }
    expect(show(await lintSiteFiles(files))).toEqual([]);
    files = edit(files, "lb2/etc/keepalived/keepalived.conf", "    192.168.1.100 8080\n", "");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S017 lb2/etc/keepalived/keepalived.conf:18:22 virtual_server_group RH_WEB on lb2 lacks 192.168.1.100 port 8080, which lb1's group of that name lists and balances (lb1 wins the election): after a failover that address is no longer balanced",
    ]);
  });

  it("nat: web3 routes by a policy table through the VIP (clean), then by a table the rule does not select", async () => {
    let files = edit(readSite("nat"), "web3/etc/sysconfig/network-scripts/ifcfg-eth0", "GATEWAY=10.11.12.10", "GATEWAY=10.11.12.254");
    files = { ...files, "web3/etc/sysconfig/network-scripts/route-eth0": "default via 10.11.12.10 dev eth0 table 100\n", "web3/etc/sysconfig/network-scripts/rule-eth0": "from 10.11.12.3 table 100\n" };
    expect(show(await lintSiteFiles(files))).toEqual([]);
    files = edit(files, "web3/etc/sysconfig/network-scripts/rule-eth0", "table 100", "table 200");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S031 web3/etc/sysconfig/network-scripts/ifcfg-eth0:7:9 web3's default gateway 10.11.12.254 is not the NAT router: replies to clients bypass it and are never rewritten; use 10.11.12.10, the routers' floating address",
    ]);
  });

  it("haproxy-keepalived: rgw2's zone without haproxy's backend port", async () => {
    const files = edit(readSite("haproxy-keepalived"), "rgw2/etc/firewalld/zones/public.xml", '  <port protocol="tcp" port="8080"/>\n', "");
    expect(show(await lintSiteFiles(files))).toEqual([
      "S022 rgw2/etc/firewalld/zones/public.xml:2:1 rgw2's firewalld drops TCP port 8080 to 192.168.122.22, where lb1's haproxy sends server rgw/rgw2 and lb2's haproxy sends server rgw/rgw2: the server fails its health checks and gets no traffic from haproxy; open it with <port protocol=\"tcp\" port=\"8080\"/> (or a service) in the zone of eth0",
    ]);
  });
});
