import { describe, expect, it } from "vitest";
import { expectSite, ifcfg, siteOf } from "../site/harness.js";
import { ETH_VIP, NS, TUNL0_VIP, tunSite } from "../site/lvs-site.js";
import { judgeRealServer } from "../../server/src/site/lvs.js";

const mark = (text: string, word: string) => text.replace(word, `«${word}»`);

describe("S034 tun-real-server-no-tunnel", () => {
  it("accepts the VIP on tunl0, and the ipip module loaded at boot", async () => {
    await expectSite("S034", tunSite());
  });

  it("accepts a declared ipip tunnel: ifupdown, NetworkManager, ifcfg with MY_INNER_IPADDR", async () => {
    await expectSite("S034", tunSite({
      [`rs1/${NS}/ifcfg-tunl0`]: undefined,
      "rs1/etc/network/interfaces": "iface tun0 inet static\n    address 192.168.1.100/32\n    mode ipip\n",
    }));
    await expectSite("S034", tunSite({
      [`rs1/${NS}/ifcfg-tunl0`]: undefined,
      "rs1/etc/NetworkManager/system-connections/vip.nmconnection": "[connection]\nid=vip\ntype=ip-tunnel\ninterface-name=ipip1\n\n[ip-tunnel]\nmode=1\n\n[ipv4]\naddress1=192.168.1.100/32\nmethod=manual\n",
    }));
    await expectSite("S034", tunSite({ [`rs1/${NS}/ifcfg-tunl0`]: "DEVICE=tunl0\nTYPE=IPIP\nMY_INNER_IPADDR=192.168.1.100\nONBOOT=yes\n" }));
  });

  it("reports a real server without a tunnel on the VIP's line, or on its own address", async () => {
    const [onLo] = await expectSite("S034", tunSite({
      [`rs1/${NS}/ifcfg-tunl0`]: undefined,
      [`rs1/${NS}/ifcfg-lo:0`]: "DEVICE=lo:0\nIPADDR=«192.168.1.100»\nNETMASK=255.255.255.255\nONBOOT=yes\n",
    }));
    expect(onLo!.message).toBe(
      "rs1 has no ipip tunnel: lb1 and lb2 send 192.168.1.100 port 80 to it wrapped in IP-in-IP (lb_kind TUN), which the kernel drops without the ipip module; put the VIP on tunl0 (ifcfg-tunl0 with TYPE=IPIP) or load ipip from /etc/modules-load.d",
    );
    expect(onLo!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual(["lb1/etc/keepalived/keepalived.conf:11"]);
    await expectSite("S034", tunSite({ "rs2/etc/modules-load.d/ipip.conf": "# nothing\n", [`rs2/${NS}/ifcfg-eth0:1`]: mark(ETH_VIP, "192.168.1.100") }));
    await expectSite("S034", tunSite({ "rs2/etc/modules-load.d/ipip.conf": undefined, [`rs2/${NS}/ifcfg-eth0:1`]: undefined, [`rs2/${NS}/ifcfg-eth0`]: mark(ifcfg("eth0", "10.20.0.22"), "10.20.0.22") }));
  });

  it("says what it is missing instead of guessing", async () => {
    const files = tunSite({ [`rs1/${NS}/ifcfg-tunl0`]: undefined, [`rs1/${NS}/ifcfg-eth0`]: undefined, "lblint.site.json": JSON.stringify({ hosts: { rs1: { addresses: ["10.20.0.21/24"] } } }) });
    await expectSite("S034", files);
    const site = await siteOf(files);
    const service = site.services[0]!;
    expect(judgeRealServer(site, service, service.realServers[0]!).checks.find((c) => c.name === "tunnel")?.judgement).toEqual({
      status: "not-enough-information",
      detail: "rs1 has no network files: whether it has an ipip tunnel cannot be told",
    });
    expect(TUNL0_VIP).toContain("TYPE=IPIP");
  });
});
