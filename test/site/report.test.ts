// The site report: the LVS section names the evidence for each real server, and says "not enough
// information" where the real server's files are missing instead of guessing.
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../server/src/lint/config.js";
import { lintSite } from "../../server/src/site/lint-site.js";
import { formatSiteReport, siteReport } from "../../server/src/site/report.js";
import { siteOf } from "./harness.js";
import { drRouter, drSite, KEEPALIVED, NS, realServers } from "./lvs-site.js";

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
});
