import { describe, expect, it } from "vitest";
import { expectSite, ifcfg } from "../site/harness.js";
import { drRouter, drSite, haproxyBind, KEEPALIVED, natSite, NS, realServers, tunSite } from "../site/lvs-site.js";

describe("X005 real-server-not-listening", () => {
  it("accepts a DR real server that binds the VIP or a wildcard on the port", async () => {
    await expectSite("X005", drSite({ "rs1/etc/haproxy/haproxy.cfg": haproxyBind(":80"), "rs2/etc/haproxy/haproxy.cfg": haproxyBind("192.168.1.100:80") }));
  });

  it("does not judge real servers whose listeners are unknown", async () => {
    await expectSite("X005", drSite());
  });

  it("reports a DR real server that binds only its own address, on the bind at the port", async () => {
    const [problem] = await expectSite("X005", drSite({ "rs1/etc/haproxy/haproxy.cfg": haproxyBind("«192.168.1.21»:80") }));
    expect(problem!.message).toBe(
      "rs1's haproxy does not listen where lb1 and lb2 send 192.168.1.100 port 80: direct routing delivers 192.168.1.100:80 unchanged, but haproxy binds 192.168.1.21:80; bind 192.168.1.100:80 (or *:80)",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb1/${KEEPALIVED}:11`]);
    // haproxy not on the port at all: another program may serve it.
    await expectSite("X005", drSite({ "rs1/etc/haproxy/haproxy.cfg": haproxyBind(":8080") }));
  });

  it("expects the real server's own address after a REDIRECT", async () => {
    const servers = realServers(["192.168.1.21", "192.168.1.22", "192.168.1.23"]);
    const base = drSite({ [`lb1/${KEEPALIVED}`]: drRouter({ master: true, servers }), [`lb2/${KEEPALIVED}`]: drRouter({ master: false, servers }), [`rs3/${NS}/ifcfg-eth0`]: ifcfg("eth0", "192.168.1.23") });
    const redirect = (to: string) => `*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 192.168.1.100/32 -p tcp --dport 80 -j REDIRECT${to}\nCOMMIT\n`;
    await expectSite("X005", { ...base, "rs3/etc/sysconfig/iptables": redirect(""), "rs3/etc/haproxy/haproxy.cfg": haproxyBind("192.168.1.23:80") });
    await expectSite("X005", { ...base, "rs3/etc/sysconfig/iptables": redirect(" --to-ports 8080"), "rs3/etc/haproxy/haproxy.cfg": haproxyBind("192.168.1.23:8080") });
    await expectSite("X005", { ...base, "rs3/etc/sysconfig/iptables": redirect(" --to-ports 8080"), "rs3/etc/haproxy/haproxy.cfg": haproxyBind("«127.0.0.1»:8080") });
  });

  it("expects a NAT real server on its own address and port", async () => {
    await expectSite("X005", natSite({ "web1/etc/haproxy/haproxy.cfg": haproxyBind("10.11.12.1:80") }));
    const [problem] = await expectSite("X005", natSite({ "web1/etc/haproxy/haproxy.cfg": haproxyBind("«127.0.0.1»:80") }));
    expect(problem!.message).toContain("NAT delivers to 10.11.12.1:80, but haproxy binds 127.0.0.1:80");
  });

  it("expects a tunnelling real server to listen on the VIP's port: the tunnel delivers the packet unchanged", async () => {
    await expectSite("X005", tunSite({ "rs1/etc/haproxy/haproxy.cfg": haproxyBind("192.168.1.100:80"), "rs2/etc/haproxy/haproxy.cfg": haproxyBind(":80") }));
    const [problem] = await expectSite("X005", tunSite({ "rs1/etc/haproxy/haproxy.cfg": haproxyBind("«10.20.0.21»:80") }));
    expect(problem!.message).toBe(
      "rs1's haproxy does not listen where lb1 and lb2 send 192.168.1.100 port 80: the tunnel delivers 192.168.1.100:80 unchanged, but haproxy binds 10.20.0.21:80; bind 192.168.1.100:80 (or *:80)",
    );
  });
});
