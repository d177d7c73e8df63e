import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { direct, drRouter, drSite, KEEPALIVED, natRouter, natSite, realServers } from "../site/lvs-site.js";

const both = (make: (master: boolean) => string) => ({ [`lb1/${KEEPALIVED}`]: make(true), [`lb2/${KEEPALIVED}`]: make(false) });
const FTP_MARKS = direct("-d 192.168.1.100 -p tcp --dport 21 -j MARK --set-mark 21", "-d 192.168.1.100 -p tcp --dport 10000:20000 -j MARK --set-mark 21");

describe("S023 ftp-balancing", () => {
  it("accepts FTP balanced through a firewall mark with persistence, and NAT with ip_vs_ftp loaded", async () => {
    await expectSite("S023", drSite({
      ...both((master) => drRouter({ master, head: "fwmark 21", vsExtra: "    persistence_timeout 300\n", servers: realServers(["192.168.1.21", "192.168.1.22"], 0) })),
      "lb1/etc/firewalld/direct.xml": FTP_MARKS,
      "lb2/etc/firewalld/direct.xml": FTP_MARKS,
    }));
    await expectSite("S023", natSite({
      ...both((master) => natRouter({ master, port: 21 })),
      "lb1/etc/modules-load.d/ip_vs_ftp.conf": "ip_vs_ftp\n",
      "lb2/etc/modules": "# modules to load at boot\nip_vs_ftp\n",
    }));
    await expectSite("S023", drSite());
  });

  it("reports port 21 alone with direct routing, on the port", async () => {
    const [problem] = await expectSite("S023", drSite({
      [`lb1/${KEEPALIVED}`]: drRouter({ master: true, head: "192.168.1.100 «21»", servers: realServers(["192.168.1.21"], 21) }),
      [`lb2/${KEEPALIVED}`]: drRouter({ master: false, head: "192.168.1.100 «21»", servers: realServers(["192.168.1.21"], 21) }),
    }));
    expect(problem!.message).toBe(
      "192.168.1.100 port 21 balances FTP on lb1: only the control connection is balanced: passive data connections to 192.168.1.100 reach no virtual server; mark port 21 and the passive port range with one firewall mark and balance the mark instead; without persistence_timeout a data connection may go to another real server than its control connection",
    );
  });

  it("reports a fwmark FTP service without persistence, and NAT without ip_vs_ftp", async () => {
    await expectSite("S023", drSite({
      ...both((master) => drRouter({ master, head: "fwmark «21»", servers: realServers(["192.168.1.21"], 0) })),
      "lb1/etc/firewalld/direct.xml": FTP_MARKS,
      "lb2/etc/firewalld/direct.xml": FTP_MARKS,
    }));
    const [nat] = await expectSite("S023", natSite({
      [`lb1/${KEEPALIVED}`]: natRouter({ master: true, port: 21 }).replace("192.168.26.10 21", "192.168.26.10 «21»"),
      [`lb2/${KEEPALIVED}`]: natRouter({ master: false, port: 21 }),
      "lb2/etc/modules-load.d/ip_vs_ftp.conf": "ip_vs_ftp\n",
    }));
    expect(nat!.message).toContain("make sure ip_vs_ftp is loaded (no modules-load.d file was found)");
    await expectSite("S023", natSite({
      [`lb1/${KEEPALIVED}`]: natRouter({ master: true, port: 21 }).replace("192.168.26.10 21", "192.168.26.10 «21»"),
      [`lb2/${KEEPALIVED}`]: natRouter({ master: false, port: 21 }),
      "lb1/etc/modules-load.d/lvs.conf": "ip_vs\n",
      "lb2/etc/sysconfig/modules/lvs.modules": "#!/bin/sh\n/sbin/modprobe ip_vs_ftp >/dev/null 2>&1\n",
    }));
  });
});
