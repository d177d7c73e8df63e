// S007 and S008: the election must have one clear winner, and it must be the node configured to
// start as MASTER. Equal priorities leave the choice to timing (the first MASTER keeps the VIPs, and
// only two MASTERs at once yield to the higher source address); a `state MASTER` on a node of lower
// priority makes it take the VIPs at start-up and hand them back at the first advert, a needless flap.
import type { SiteRule } from "../../lint/rule.js";
import { openTie, rank, waitsForMaster } from "../election.js";
import { knowable, label, peerClusters, placeOf, related } from "./common.js";

export const priorityTie: SiteRule = {
  meta: {
    id: "S007",
    alias: "priority-tie",
    product: "site",
    severity: "warning",
    category: "correctness",
    description: "two routers of one VRRP group have the same priority",
    fixable: false,
    native: "silent",
  },
  check({ model: site, report }) {
    for (const cluster of peerClusters(site)) {
      const ranked = rank(cluster).filter((r) => knowable(r.member) && r.member.instance.priorityCertain);
      for (let i = 1; i < ranked.length; i++) {
        const member = ranked[i]!.member;
        const other = ranked.slice(0, i).find((r) => r.priority === ranked[i]!.priority && r.member.host !== member.host);
        if (!other) continue;
        const word = member.instance.explicitPriority?.statement.args[0] ?? member.instance.state.statement?.args[0];
        const place = placeOf(site, member, word);
        const top = i === 1 || ranked[0]!.priority === ranked[i]!.priority;
        const addresses = openTie(cluster);
        report({
          uri: place.uri,
          range: place.range,
          message: `${label(member)} has priority ${ranked[i]!.priority}, the same as ${label(other.member)}${
            top && addresses ? `: the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (${addresses})` : ""
          }; give each router its own priority`,
          related: [related(site, other.member, other.member.instance.explicitPriority?.statement.args[0], `priority ${other.priority} of ${label(other.member)}`)],
        });
      }
    }
  },
};

export const masterNotHighest: SiteRule = {
  meta: {
    id: "S008",
    alias: "master-not-highest",
    product: "site",
    severity: "warning",
    category: "correctness",
    description: "a router in state MASTER is not the one with the highest priority",
    fixable: false,
    native: "silent",
  },
  check({ model: site, report }) {
    for (const cluster of peerClusters(site)) {
      const ranked = rank(cluster);
      const winner = ranked[0]!;
      if (!ranked.every((r) => knowable(r.member) && r.member.instance.priorityCertain && r.member.instance.state.certain)) continue;
      // A winner with nopreempt does not take the VIPs back from a running MASTER.
      if (waitsForMaster(winner.member)) continue;
      for (const { member, priority } of ranked.slice(1)) {
        const state = member.instance.state;
        // A tie (S007) has no loser by configuration: the node that starts as MASTER keeps the VIPs
        // until it restarts while its peer holds them.
        if (state.value !== "MASTER" || !state.statement || priority === winner.priority) continue;
        const place = placeOf(site, member, state.statement.args[0]);
        report({
          uri: place.uri,
          range: place.range,
          message: `${label(member)} starts as MASTER with priority ${priority}, but ${label(winner.member)} has ${winner.priority} and takes the VIPs back at its first advert; use state BACKUP here or raise the priority`,
          related: [related(site, winner.member, winner.member.instance.explicitPriority?.statement.args[0], `priority ${winner.priority} of ${label(winner.member)}`)],
        });
      }
    }
  },
};
