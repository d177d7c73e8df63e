import { describe, expect, it } from "vitest";
import { expectSite, siteOf } from "../site/harness.js";
import { drRouter, drSite, KEEPALIVED, realServers } from "../site/lvs-site.js";
import { judgeRealServer } from "../../server/src/site/lvs.js";

const GROUP = "virtual_server_group WEB {\n    192.168.1.100 80\n    192.168.1.100 443\n}\n\n";
const router = (master: boolean, group = GROUP) => group + drRouter({ master, head: "group WEB", servers: realServers(["192.168.1.21", "192.168.1.22"], 0) });
const site = (lb1: string, lb2: string) => drSite({ [`lb1/${KEEPALIVED}`]: lb1, [`lb2/${KEEPALIVED}`]: lb2 });

describe("S017 virtual-server-group-mismatch", () => {
  it("accepts the same members on both routers, in any order", async () => {
    await expectSite("S017", site(router(true), router(false)));
    await expectSite("S017", site(router(true), router(false, "virtual_server_group WEB {\n    192.168.1.100 443\n    192.168.1.100 80\n}\n\n")));
  });

  it("reports a member the backup lacks on its group's name, with the winner's line as related", async () => {
    const [problem] = await expectSite("S017", site(router(true), router(false, "virtual_server_group «WEB» {\n    192.168.1.100 80\n}\n\n")));
    expect(problem!.message).toBe(
      "virtual_server_group WEB on lb2 lacks 192.168.1.100 port 443, which lb1's group of that name lists and balances (lb1 wins the election): after a failover that address is no longer balanced",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1} ${r.message}`)).toEqual([`lb1/${KEEPALIVED}:3 192.168.1.100 port 443 in lb1's virtual_server_group WEB`]);
  });

  it("reports a member only the backup has, ranges and marks included", async () => {
    const [extra] = await expectSite("S017", site(router(true), router(false, "virtual_server_group WEB {\n    192.168.1.100 80\n    192.168.1.100 443\n    «192.168.1.101-103» 80\n    «fwmark» 7\n}\n\n")));
    expect(extra!.message).toBe("192.168.1.101-192.168.1.103 port 80 is in virtual_server_group WEB on lb2 only, not on lb1, which wins the election: it is balanced only after a failover");
    // A different port is both a missing and an extra member.
    await expectSite("S017", site(router(true), router(false, "virtual_server_group «WEB» {\n    192.168.1.100 80\n    «192.168.1.100» 8443\n}\n\n")));
  });

  it("leaves groups of other VRRP groups, and undefined groups, alone", async () => {
    const other = (master: boolean, group: string) => group + drRouter({ master, head: "group WEB", servers: realServers(["192.168.1.21"], 0) }).replace(/192\.168\.1\.100\/24/, "192.168.1.200/24");
    await expectSite("S017", site(other(true, GROUP), other(false, "virtual_server_group WEB {\n    192.168.1.100 80\n}\n\n")));
    await expectSite("S017", site(router(true), router(false, "")));
  });

  it("judges the real servers of a group service for each member (a group service is no longer \"not enough information\")", async () => {
    const model = await siteOf(site(router(true), router(false)));
    const service = model.services[0]!;
    expect(service.key).toBe("group WEB/tcp");
    expect(judgeRealServer(model, service, service.realServers[0]!).checks.find((c) => c.name === "arp")?.judgement.status).toBe("ok");
  });
});
