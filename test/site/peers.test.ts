// Peer grouping and session statuses: which instances are compared, and how each unicast peer
// entry is classified.
import { describe, expect, it } from "vitest";
import { explainElection } from "../../server/src/site/election.js";
import { ifcfg, router, siteOf } from "./harness.js";

const pair = (lb1: string, lb2: string, extra: Record<string, string> = {}) => ({
  "lb1/etc/keepalived/keepalived.conf": lb1,
  "lb2/etc/keepalived/keepalived.conf": lb2,
  "lb1/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.11"),
  "lb2/etc/sysconfig/network-scripts/ifcfg-eth0": ifcfg("eth0", "192.168.1.12"),
  ...extra,
});

describe("VRRP peers", () => {
  it("groups the instances of a pair and explains the election", async () => {
    const site = await siteOf(pair(router({ state: "MASTER", priority: 150 }), router({ priority: 100 })));
    expect(site.hosts.map((h) => h.name)).toEqual(["lb1", "lb2"]);
    expect(site.clusters).toHaveLength(1);
    const cluster = site.clusters[0]!;
    expect(cluster.members.map((m) => `${m.host.name} ${m.segment} ${m.source}`)).toEqual(["lb1 net:192.168.1.0/24 192.168.1.11", "lb2 net:192.168.1.0/24 192.168.1.12"]);
    expect(cluster.sessions.map((s) => s.status)).toEqual(["multicast", "multicast"]);
    expect(explainElection(cluster)).toBe("VRID 51: lb1/VI_1 becomes MASTER: priority 150 is the highest (others: lb2/VI_1 100)");
  });

  it("explains a priority tie: the first MASTER keeps it, two at once yield to the higher address", async () => {
    const site = await siteOf(pair(router({ priority: 100 }), router({ priority: 100 })));
    expect(explainElection(site.clusters[0]!)).toBe("VRID 51: no fixed MASTER: lb2/VI_1, lb1/VI_1 have priority 100; the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (lb2/VI_1's, 192.168.1.12)");
  });

  it("classifies unicast peer entries", async () => {
    const site = await siteOf(
      pair(
        router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12", "192.168.1.99"] } }),
        router({ priority: 100, unicast: { src: "192.168.1.12", peers: ["192.168.1.13"] } }),
      ),
    );
    const statuses = site.clusters[0]!.sessions.map((s) => `${s.from.host.name}→${s.entry?.word.value}: ${s.status}`);
    expect(statuses).toEqual(["lb1→192.168.1.12: half-open", "lb1→192.168.1.99: unknown-remote", "lb2→192.168.1.13: unknown-remote"]);
  });

  it("matches reciprocal peers and reads @id lines for each host", async () => {
    const shared = `vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
@lb1 state MASTER
@lb1 priority 150
@^lb1 priority 100
@lb1 unicast_src_ip 192.168.1.11
@lb2 unicast_src_ip 192.168.1.12
    unicast_peer {
@^lb1   192.168.1.11
@^lb2   192.168.1.12
    }
    virtual_ipaddress {
        192.168.1.100/24
    }
}
`;
    const site = await siteOf(pair(shared, shared));
    const cluster = site.clusters[0]!;
    expect(cluster.members.map((m) => `${m.host.name} ${m.instance.priority} ${m.instance.state.value}`)).toEqual(["lb1 150 MASTER", "lb2 100 BACKUP"]);
    expect(cluster.sessions.map((s) => s.status)).toEqual(["matched", "matched"]);
    // The priority of lb2 is reported where it was written: line 6 of its file.
    const lb2 = cluster.members[1]!;
    const place = site.place(lb2.host, lb2.instance.setting("priority")!.value);
    expect(place?.uri).toBe("file:///site/lb2/etc/keepalived/keepalived.conf");
    expect(place?.range.start.line).toBe(5);
    expect(shared.slice(place!.range.start.offset, place!.range.end.offset)).toBe("100");
  });

  it("substitutes $VARs and follows includes", async () => {
    const site = await siteOf(
      pair(
        `$PRIO=150\n$VIP=192.168.1.100\ninclude conf.d/*.conf\n`,
        router({ priority: 100 }),
        {
          "lb1/etc/keepalived/conf.d/vi1.conf": router({ state: "MASTER", priority: 0, vips: ["${VIP}/24"] }).replace("priority 0", "priority $PRIO"),
        },
      ),
    );
    const lb1 = site.instances.find((i) => i.host.name === "lb1")!;
    expect(lb1.instance.priority).toBe(150);
    expect(lb1.vips).toEqual(["192.168.1.100"]);
    const place = site.place(lb1.host, lb1.instance.vips[0]!.word);
    expect(place?.uri).toBe("file:///site/lb1/etc/keepalived/conf.d/vi1.conf");
    expect(place?.range.start.line).toBe(7);
    expect(place?.range.end.column! - place!.range.start.column).toBe("${VIP}/24".length);
    expect(site.clusters).toHaveLength(1);
  });
});
