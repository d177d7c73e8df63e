// What real pairs taught: two files handed over as peers rarely say where they run, and equal
// priorities are common. A tie has no winner by configuration (the first MASTER keeps the VIPs; the
// address breaks only a tie between two MASTERs, often unknown here), and a host given only by its
// daemons' files has sysctl settings lblint cannot see. Neither may be guessed.
import { describe, expect, it } from "vitest";
import { explainElection } from "../../server/src/site/election.js";
import { siteReport } from "../../server/src/site/report.js";
import { lintLooseFiles, lintSiteFiles, router, siteOf } from "./harness.js";

// Two routers of one group written the way tutorials write them: same priority, no addresses.
const starter = router({ state: "MASTER", priority: 120 });
const follower = router({ state: "BACKUP", priority: 120 });

describe("an election the files do not decide", () => {
  it("names no loser of a tie, whatever the file order", async () => {
    for (const files of [
      { "a.conf": starter, "b.conf": follower },
      { "b.conf": follower, "a.conf": starter },
    ]) {
      const problems = await lintLooseFiles(files);
      // S008 would have to say which node loses; S007 still reports the tie, without a winner.
      expect(problems.filter((p) => p.ruleId === "S008")).toEqual([]);
      const tie = problems.filter((p) => p.ruleId === "S007");
      expect(tie).toHaveLength(1);
      expect(tie[0]!.message).toContain("the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (their addresses are not known)");
    }
  });

  it("explains the election as open", async () => {
    const site = await siteOf({
      "lb1/etc/keepalived/keepalived.conf": starter,
      "lb2/etc/keepalived/keepalived.conf": follower,
    });
    expect(explainElection(site.clusters[0]!)).toBe(
      "VRID 51: no fixed MASTER: lb1/VI_1, lb2/VI_1 have priority 120; the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (their addresses are not known)",
    );
  });

  it("does not call either node the winner when their settings differ", async () => {
    const problems = await lintLooseFiles({ "a.conf": starter, "b.conf": follower.replace("advert_int 1", "advert_int 3") });
    const mismatch = problems.find((p) => p.ruleId === "S003");
    expect(mismatch?.message).toContain("which has the same priority, has");
    expect(mismatch?.message).not.toContain("wins the election");
  });

  it("says so when both send from one address", async () => {
    const copied = (state: "MASTER" | "BACKUP") => router({ state, priority: 120, unicast: { src: "10.1.0.7", peers: ["10.1.0.9"] } });
    const site = await siteOf({ "lb1/etc/keepalived/keepalived.conf": copied("MASTER"), "lb2/etc/keepalived/keepalived.conf": copied("BACKUP") });
    expect(explainElection(site.clusters[0]!)).toBe("VRID 51: no fixed MASTER: lb1/VI_1, lb2/VI_1 have priority 120; the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (both send from 10.1.0.7)");
  });

  it("names the higher address, but no loser, when the addresses are known", async () => {
    const problems = await lintLooseFiles({
      "a.conf": router({ state: "MASTER", priority: 120, unicast: { src: "10.1.0.7", peers: ["10.1.0.9"] } }),
      "b.conf": router({ priority: 120, unicast: { src: "10.1.0.9", peers: ["10.1.0.7"] } }),
    });
    expect(problems.filter((p) => p.ruleId === "S008")).toEqual([]);
    expect(problems.find((p) => p.ruleId === "S007")?.message).toContain("yield to the higher source address (b.conf/VI_1's, 10.1.0.9)");
  });
});

describe("a host known only by its daemons' files", () => {
  const haproxy = `defaults
    mode tcp
    timeout connect 4s
    timeout client 40s
    timeout server 40s

frontend front
    bind 192.168.1.100:443
    default_backend pool

backend pool
    server app1 192.168.1.31:443 check
`;
  // The keepalived files' names do not say what they are: lblint reads what they hold.
  const siteFile = (edge2: string[] = []) =>
    JSON.stringify({
      hosts: {
        edge1: { files: ["edge1.conf", "haproxy.cfg"], addresses: ["192.168.1.21/24"] },
        edge2: { files: ["edge2.conf", "haproxy.cfg", ...edge2], addresses: ["192.168.1.22/24"] },
      },
    });
  const files = {
    "lblint.site.json": siteFile(),
    "edge1.conf": router({ state: "MASTER", priority: 130 }),
    "edge2.conf": router({ priority: 110 }),
    "haproxy.cfg": haproxy,
  };

  it("does not report a bind on the VIP: its sysctl files were not given", async () => {
    const problems = await lintSiteFiles(files);
    expect(problems.filter((p) => p.ruleId === "X001")).toEqual([]);
    const report = siteReport(await siteOf(files), []);
    const edge2 = report.hosts.find((h) => h.name === "edge2")!;
    expect(edge2.binds.map((b) => `${b.status}: ${b.detail}`)).toEqual(["not-enough-information: edge2 has no system files: net.ipv4.ip_nonlocal_bind cannot be told"]);
    // The addresses of the site file are the host's addresses in the report.
    expect(edge2.addresses).toEqual(["192.168.1.22/24 (site file)"]);
  });

  it("reports it once a sysctl file of the host is given and does not set it", async () => {
    const given = {
      ...files,
      "lblint.site.json": siteFile(["edge2-sysctl.conf"]),
      "edge2-sysctl.conf": "net.ipv4.ip_forward = 1\n",
    };
    const problems = (await lintSiteFiles(given)).filter((p) => p.ruleId === "X001");
    expect(problems.map((p) => p.message)).toEqual([
      "192.168.1.100 is a VIP of edge2's VI_1: while edge2 is BACKUP the address is not there and haproxy cannot bind it; set net.ipv4.ip_nonlocal_bind = 1 or add 'transparent' to the bind",
    ]);
  });
});
