// Who wins a VRRP election, and why: the highest priority, and on equal priorities the higher
// source address (RFC 3768/5798). A node with priority 255 owns the address and always wins. The
// explanation is what the site report prints for each cluster.
import { parseAddress } from "../rules/keepalived/ip.js";
import type { SiteInstance } from "./model.js";
import type { Cluster } from "./peers.js";

/** A member of a VRRP group with the priority it starts with. */
export interface Ranked {
  readonly member: SiteInstance;
  readonly priority: number;
}

function compareAddresses(a: string | undefined, b: string | undefined): number {
  const x = a === undefined ? undefined : parseAddress(a);
  const y = b === undefined ? undefined : parseAddress(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  for (let i = 0; i < Math.min(x.bytes.length, y.bytes.length); i++) if (x.bytes[i] !== y.bytes[i]) return x.bytes[i]! - y.bytes[i]!;
  return 0;
}

/** The members best first: by priority, then by source address. */
export function rank(cluster: Cluster): Ranked[] {
  return cluster.members
    .map((member) => ({ member, priority: member.instance.priority }))
    .sort((a, b) => b.priority - a.priority || compareAddresses(b.member.source, a.member.source));
}

/**
 * Whether the configuration decides the winner: one node has the top priority. On equal priorities
 * the first node to claim MASTER keeps it (a BACKUP defers to adverts of its own priority, RFC 5798
 * 6.4.2), and only two MASTERs at once yield to the higher source address (6.4.3): who wins depends
 * on which starts first.
 */
export function winnerKnown(cluster: Cluster): boolean {
  return openTie(cluster) === undefined;
}

/** For a tie at the top priority, what the source addresses say; undefined without a tie. */
export function openTie(cluster: Cluster): string | undefined {
  const [first, second] = rank(cluster);
  if (!first || !second || first.priority > second.priority) return undefined;
  const [a, b] = [first.member.source, second.member.source];
  if (a === undefined || b === undefined) return "their addresses are not known";
  if (compareAddresses(a, b) === 0) return `both send from ${a}`;
  return `${nodeName(first.member)}'s, ${a}`;
}

/** Whether a node does not preempt: `nopreempt`, which keepalived clears on a node in state MASTER. */
export function waitsForMaster(member: SiteInstance): boolean {
  return member.instance.has("nopreempt") && member.instance.state.value !== "MASTER";
}

export function nodeName(member: SiteInstance): string {
  return `${member.host.name}/${member.instance.name ?? "?"}`;
}

/** One sentence: which node becomes MASTER and why. */
export function explainElection(cluster: Cluster): string {
  const ranked = rank(cluster);
  const first = ranked[0];
  if (!first) return "no instance";
  const vrid = first.member.instance.vrid;
  const head = `VRID ${vrid ?? "?"}: ${nodeName(first.member)} becomes MASTER`;
  const second = ranked[1];
  if (!second) return `${head} (no peer)`;
  const tie = openTie(cluster);
  if (tie) {
    const tied = ranked.filter((r) => r.priority === first.priority).map((r) => nodeName(r.member));
    return `VRID ${vrid ?? "?"}: no fixed MASTER: ${tied.join(", ")} have priority ${first.priority}; the first to claim MASTER keeps it, and two MASTERs at once yield to the higher source address (${tie})`;
  }
  const others = ranked.slice(1).map((r) => `${nodeName(r.member)} ${r.priority}`).join(", ");
  if (first.priority === 255) return `${head}: priority 255 makes it the address owner (others: ${others})`;
  const preempt = waitsForMaster(first.member) ? "; with nopreempt it takes over only when no MASTER is running" : "";
  return `${head}: priority ${first.priority} is the highest (others: ${others})${preempt}`;
}
