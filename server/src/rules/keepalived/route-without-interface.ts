// KA044: a `virtual_routes` or `static_routes` entry without `dev`. keepalived cannot tell which interface to watch for
// the route and says "cannot track route … with no interface specified, not tracking": the route
// is installed, but its loss does not put the instance in FAULT. `no_track` says that is meant.
// keepalived 2.2 only: 2.3.3 says nothing of the same routes (measured: a gateway alone, a nexthop's
// `dev`, `src` and a route type, each quiet), so from a 2.3 target on there is nothing to report.
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule, Report as Finding } from "../../lint/rule.js";
import { valueBlocks } from "./keywords.js";
import { vrrpView } from "./vrrp.js";
import { parseAddress } from "./ip.js";
import { ROUTE_TYPES, routeDestination } from "./address-options.js";


export const routeWithoutInterface: KeepalivedRule = {
  meta: {
    id: "KA044",
    alias: "route-without-interface",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a virtual or static route without 'dev', which keepalived installs but cannot track",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    if (model.version !== "2.2") return;
    for (const instance of vrrpView(model).instances) {
      for (const entry of instance.entries("virtual_routes")) checkRoute(entry.statement, entry.uri, "vrrp_instance>virtual_routes", report);
    }
    // keepalived 2.2.7 says the same of a static route (fourteenth mutation round; 2.3.3 is quiet).
    for (const block of valueBlocks(model)) {
      if (block.id === "static_routes") for (const { statement, uri } of block.statements) checkRoute(statement, uri, "static_routes", report);
    }
  },
};

type Report = (finding: Finding) => void;

function checkRoute(statement: Statement, uri: string, blockId: string, report: Report): void {
  if (statement.prefixOnly) return;
  const words = statement.words;
  if (words.some((word) => word.value.includes("$"))) return;
  // Only the route's own words count, not a nexthop's (measured on 2.2.7: `10.1.0.0/16 nexthop via
  // 10.0.0.254 dev eth0` is "cannot track route … with no interface specified"; `dev eth0 nexthop …` is not).
  const nexthop = words.findIndex((word) => word.value === "nexthop");
  const own = nexthop < 0 ? words : words.slice(0, nexthop);
  if (own.some((word) => word.value === "dev" || word.value === "no_track")) return;
  // A route without a destination is KA053's: keepalived skips it before tracking comes up.
  const at = routeDestination(words.map((word) => word.value), blockId);
  const destination = words[at];
  if (!destination) return;
  if (at > 0 && ROUTE_TYPES.has(words[at - 1]!.value) && destination.value !== "default" && !parseAddress(destination.value)) return;
  report({
    uri,
    range: destination.range,
    message: `keepalived cannot track route '${destination.value}' without 'dev INTERFACE'; add the interface, or 'no_track' if the route need not be tracked`,
  });
}
