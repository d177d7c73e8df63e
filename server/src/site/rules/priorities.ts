// S007 and S008: the election must have one clear winner, and it must be the node configured to
// start as MASTER. Equal priorities leave the choice to the source addresses (and both nodes may
// claim MASTER at once while they settle); a `state MASTER` on a node that loses the election
// makes it take the VIPs at start-up and hand them back at the first advert, a needless flap.
import type { SiteRule } from "../../lint/rule.js";
import { nodeName, openTie, rank, winnerKnown } from "../election.js";
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
        const winner = openTie(cluster) ?? nodeName(ranked[0]!.member);
        report({
          uri: place.uri,
          range: place.range,
          message: `${label(member)} has priority ${ranked[i]!.priority}, the same as ${label(other.member)}${
            top ? `: the higher source address decides who is MASTER (${winner}), and both may claim the VIPs while they settle` : ""
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
      // On equal priorities the source address decides; when it is not known, neither is the node that loses.
      if (!winnerKnown(cluster)) continue;
      for (const { member, priority } of ranked.slice(1)) {
        const state = member.instance.state;
        if (state.value !== "MASTER" || !state.statement) continue;
        const place = placeOf(site, member, state.statement.args[0]);
        report({
          uri: place.uri,
          range: place.range,
          message:
            priority === winner.priority
              ? `${label(member)} starts as MASTER but ties with ${label(winner.member)} (priority ${priority}), whose higher address wins; make one priority higher, on the node meant to be MASTER`
              : `${label(member)} starts as MASTER with priority ${priority}, but ${label(winner.member)} has ${winner.priority} and takes the VIPs back at its first advert; use state BACKUP here or raise the priority`,
          related: [related(site, winner.member, winner.member.instance.explicitPriority?.statement.args[0], `priority ${winner.priority} of ${label(winner.member)}`)],
        });
      }
    }
  },
};
