import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { KEEPALIVED, natRouter, natSite } from "../site/lvs-site.js";

describe("S012 sync-group-mismatch", () => {
  it("accepts the same sync group on both routers, whatever it is called", async () => {
    await expectSite("S012", natSite());
    await expectSite("S012", natSite({ [`lb2/${KEEPALIVED}`]: natRouter({ master: false }).replace("VG_1", "OTHER_NAME") }));
  });

  it("reports the peer's sync group that lacks a member, once", async () => {
    const lb2 = natRouter({ master: false }).replace("vrrp_sync_group VG_1", "vrrp_sync_group «VG_1»").replace("        VI_INT\n    }\n}", "    }\n}");
    const [problem] = await expectSite("S012", natSite({ [`lb2/${KEEPALIVED}`]: lb2 }));
    expect(problem!.message).toBe(
      "lb2's sync group VG_1 holds VI_EXT, but lb1's VG_1 holds VI_EXT, VI_INT (lb1 wins the VI_EXT election): the routers fail over different sets of instances together, and a partial failover splits the VIPs between them",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb1/${KEEPALIVED}:1`]);
  });

  it("reports instances in no sync group on the peer, on the instance", async () => {
    const lb2 = natRouter({ master: false }).replace(/vrrp_sync_group[\s\S]*?\n\}\n\n/, "").replace("vrrp_instance VI_EXT", "vrrp_instance «VI_EXT»");
    const [problem] = await expectSite("S012", natSite({ [`lb2/${KEEPALIVED}`]: lb2 }));
    expect(problem!.message).toContain("lb2's VI_EXT is in no sync group, but lb1's VG_1 holds VI_EXT, VI_INT");
  });
});
