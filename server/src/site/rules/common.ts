// Helpers the site rules share: where a finding about an instance goes, the clusters that span
// several hosts, the node a mismatch is measured against, and the virtual servers a group carries.
import type { RelatedLocation } from "../../lint/rule.js";
import type { Word } from "../../../../grammars/keepalived/ast.js";
import { rank, winnerKnown } from "../election.js";
import type { Place, SiteInstance, SiteModel } from "../model.js";
import type { Cluster } from "../peers.js";
import type { Host } from "../host.js";
import { endpoints, type LvsService } from "../lvs.js";

/** The place of a word of an instance, else of the instance's name. */
export function placeOf(site: SiteModel, member: SiteInstance, word?: Word | { range: Place["range"] }): Place {
  const header = member.instance.nameWord ?? member.instance.header?.keyword;
  return site.place(member.host, word ?? header) ?? { uri: member.host.keepalived!.loaded.root, range: { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } } };
}

export function related(site: SiteModel, member: SiteInstance, word: Word | undefined, message: string): RelatedLocation {
  const place = placeOf(site, member, word);
  return { uri: place.uri, range: place.range, message };
}

/** `lb2's VI_1` */
export function label(member: SiteInstance): string {
  return `${member.host.name}'s ${member.instance.name ?? "vrrp_instance"}`;
}

/** Clusters with instances on at least two hosts: the ones with peers to compare. */
export function peerClusters(site: SiteModel): Cluster[] {
  return site.clusters.filter((cluster) => new Set(cluster.members.map((m) => m.host)).size >= 2);
}

/** The node others are compared with: the election's winner (its settings are what peers hear). */
export function referenceOf(cluster: Cluster): SiteInstance {
  return rank(cluster)[0]!.member;
}

/** How a mismatch names the node it is measured against: the election's winner, or its equal in a tie. */
export function referenceRole(cluster: Cluster): string {
  return winnerKnown(cluster) ? "which wins the election" : "which has the same priority";
}

/** When a difference on a node other than the reference shows: after a failover, or while that node is MASTER. */
export function whenMaster(cluster: Cluster, host: Host): string {
  return winnerKnown(cluster) ? "after a failover" : `while ${host.name} is MASTER`;
}

/** Instances whose values lblint cannot know (`~SEQ`, computed words, opaque blocks) are left alone. */
export function knowable(member: SiteInstance): boolean {
  return !member.instance.opaque;
}

/**
 * Which virtual servers of a host a VRRP group carries: those on its VIPs. A fwmark or group service
 * belongs to the group whose VIPs its mark rules or members name; when they are unknown, to every
 * group of its router, as long as those groups all span the same routers.
 */
export function serviceMembership(site: SiteModel): (cluster: Cluster, reference: SiteInstance) => (s: LvsService, host: Host) => boolean {
  const clusterOf = new Map<SiteInstance, Cluster>();
  for (const cluster of site.clusters) for (const m of cluster.members) clusterOf.set(m, cluster);
  return (cluster, reference) => {
    const vips = new Set(reference.vips);
    const hosts = new Set(cluster.members.map((m) => m.host));
    const sameHosts = (host: Host) =>
      site.instancesOf(host).every((i) => {
        const c = clusterOf.get(i)!;
        const members = new Set(c.members.map((m) => m.host));
        return members.size < 2 || (members.size === hosts.size && [...members].every((h) => hosts.has(h)));
      });
    return (s, host) => {
      if (s.host !== host || s.server.opaque) return false;
      if (s.kind === "address") return s.vip !== undefined && vips.has(s.vip);
      if (s.kind !== "fwmark" && s.kind !== "group") return false;
      const marked = endpoints(s);
      return marked.length > 0 ? marked.some((e) => vips.has(e.vip)) : sameHosts(host);
    };
  };
}
