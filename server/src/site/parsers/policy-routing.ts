// Policy routing, as ip(8) writes it: `ip route` lines with `table T` (in route-IF files, ifupdown
// `up ip route add …`, NetworkManager `routeN_options=table=T`) and `ip rule` lines (`from X table T`
// in rule-IF files, `up ip rule add from X lookup T`). A NAT real server may send its replies
// through the routers' floating address this way instead of by its default gateway.
import type { Located } from "../files.js";
import type { NetworkFacts } from "./network.js";

/** `default via G table T`: a default route of another table than main. */
export interface PolicyRoute {
  readonly table: string;
  readonly via: Located<string>;
}

/** `from S table T`: which source addresses look up table T (`from all`: every one). */
export interface PolicyRule {
  readonly from: string | undefined;
  readonly table: string;
  readonly where: Located<string>;
}

const MAIN = new Set(["main", "254"]);

/** A word of an ip(8) line and where it is. */
export interface RouteWord {
  readonly text: string;
  readonly at: Located<string>;
}

const valueAfter = (words: readonly RouteWord[], ...keys: string[]) => {
  const i = words.findIndex((w) => keys.includes(w.text));
  return i >= 0 ? words[i + 1] : undefined;
};

/**
 * Reads `default via G [dev IF] [table T]` (or `0.0.0.0/0`, `::/0`): a default route of the main
 * table becomes a gateway, of another table a policy route. Returns whether the line was one.
 */
export function readRouteWords(words: readonly RouteWord[], facts: NetworkFacts): boolean {
  if (!/^(default|0\.0\.0\.0\/0|::\/0)$/.test(words[0]?.text ?? "")) return false;
  const via = valueAfter(words, "via");
  if (!via) return false;
  const table = valueAfter(words, "table", "lookup")?.text;
  if (table === undefined || MAIN.has(table)) facts.gateways.push(via.at);
  else facts.policyRoutes.push({ table, via: via.at });
  return true;
}

/** Reads `from S [to D] … table T` (or `lookup T`). Returns whether the line was a rule. */
export function readRuleWords(words: readonly RouteWord[], facts: NetworkFacts, where: Located<string>): boolean {
  const table = valueAfter(words, "table", "lookup")?.text;
  if (table === undefined) return false;
  const from = valueAfter(words, "from")?.text;
  facts.policyRules.push({ from: from === undefined || from === "all" ? undefined : from, table, where });
  return true;
}
