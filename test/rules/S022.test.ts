import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { lbPair } from "../site/lb-pair.js";
import { direct, drRouter, drSite, haproxyBind, KEEPALIVED, natSite, realServers, tunSite, zone } from "../site/lvs-site.js";

const OPEN = zone('<service name="ssh"/>', '<service name="http"/>', '<protocol value="vrrp"/>', '<interface name="eth0"/>');
const CLOSED = zone('<service name="ssh"/>', '<protocol value="vrrp"/>', '<interface name="eth0"/>');
const routers = (lb1: string, lb2 = OPEN) => ({ "lb1/etc/firewalld/zones/public.xml": lb1, "lb2/etc/firewalld/zones/public.xml": lb2 });

describe("S022 service-port-closed", () => {
  it("accepts open ports, and hosts without firewall files", async () => {
    await expectSite("S022", drSite(routers(OPEN)));
    await expectSite("S022", drSite());
  });

  it("reports a virtual server's port dropped by the router's zone", async () => {
    const [problem] = await expectSite("S022", drSite(routers(CLOSED.replace("<zone>", "«<zone>»"))));
    expect(problem!.message).toBe(
      "lb1's firewalld drops TCP port 80 to 192.168.1.100, which virtual_server 192.168.1.100 port 80 balances: clients never reach the service; open it with <port protocol=\"tcp\" port=\"80\"/> (or a service) in the zone of eth0",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb1/${KEEPALIVED}:11`]);
  });

  it("reads iptables: the policy that drops, and stays quiet after a rule it cannot judge", async () => {
    const rules = "*filter\n:INPUT «DROP» [0:0]\n-A INPUT -p vrrp -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n";
    await expectSite("S022", drSite({ "lb2/etc/sysconfig/iptables": rules }));
    await expectSite("S022", drSite({ "lb2/etc/sysconfig/iptables": rules.replace("«DROP»", "DROP").replace("COMMIT", "-A INPUT -m recent --rcheck -j ACCEPT\nCOMMIT") }));
  });

  it("checks what real servers receive: NAT on their own address and port, DR on the VIP", async () => {
    await expectSite("S022", natSite({ "web1/etc/firewalld/zones/public.xml": CLOSED.replace("<zone>", "«<zone>»"), "web2/etc/firewalld/zones/public.xml": OPEN }));
    const [dr] = await expectSite("S022", drSite({ "rs1/etc/sysconfig/iptables": "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n«-A INPUT -j REJECT --reject-with icmp-host-prohibited»\nCOMMIT\n" }));
    expect(dr!.message).toContain("rs1's iptables drops TCP port 80 to 192.168.1.100, where lb1 and lb2 send 192.168.1.100 port 80 (DR): the real server never gets the traffic and fails its checks");
  });

  it("checks what tunnelling real servers receive: IP-in-IP (protocol 4) to their address, then the VIP's port out of the tunnel", async () => {
    const rs1 = (zoneText: string) => ({ "rs1/etc/firewalld/zones/public.xml": zoneText });
    await expectSite("S022", tunSite(rs1(zone('<service name="http"/>', '<protocol value="ipencap"/>', '<interface name="eth0"/>'))));
    const [ipip] = await expectSite("S022", tunSite(rs1(zone('<service name="http"/>', '<interface name="eth0"/>').replace("<zone>", "«<zone>»"))));
    expect(ipip!.message).toBe(
      "rs1's firewalld drops IP protocol ipencap to 10.20.0.21, the IP-in-IP packets (protocol 4) in which lb1 and lb2 tunnel 192.168.1.100 port 80: the real server never gets the traffic and fails its checks; open it with <protocol value=\"ipencap\"/> in the zone of eth0",
    );
    // The wrapper gets in, but port 80 coming out of tunl0 meets the policy.
    const [inner] = await expectSite("S022", tunSite({ "rs1/etc/sysconfig/iptables": "*filter\n:INPUT «DROP» [0:0]\n-A INPUT -p 4 -j ACCEPT\n-A INPUT -i tunl0 -p tcp --dport 443 -j ACCEPT\nCOMMIT\n" }));
    expect(inner!.message).toContain("rs1's iptables drops TCP port 80 to 192.168.1.100, where lb1 and lb2 send 192.168.1.100 port 80 (TUN)");
  });

  it("checks the ports of fwmark services from their mark rules", async () => {
    const vs = { vsExtra: "    persistence_timeout 300\n", head: "fwmark 80", servers: realServers(["192.168.1.21"], 0) };
    const mark = direct("-d 192.168.1.100 -p tcp -m multiport --dports 80,443 -j MARK --set-mark 80");
    await expectSite("S022", drSite({
      [`lb1/${KEEPALIVED}`]: drRouter({ master: true, ...vs }),
      [`lb2/${KEEPALIVED}`]: drRouter({ master: false, ...vs }),
      ...routers(OPEN.replace("<zone>", "«<zone>»"), OPEN.replace("<zone>", "«<zone>»")),
      "lb1/etc/firewalld/direct.xml": mark,
      "lb2/etc/firewalld/direct.xml": mark,
    }));
  });

  it("checks haproxy binds; a wildcard only when every interface drops it", async () => {
    const https = zone('<service name="http"/>', '<service name="https"/>', '<protocol value="vrrp"/>', '<interface name="eth0"/>');
    await expectSite("S022", lbPair({ "lb1/etc/firewalld/zones/public.xml": https, "lb2/etc/firewalld/zones/public.xml": https }));
    const [bind] = await expectSite("S022", lbPair({ "lb1/etc/firewalld/zones/public.xml": https, "lb2/etc/firewalld/zones/public.xml": zone('<service name="ssh"/>', '<protocol value="vrrp"/>', '<interface name="eth0"/>').replace("<zone>", "«<zone>»") }));
    expect(bind!.message).toContain("lb2's firewalld drops TCP port 80 to 192.168.1.100, where haproxy listens (frontend www): clients never reach haproxy");
    const internal = zone('<service name="ssh"/>', '<interface name="eth1"/>').replace("Public", "Internal");
    const files = lbPair({
      "lb1/etc/firewalld/zones/public.xml": https,
      "lb2/etc/firewalld/zones/public.xml": https,
      "lb1/etc/firewalld/zones/internal.xml": internal,
      "lb1/etc/sysconfig/network-scripts/ifcfg-eth1": "DEVICE=eth1\nIPADDR=10.0.0.11\nPREFIX=24\n",
      "lb1/etc/haproxy/haproxy.cfg": haproxyBind(":443"),
    });
    await expectSite("S022", files);
    const [wildcard] = await expectSite("S022", { ...files, "lb1/etc/haproxy/haproxy.cfg": haproxyBind(":8443"), "lb1/etc/firewalld/zones/public.xml": https.replace("<zone>", "«<zone>»") });
    expect(wildcard!.message).toBe(
      'lb1\'s firewalld drops TCP port 8443 to any address of the host, where haproxy listens (frontend www): clients never reach haproxy; open it with <port protocol="tcp" port="8443"/> (or a service) in the zones of eth0, eth1',
    );
  });

  it("checks haproxy's backend servers that are hosts of the site: the traffic port and the check port", async () => {
    const haproxy = (server: string) => `global\n    maxconn 100\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend www\n    bind :80\n    default_backend app\n\nbackend app\n    ${server}\n`;
    const files = (server: string, appZone: string) => ({
      "lb1/etc/haproxy/haproxy.cfg": haproxy(server),
      "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": "DEVICE=eth0\nIPADDR=192.168.1.11\nPREFIX=24\n",
      "app1/etc/sysconfig/network-scripts/ifcfg-eth0": "DEVICE=eth0\nIPADDR=192.168.1.31\nPREFIX=24\n",
      "app1/etc/firewalld/zones/public.xml": appZone,
    });
    await expectSite("S022", files("server app1 192.168.1.31:8080 check", zone('<port protocol="tcp" port="8080"/>', '<interface name="eth0"/>')));
    const [traffic] = await expectSite("S022", files("server app1 192.168.1.31:8080 check", zone('<service name="http"/>', '<interface name="eth0"/>').replace("<zone>", "«<zone>»")));
    expect(traffic!.message).toBe(
      "app1's firewalld drops TCP port 8080 to 192.168.1.31, where lb1's haproxy sends server app/app1: the server fails its health checks and gets no traffic from haproxy; open it with <port protocol=\"tcp\" port=\"8080\"/> (or a service) in the zone of eth0",
    );
    expect(traffic!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1} ${r.message}`)).toEqual(["lb1/etc/haproxy/haproxy.cfg:15 lb1's haproxy: server app/app1"]);
    const [check] = await expectSite("S022", files("server app1 192.168.1.31:8080 check port 9000", zone('<port protocol="tcp" port="8080"/>', '<interface name="eth0"/>').replace("<zone>", "«<zone>»")));
    expect(check!.message).toContain("drops TCP port 9000 to 192.168.1.31, where lb1's haproxy checks server app/app1");
    // A rich rule that lets only haproxy's host in: the source is haproxy's address on that network.
    await expectSite("S022", files("server app1 192.168.1.31:8080 check", zone('<rule family="ipv4">\n    <source address="192.168.1.11"/>\n    <port protocol="tcp" port="8080"/>\n    <accept/>\n  </rule>', '<interface name="eth0"/>')));
    // Two haproxy hosts send there and the rule lets one in: the finding names the other.
    const two = {
      ...files("server app1 192.168.1.31:8080 check", zone('<rule family="ipv4">\n    <source address="192.168.1.11"/>\n    <port protocol="tcp" port="8080"/>\n    <accept/>\n  </rule>', '<interface name="eth0"/>').replace("<zone>", "«<zone>»")),
      "lb2/etc/haproxy/haproxy.cfg": haproxy("server app1 192.168.1.31:8080 check"),
      "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": "DEVICE=eth0\nIPADDR=192.168.1.12\nPREFIX=24\n",
    };
    const [partial] = await expectSite("S022", two);
    expect(partial!.message).toContain("drops TCP port 8080 to 192.168.1.31, where lb2's haproxy sends server app/app1:");
    // Servers that are no host of the site, or hosts without firewall files, are not judged.
    await expectSite("S022", files("server app9 192.168.1.39:8080 check", zone('<interface name="eth0"/>')));
  });
});
