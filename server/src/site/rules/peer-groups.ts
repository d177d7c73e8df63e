// S012–S016: what the routers of a VRRP group must agree on beyond their adverts. Sync groups
// group the same instances on every router (S012); every router that can hold a VIP balances the
// same virtual servers for it (S013); a tracker on the MASTER can bring its priority below the next
// node's (S014); nopreempt sits on the node that would preempt (S015); and another group on the same
// segment does not reuse the VRID (S016). Each member is compared with the node that wins the
// election, and the finding goes on the member that differs.
import type { Word } from "../../../../grammars/keepalived/ast.js";
import type { RelatedLocation, SiteRule } from "../../lint/rule.js";
import { parseAddress } from "../../rules/keepalived/ip.js";
import type { Tracker } from "../../rules/keepalived/vrrp.js";
import { rank, waitsForMaster } from "../election.js";
import type { Host } from "../host.js";
import { describe, servicePlace, type LvsService } from "../lvs.js";
import type { SiteInstance, SiteModel } from "../model.js";
import type { Cluster } from "../peers.js";
import { knowable, label, peerClusters, placeOf, referenceOf, referenceRole, related, serviceMembership, whenMaster } from "./common.js";

const meta = (id: string, alias: string, description: string, severity: "error" | "warning") =>
  ({ id, alias, product: "site", severity, category: "correctness", description, fixable: false, native: "silent" }) as const;

// ---- S012 -------------------------------------------------------------------------------------

/** The clusters an instance moves together with: those of its sync group's members on its host. */
function syncedClusters(site: SiteModel, member: SiteInstance, clusterOf: Map<SiteInstance, number>): Set<number> {
  const group = member.instance.syncGroup;
  if (!group) return new Set([clusterOf.get(member)!]);
  const found = new Set<number>();
  for (const entry of group.members) {
    const peer = site.instancesOf(member.host).find((i) => i.instance.name === entry.word.value);
    if (peer) found.add(clusterOf.get(peer)!);
  }
  return found;
}

export const syncGroupMismatch: SiteRule = {
  meta: meta("S012", "sync-group-mismatch", "the routers of a VRRP group put its instance in sync groups with different members", "error"),
  check({ model: site, report }) {
    const clusterOf = new Map<SiteInstance, number>();
    site.clusters.forEach((cluster, i) => cluster.members.forEach((m) => clusterOf.set(m, i)));
    const reported = new Set<string>();
    for (const cluster of peerClusters(site)) {
      const reference = referenceOf(cluster);
      if (!knowable(reference)) continue;
      const expected = syncedClusters(site, reference, clusterOf);
      const names = (host: Host, set: Set<number>) =>
        [...set].map((i) => site.clusters[i]!.members.find((m) => m.host === host)?.instance.name ?? site.clusters[i]!.members[0]!.instance.name ?? "?").sort();
      for (const member of cluster.members) {
        if (member.host === reference.host || !knowable(member)) continue;
        const got = syncedClusters(site, member, clusterOf);
        if (got.size === expected.size && [...got].every((i) => expected.has(i))) continue;
        const group = member.instance.syncGroup;
        // One finding per host and grouping: the same difference seen from another cluster of the group is not repeated.
        const keys = [`${member.host.name}/${group?.name ?? `instance ${member.instance.name}`}`, `${member.host.name}#${[...expected].sort().join(",")}`];
        if (keys.some((k) => reported.has(k))) continue;
        keys.forEach((k) => reported.add(k));
        const theirs = reference.instance.syncGroup;
        const mine = group ? `${member.host.name}'s sync group ${group.name ?? "?"} holds ${names(member.host, got).join(", ")}` : `${label(member)} is in no sync group`;
        const ref = theirs ? `${reference.host.name}'s ${theirs.name ?? "sync group"} holds ${names(reference.host, expected).join(", ")}` : `${label(reference)} is in no sync group`;
        const place = group ? (site.place(member.host, group.nameWord ?? group.header?.keyword) ?? placeOf(site, member)) : placeOf(site, member);
        const refWord = theirs?.nameWord ?? reference.instance.nameWord;
        report({
          uri: place.uri,
          range: place.range,
          message: `${mine}, but ${ref} (${reference.host.name} wins the ${reference.instance.name ?? "VRRP"} election): the routers fail over different sets of instances together, and a partial failover splits the VIPs between them`,
          related: [related(site, reference, refWord, theirs ? `sync group ${theirs.name ?? ""} on ${reference.host.name}` : `${label(reference)}`)],
        });
      }
    }
  },
};

// ---- S013 -------------------------------------------------------------------------------------

interface ServiceAspect {
  readonly name: string;
  readonly value: string;
  readonly word: Word | undefined;
  readonly severity?: "warning";
}

function aspects(service: LvsService): ServiceAspect[] {
  const setting = (keyword: string, alt?: string) => service.server.setting(keyword) ?? (alt ? service.server.setting(alt) : undefined);
  const scheduler = setting("lvs_sched", "lb_algo");
  const persistence = setting("persistence_timeout");
  return [
    { name: "forwarding method", value: service.method, word: service.methodWord },
    { name: "protocol", value: service.protocol.toUpperCase(), word: setting("protocol")?.value },
    { name: "scheduler", value: scheduler?.value?.value ?? "wlc", word: scheduler?.value, severity: "warning" },
    { name: "persistence_timeout", value: persistence?.value?.value ?? "none", word: persistence?.value, severity: "warning" },
  ];
}

const realKey = (service: LvsService) => new Map(service.realServers.filter((rs) => rs.address !== undefined).map((rs) => [`${rs.address}:${rs.port ?? service.port ?? 0}`, rs]));

export const virtualServerMismatch: SiteRule = {
  meta: meta("S013", "virtual-server-mismatch", "the routers of a VRRP group do not define the same virtual servers", "error"),
  check({ model: site, report }) {
    const reported = new Set<string>();
    const once = (key: string) => !reported.has(key) && !!reported.add(key);
    const belongsTo = serviceMembership(site);
    for (const cluster of peerClusters(site)) {
      const reference = referenceOf(cluster);
      if (!knowable(reference) || reference.host.keepalived?.effective.view.opaque) continue;
      const belongs = belongsTo(cluster, reference);
      const theirs = site.servicesOf(reference.host).filter((s) => belongs(s, reference.host));
      for (const member of cluster.members) {
        const host = member.host;
        if (host === reference.host || !knowable(member) || host.keepalived?.effective.view.opaque) continue;
        const mine = site.servicesOf(host).filter((s) => belongs(s, host));
        for (const want of theirs) {
          const got = mine.find((s) => s.key === want.key);
          if (!got) {
            if (!once(`${host.name} missing ${want.key}`)) continue;
            const place = placeOf(site, member);
            report({
              uri: place.uri,
              range: place.range,
              message: `${label(member)} takes over ${want.kind === "fwmark" ? "the VIPs" : want.vip} from ${reference.host.name}, but ${host.name} has no virtual_server ${describe(want)}: ${whenMaster(cluster, host)} that service is not balanced`,
              related: [{ ...servicePlace(site, want), message: `virtual_server ${describe(want)} on ${reference.host.name}` }],
            });
            continue;
          }
          const refAspects = aspects(want);
          aspects(got).forEach((aspect, i) => {
            const expected = refAspects[i]!;
            if (aspect.value === expected.value || !once(`${host.name} ${got.key} ${aspect.name}`)) return;
            const place = servicePlace(site, got, aspect.word);
            report({
              uri: place.uri,
              range: place.range,
              message: `virtual_server ${describe(got)} on ${host.name} uses ${aspect.name} ${aspect.value} but ${reference.host.name}, ${referenceRole(cluster)}, uses ${expected.value}: the service changes behaviour at every failover`,
              ...(aspect.severity ? { severity: aspect.severity } : {}),
              related: [{ ...servicePlace(site, want, expected.word), message: `${aspect.name} ${expected.value} on ${reference.host.name}` }],
            });
          });
          const refServers = realKey(want);
          const myServers = realKey(got);
          const missing = [...refServers.keys()].filter((k) => !myServers.has(k));
          if (missing.length > 0 && once(`${host.name} ${got.key} missing real servers`)) {
            const place = servicePlace(site, got);
            report({
              uri: place.uri,
              range: place.range,
              message: `virtual_server ${describe(got)} on ${host.name} lacks real server${missing.length === 1 ? "" : "s"} ${missing.join(", ")} that ${reference.host.name} balances to: ${whenMaster(cluster, host)} ${missing.length === 1 ? "it gets" : "they get"} no traffic`,
              related: missing.slice(0, 3).map((k) => ({ ...servicePlace(site, want, refServers.get(k)!.addressWord), message: `real server ${k} on ${reference.host.name}` })),
            });
          }
          for (const [k, rs] of myServers) {
            if (refServers.has(k) || !once(`${host.name} ${got.key} extra ${k}`)) continue;
            const place = servicePlace(site, got, rs.addressWord);
            report({
              uri: place.uri,
              range: place.range,
              message: `real server ${k} of virtual_server ${describe(got)} is on ${host.name} only, not on ${reference.host.name}, ${referenceRole(cluster)}: it gets traffic only ${whenMaster(cluster, host)}`,
              related: [{ ...servicePlace(site, want), message: `virtual_server ${describe(want)} on ${reference.host.name}` }],
            });
          }
        }
        for (const extra of mine) {
          if (theirs.some((s) => s.key === extra.key) || !once(`${host.name} extra ${extra.key}`)) continue;
          const place = servicePlace(site, extra);
          report({
            uri: place.uri,
            range: place.range,
            message: `virtual_server ${describe(extra)} is on ${host.name} only: ${reference.host.name}, ${referenceRole(cluster).replace("the election", `the ${reference.instance.name ?? "VRRP"} election`)}, does not balance it, so it works only ${whenMaster(cluster, host)}`,
            related: [related(site, reference, undefined, label(reference))],
          });
        }
      }
    }
  },
};

// ---- S014 -------------------------------------------------------------------------------------

function trackersOf(member: SiteInstance): Tracker[] {
  return [...member.instance.trackers(), ...(member.instance.syncGroup?.trackers() ?? [])];
}

const clamp = (p: number) => Math.max(1, Math.min(254, p));

function compareSources(a: SiteInstance, b: SiteInstance): number {
  const x = a.source ? parseAddress(a.source) : undefined;
  const y = b.source ? parseAddress(b.source) : undefined;
  if (!x || !y) return 0;
  for (let i = 0; i < Math.min(x.bytes.length, y.bytes.length); i++) if (x.bytes[i] !== y.bytes[i]) return x.bytes[i]! - y.bytes[i]!;
  return 0;
}

export const trackerWeightNoFailover: SiteRule = {
  meta: meta("S014", "tracker-weight-no-failover", "a tracker's weight cannot bring the MASTER's priority below the next router's", "warning"),
  check({ model: site, report }) {
    for (const cluster of peerClusters(site)) {
      if (!cluster.members.every((m) => knowable(m) && m.instance.priorityCertain)) continue;
      // In a sync group keepalived drops weighted trackers unless the group keeps them (KA043).
      if (cluster.members.some((m) => m.instance.syncGroup && !m.instance.syncGroup.has("sync_group_tracking_weight"))) continue;
      const trackers = new Map(cluster.members.map((m) => [m, trackersOf(m)]));
      // Weights lblint cannot read (computed, track files that multiply them, reverse) leave the group alone.
      if ([...trackers.values()].flat().some((t) => t.weight === undefined || t.kind === "file" || t.reverse)) continue;
      const bonus = (m: SiteInstance) => trackers.get(m)!.reduce((sum, t) => sum + Math.max(0, t.weight!), 0);
      const effective = (m: SiteInstance) => (m.instance.priority === 255 ? 255 : clamp(m.instance.priority + bonus(m)));
      const ordered = [...cluster.members].sort((a, b) => effective(b) - effective(a) || compareSources(b, a));
      const master = ordered[0]!;
      const next = ordered.find((m) => m.host !== master.host);
      if (!next || effective(master) === 255) continue;
      const top = effective(master);
      const second = effective(next);
      const placeOfWeight = (tracker: Tracker) => {
        const weightWord = tracker.weightWord ?? tracker.definition?.setting("weight")?.value;
        return (weightWord && site.place(master.host, weightWord)) || placeOf(site, master, tracker.entry.word);
      };
      const nameOf = (tracker: Tracker) => `${tracker.kind === "script" ? "vrrp_script" : `track_${tracker.kind}`} ${tracker.name ?? "?"}`;
      // A BACKUP with nopreempt never takes over from a running MASTER, whatever its priority
      // (keepalived's vrrp_state_backup): no weight moves the VIPs, only FAULT (weight 0) does.
      const others = cluster.members.filter((m) => m.host !== master.host);
      if (others.every(waitsForMaster)) {
        for (const tracker of trackers.get(master)!) {
          if (tracker.weight === 0) continue;
          const place = placeOfWeight(tracker);
          const nopreempt = next.instance.statements("nopreempt")[0]?.statement.keyword;
          report({
            uri: place.uri,
            range: place.range,
            message: `when ${nameOf(tracker)} fails, ${label(master)}'s priority drops, but ${others.map(label).join(", ")} ${others.length === 1 ? "has" : "have"} nopreempt and never take${others.length === 1 ? "s" : ""} over from a running MASTER: the VIPs stay on ${master.host.name}; use weight 0, which puts the instance in FAULT`,
            related: [related(site, next, nopreempt, `nopreempt of ${label(next)}`)],
          });
        }
        continue;
      }
      for (const tracker of trackers.get(master)!) {
        if (tracker.weight === 0) continue;
        const failed = clamp(top - Math.abs(tracker.weight!));
        if (failed < second) continue;
        const place = placeOfWeight(tracker);
        const tie = failed === second;
        const what = nameOf(tracker);
        // A BACKUP keeps waiting while it hears adverts of its own priority or higher (RFC 5798 6.4.2,
        // keepalived's vrrp_state_backup): a tie moves nothing, whatever the addresses.
        const outcome = !tie
          ? `still above ${label(next)} (${second}): the VIPs stay on ${master.host.name}`
          : `equal to ${label(next)} (${second}): a BACKUP takes over only from a MASTER of lower priority, so the VIPs stay on ${master.host.name}`;
        report({
          uri: place.uri,
          range: place.range,
          message: `when ${what} fails, ${label(master)} drops only from ${top} to ${failed}, ${outcome}; the weight must exceed ${top - second} in absolute value (or be 0, which puts the instance in FAULT)`,
          related: [related(site, next, next.instance.explicitPriority?.statement.args[0], `priority ${next.instance.priority} of ${label(next)}`)],
        });
      }
    }
  },
};

// ---- S015 -------------------------------------------------------------------------------------

export const nopreemptWrongNode: SiteRule = {
  meta: meta("S015", "nopreempt-on-lower-priority", "nopreempt is set on a router with a lower priority than its peer, where it has no effect", "warning"),
  check({ model: site, report }) {
    for (const cluster of peerClusters(site)) {
      const ranked = rank(cluster);
      if (!ranked.every((r) => knowable(r.member) && r.member.instance.priorityCertain)) continue;
      const top = ranked[0]!;
      // keepalived clears nopreempt on a node in state MASTER (KA036): such a top node still preempts.
      if (waitsForMaster(top.member)) continue;
      // A tracker that can bring the winner below this node makes nopreempt here matter: it keeps
      // the VIPs where they are (S014 reports that).
      const topTrackers = trackersOf(top.member);
      const topLevel = clamp(top.priority + topTrackers.reduce((sum, t) => sum + Math.max(0, t.weight ?? 0), 0));
      const canFallBelow = (level: number) => topTrackers.some((t) => t.weight === undefined || t.kind === "file" || t.reverse || (t.weight !== 0 && clamp(topLevel - Math.abs(t.weight)) < level));
      for (const { member, priority } of ranked.slice(1)) {
        if (priority >= top.priority || member.host === top.member.host) continue;
        if (top.priority !== 255 && canFallBelow(clamp(priority + trackersOf(member).reduce((sum, t) => sum + Math.max(0, t.weight ?? 0), 0)))) continue;
        const statement = member.instance.statements("nopreempt").find(({ statement }) => !statement.configId && !statement.sequence);
        if (!statement) continue;
        const place = placeOf(site, member, statement.statement.keyword);
        const relatedPriority: RelatedLocation = related(site, top.member, top.member.instance.explicitPriority?.statement.args[0], `priority ${top.priority} of ${label(top.member)}`);
        report({
          uri: place.uri,
          range: place.range,
          message: top.member.instance.has("nopreempt")
            ? `nopreempt on ${label(member)} (priority ${priority}) has no effect: a lower-priority node never preempts anyway, and ${label(top.member)} (priority ${top.priority}) still takes the VIPs back when it returns, since keepalived clears its nopreempt in state MASTER; use state BACKUP on ${top.member.host.name}`
            : `nopreempt on ${label(member)} (priority ${priority}) has no effect: a lower-priority node never preempts anyway, and ${label(top.member)} (priority ${top.priority}) still takes the VIPs back when it returns; set nopreempt (with state BACKUP) on ${top.member.host.name}`,
          related: [relatedPriority],
        });
      }
    }
  },
};

// ---- S016 -------------------------------------------------------------------------------------

export const vridReusedOnSegment: SiteRule = {
  meta: meta("S016", "vrid-reused-on-segment", "two VRRP groups on the same segment use the same virtual_router_id", "error"),
  check({ model: site, report }) {
    const first = new Map<string, Cluster>();
    for (const cluster of site.clusters) {
      const multicast = cluster.members.every((m) => !m.instance.unicast);
      if (!multicast) continue;
      const keys = new Set<string>();
      for (const m of cluster.members) {
        if (m.segment === undefined || m.instance.vrid === undefined || !knowable(m)) continue;
        keys.add(`${m.segment}#${m.instance.vrid}#${m.instance.family?.family ?? 4}`);
      }
      for (const key of keys) {
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, cluster);
          continue;
        }
        const hosts = new Set([...earlier.members, ...cluster.members].map((m) => m.host));
        if (hosts.size < 2) continue; // one host: keepalived's own check (KA015)
        const other = earlier.members[0]!;
        const [segment, vrid] = key.split("#");
        for (const member of cluster.members) {
          if (`${member.segment}#${member.instance.vrid}#${member.instance.family?.family ?? 4}` !== key) continue;
          const place = placeOf(site, member, member.instance.setting("virtual_router_id")?.value);
          report({
            uri: place.uri,
            range: place.range,
            message: `${label(member)} uses virtual_router_id ${vrid} on ${segment!.replace(/^net:/, "")}, as ${label(other)} does for other VIPs (${other.vips.join(", ") || "none"}): each group hears the other's adverts, which list other addresses and share the virtual MAC 00:00:5e:00:01:${Number(vrid).toString(16).padStart(2, "0")}; give this group its own VRID`,
            related: [related(site, other, other.instance.setting("virtual_router_id")?.value, `virtual_router_id ${vrid} of ${label(other)}`)],
          });
        }
      }
    }
  },
};
