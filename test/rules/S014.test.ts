import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { keepalivedFor, lbPair } from "../site/lb-pair.js";

const KA = "etc/keepalived/keepalived.conf";
const weighted = (priority: number, state: "MASTER" | "BACKUP", weight: string) => keepalivedFor(priority, state).replace("weight -60", `weight ${weight}`);

describe("S014 tracker-weight-no-failover", () => {
  it("accepts weights that move the VIPs, weight 0, and reverse or unknown weights", async () => {
    await expectSite("S014", lbPair());
    await expectSite("S014", lbPair({ [`lb1/${KA}`]: weighted(150, "MASTER", "0"), [`lb2/${KA}`]: weighted(100, "BACKUP", "0") }));
    await expectSite("S014", lbPair({ [`lb1/${KA}`]: weighted(150, "MASTER", "-20 reverse"), [`lb2/${KA}`]: weighted(100, "BACKUP", "-20 reverse") }));
  });

  it("reports the master's weight that cannot bring it below the backup", async () => {
    const [problem] = await expectSite("S014", lbPair({ [`lb1/${KA}`]: weighted(150, "MASTER", "«-20»"), [`lb2/${KA}`]: weighted(100, "BACKUP", "-20") }));
    expect(problem!.message).toBe(
      "when vrrp_script chk_haproxy fails, lb1's VI_1 drops only from 150 to 130, still above lb2's VI_1 (100): the VIPs stay on lb1; the weight must exceed 50 in absolute value (or be 0, which puts the instance in FAULT)",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb2/${KA}:17`]);
  });

  it("reports a tie: a BACKUP does not take over from a MASTER of its own priority, whatever the addresses", async () => {
    const [problem] = await expectSite("S014", lbPair({ [`lb1/${KA}`]: weighted(150, "MASTER", "«-50»"), [`lb2/${KA}`]: weighted(100, "BACKUP", "-50") }));
    // lb2's address (.12) is the higher one, and still it stays BACKUP.
    expect(problem!.message).toContain("drops only from 150 to 100, equal to lb2's VI_1 (100): a BACKUP takes over only from a MASTER of lower priority, so the VIPs stay on lb1");
  });

  it("reports any weight when the backup has nopreempt, which never takes over from a running MASTER", async () => {
    const waiting = keepalivedFor(100, "BACKUP").replace("    priority 100\n", "    priority 100\n    nopreempt\n");
    // -60 would bring lb1 from 150 to 90, below lb2's 100 (the pair's default): nopreempt keeps lb2 waiting.
    const [problem] = await expectSite("S014", lbPair({ [`lb1/${KA}`]: weighted(150, "MASTER", "«-60»"), [`lb2/${KA}`]: waiting }));
    expect(problem!.message).toBe(
      "when vrrp_script chk_haproxy fails, lb1's VI_1's priority drops, but lb2's VI_1 has nopreempt and never takes over from a running MASTER: the VIPs stay on lb1; use weight 0, which puts the instance in FAULT",
    );
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual([`lb2/${KA}:18`]);
    await expectSite("S014", lbPair({ [`lb1/${KA}`]: weighted(150, "MASTER", "0"), [`lb2/${KA}`]: waiting }));
  });

  it("counts positive weights the backup gains, and reads the weight on the track entry", async () => {
    // lb2 gains 30 while its check works: 150 - 60 = 90 < 130.
    await expectSite("S014", lbPair({ [`lb2/${KA}`]: keepalivedFor(100, "BACKUP").replace("weight -60", "weight 30") }));
    const entry = keepalivedFor(150, "MASTER").replace("        chk_haproxy\n", "        chk_haproxy weight «-10»\n");
    await expectSite("S014", lbPair({ [`lb1/${KA}`]: entry }));
  });

  it("leaves sync groups alone unless they keep tracker weights", async () => {
    const grouped = (priority: number, state: "MASTER" | "BACKUP", extra: string, mark: boolean) =>
      weighted(priority, state, mark ? "«-20»" : "-20") + `\nvrrp_instance VI_2 {\n    state ${state}\n    interface eth1\n    virtual_router_id 52\n    priority ${priority}\n    virtual_ipaddress {\n        10.0.0.100/24\n    }\n}\n\nvrrp_sync_group G {\n    group {\n        VI_1\n        VI_2\n    }\n${extra}}\n`;
    await expectSite("S014", lbPair({ [`lb1/${KA}`]: grouped(150, "MASTER", "", false), [`lb2/${KA}`]: grouped(100, "BACKUP", "", false) }));
    await expectSite("S014", lbPair({ [`lb1/${KA}`]: grouped(150, "MASTER", "    sync_group_tracking_weight\n", true), [`lb2/${KA}`]: grouped(100, "BACKUP", "    sync_group_tracking_weight\n", false) }));
  });
});
