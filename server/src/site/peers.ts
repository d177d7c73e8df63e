// Which VRRP instances are peers, and how each unicast peer entry fares. Instances on different
// hosts are joined into one cluster when they share a VIP, when one lists the other's address as a
// unicast peer with the same VRID, or when they have the same name and VRID on the same (or an
// unknown) segment. Each entry of a unicast_peer block then gets one status from a fixed list, as
// the site report shows them; an instance without peers sends multicast.
import { parseAddress } from "../rules/keepalived/ip.js";
import type { Entry } from "../rules/keepalived/vrrp.js";
import type { Host } from "./host.js";
import type { SiteInstance, SiteModel } from "./model.js";

/** The fixed list of statuses a peer entry gets in the site report. */
export type SessionStatus = "matched" | "half-open" | "unknown-remote" | "several-candidates" | "multicast" | "not-enough-information";

/** Every status a unicast peer entry can have, in the order the site report lists them. */
export const SESSION_STATUSES: readonly SessionStatus[] = ["matched", "half-open", "unknown-remote", "several-candidates", "multicast", "not-enough-information"];

/** One unicast peer entry of an instance (or a multicast instance) and how it fares. */
export interface Session {
  readonly from: SiteInstance;
  /** The unicast_peer entry (none for a multicast instance). */
  readonly entry: Entry | undefined;
  readonly status: SessionStatus;
  /** The peer instance the entry reaches, when there is exactly one. */
  readonly to: SiteInstance | undefined;
  /** The hosts owning the address, for `several-candidates`. */
  readonly candidates: readonly Host[];
}

/** VRRP instances on several hosts that are peers, and the status of each unicast peer entry. */
export interface Cluster {
  readonly members: SiteInstance[];
  readonly sessions: Session[];
}

/** Whether two instances may be on one segment: equal, or one of them unknown. */
export function sameSegment(a: SiteInstance, b: SiteInstance): boolean {
  return a.segment === undefined || b.segment === undefined || a.segment === b.segment;
}

const family = (i: SiteInstance) => i.instance.family?.family ?? 4;

function addressKey(text: string | undefined): string | undefined {
  return text === undefined ? undefined : parseAddress(text)?.address;
}

/** Whether `from` lists an address of `to`'s host as a unicast peer. */
export function lists(site: SiteModel, from: SiteInstance, to: SiteInstance): boolean {
  return from.instance.unicastPeers.some((entry) => {
    const key = entry.address?.address;
    return key !== undefined && (key === addressKey(to.source) || site.owners(key).includes(to.host));
  });
}

export function buildClusters(site: SiteModel): Cluster[] {
  const items = site.instances;
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const index = new Map(items.map((item, i) => [item, i]));
  // Shared VIPs.
  const byVip = new Map<string, number>();
  items.forEach((item, i) => {
    for (const vip of item.vips) {
      const seen = byVip.get(vip);
      if (seen === undefined) byVip.set(vip, i);
      else if (items[seen]!.host !== item.host) union(seen, i);
    }
  });
  // Same name and VRID on a compatible segment.
  const byName = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = `${item.instance.name}/${item.instance.vrid}/${family(item)}`;
    if (item.instance.name === undefined || item.instance.vrid === undefined) return;
    for (const j of byName.get(key) ?? []) if (items[j]!.host !== item.host && sameSegment(items[j]!, item)) union(j, i);
    byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  // Unicast peers with the same VRID.
  for (const item of items) {
    for (const entry of item.instance.unicastPeers) {
      const key = entry.address?.address;
      if (key === undefined) continue;
      for (const host of site.owners(key)) {
        for (const other of site.instancesOf(host)) {
          if (other.host !== item.host && other.instance.vrid === item.instance.vrid) union(index.get(item)!, index.get(other)!);
        }
      }
    }
  }
  const groups = new Map<number, SiteInstance[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()].map((members) => ({ members, sessions: sessions(site, members) }));
}

function sessions(site: SiteModel, members: readonly SiteInstance[]): Session[] {
  const out: Session[] = [];
  for (const from of members) {
    const peers = from.instance.unicastPeers;
    if (peers.length === 0) {
      out.push({ from, entry: undefined, status: "multicast", to: undefined, candidates: [] });
      continue;
    }
    for (const entry of peers) {
      const key = entry.address?.address;
      const owners = key === undefined ? [] : site.owners(key).filter((host) => host !== from.host);
      let status: SessionStatus;
      let to: SiteInstance | undefined;
      if (key === undefined) status = "not-enough-information";
      else if (owners.length === 0) {
        // Someone whose addresses are unknown may own it: a host known only by a unicast_src_ip that
        // another host claims too (a file copied from the peer, S011) may really have this one.
        const blind = site.hosts.some(
          (host) => host !== from.host && !host.knowsAddresses && !site.instancesOf(host).some((i) => i.source !== undefined && site.owners(i.source).length === 1),
        );
        status = site.owners(key).includes(from.host) ? "unknown-remote" : blind ? "not-enough-information" : "unknown-remote";
      } else if (owners.length > 1) status = "several-candidates";
      else {
        const host = owners[0]!;
        to = members.find((m) => m.host === host);
        if (!host.keepalived) status = "not-enough-information";
        else if (!to) status = "half-open";
        else status = lists(site, to, from) ? "matched" : "half-open";
      }
      out.push({ from, entry, status, to, candidates: owners.length > 1 ? owners : [] });
    }
  }
  return out;
}
