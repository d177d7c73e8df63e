import { describe, expect, it } from "vitest";
import { expectSite, siteOf } from "../site/harness.js";
import { ARP_SYSCTL, tunSite } from "../site/lvs-site.js";
import { judgeRealServer } from "../../server/src/site/lvs.js";

const SYSCTL = "rs1/etc/sysctl.d/90-lvs-tun.conf";

describe("S035 tun-real-server-rp-filter", () => {
  it("accepts rp_filter 0 or 2, and no setting at all", async () => {
    await expectSite("S035", tunSite());
    await expectSite("S035", tunSite({ [SYSCTL]: `${ARP_SYSCTL}net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.tunl0.rp_filter = 2\n` }));
    await expectSite("S035", tunSite({ [SYSCTL]: ARP_SYSCTL }));
  });

  it("reports strict filtering on `all`, on the tunnel, or inherited from `default`", async () => {
    const [all] = await expectSite("S035", tunSite({ [SYSCTL]: `${ARP_SYSCTL}net.ipv4.conf.all.rp_filter = «1»\n` }));
    expect(all!.message).toBe(
      "net.ipv4.conf.all.rp_filter = 1 makes rs1 drop what it unwraps from tunl0: the packets of 192.168.1.100 port 80 come from clients, whose route leaves through another interface, and strict reverse-path filtering discards them; set net.ipv4.conf.all.rp_filter = 2 (loose) or 0",
    );
    expect(all!.related?.map((r) => r.message)).toEqual(["lb1: virtual_server 192.168.1.100 port 80 (TUN) sends to 10.20.0.21"]);
    const [own] = await expectSite("S035", tunSite({ [SYSCTL]: `${ARP_SYSCTL}net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.tunl0.rp_filter = «1»\n` }));
    expect(own!.message).toContain("set net.ipv4.conf.tunl0.rp_filter = 2 (loose) or 0 (and keep net.ipv4.conf.all.rp_filter below 1)");
    await expectSite("S035", tunSite({ [SYSCTL]: `${ARP_SYSCTL}net.ipv4.conf.default.rp_filter = «1»\n` }));
    // The device's own line wins over `default`.
    await expectSite("S035", tunSite({ [SYSCTL]: `${ARP_SYSCTL}net.ipv4.conf.default.rp_filter = 1\nnet.ipv4.conf.tunl0.rp_filter = 0\n` }));
  });

  it("says \"not enough information\" when no sysctl file sets rp_filter: distributions ship their own default", async () => {
    const site = await siteOf(tunSite({ [SYSCTL]: ARP_SYSCTL }));
    const service = site.services[0]!;
    expect(judgeRealServer(site, service, service.realServers[0]!).checks.find((c) => c.name === "rp_filter")?.judgement).toEqual({
      status: "not-enough-information",
      detail: "no sysctl file of rs1 sets rp_filter: the kernel's default (0) is loose, but the distribution's /usr/lib/sysctl.d may make it strict; set net.ipv4.conf.tunl0.rp_filter = 0",
    });
    const partial = await siteOf(tunSite({ [SYSCTL]: `${ARP_SYSCTL}net.ipv4.conf.all.rp_filter = 0\n` }));
    const first = partial.services[0]!;
    expect(judgeRealServer(partial, first, first.realServers[0]!).checks.find((c) => c.name === "rp_filter")?.judgement.detail).toBe(
      "net.ipv4.conf.all.rp_filter = 0 (rs1/etc/sysctl.d/90-lvs-tun.conf:3), but nothing in the site sets net.ipv4.conf.tunl0.rp_filter or net.ipv4.conf.default.rp_filter, which the distribution may make strict",
    );
    // A distribution file in the site is read like any other.
    await expectSite("S035", tunSite({ [SYSCTL]: ARP_SYSCTL, "rs1/usr/lib/sysctl.d/50-default.conf": "net.ipv4.conf.default.rp_filter = 1\nnet.ipv4.conf.all.rp_filter = «1»\n" }));
  });

  it("names the evidence in the report", async () => {
    const site = await siteOf(tunSite());
    const service = site.services[0]!;
    expect(judgeRealServer(site, service, service.realServers[0]!).checks.find((c) => c.name === "rp_filter")?.judgement).toEqual({
      status: "ok",
      detail: "reverse-path filtering on tunl0 is not strict: net.ipv4.conf.all.rp_filter = 0 (rs1/etc/sysctl.d/90-lvs-tun.conf:3), net.ipv4.conf.tunl0.rp_filter = 0 (rs1/etc/sysctl.d/90-lvs-tun.conf:4)",
    });
  });
});
