// Helpers the site rules share: where a finding about an instance goes, the clusters that span
// several hosts, and the node a mismatch is measured against.
import type { RelatedLocation } from "../../lint/rule.js";
import type { Word } from "../../../../grammars/keepalived/ast.js";
import { rank } from "../election.js";
import type { Place, SiteInstance, SiteModel } from "../model.js";
import type { Cluster } from "../peers.js";

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

/** Instances whose values lblint cannot know (`~SEQ`, computed words, opaque blocks) are left alone. */
export function knowable(member: SiteInstance): boolean {
  return !member.instance.opaque;
}
