// KA023: tracker weights too small to ever move the VIP, judged from what one file shows. When an
// instance has per-host priorities (`@lb1 priority 150`, `@lb2 priority 100`, or `@id` instances
// with one VRID), the node with the highest priority only loses the VIP to the next one if its
// weighted trackers can change the balance by more than the gap: with every positive weight lost on
// the master and every negative one applied, and the other node's positive weights gained. If all
// weights together cannot cover the gap, no tracker failure ever causes a failover. Instances with
// `reverse` weights, track files (whose value multiplies the weight) or computed weights are left
// alone; peers in other files are not known here.
import type { KeepalivedRule } from "../../lint/rule.js";
import { intAt, vrrpView, type VrrpInstance } from "./vrrp.js";
import type { Statement } from "../../../../grammars/keepalived/ast.js";

interface Alternative {
  readonly priority: number;
  readonly statement: Statement | undefined;
  readonly uri: string;
  readonly host: string;
}

function alternatives(instance: VrrpInstance): Alternative[] {
  const found: Alternative[] = [];
  for (const { statement, uri } of instance.statements("priority")) {
    // Read from the table: a statement without a prefix has no configId or sequence to make words for.
    const value = intAt(statement, 1);
    if (value === undefined || value < 1 || value > 255 || (statement.hasPrefix && statement.sequence)) return [];
    found.push({ priority: value, statement, uri, host: prefixId(statement) ?? prefixId(instance.header) ?? "every host" });
  }
  return found;
}

/** The `@id` of a statement (`configId.text`), its words made only when it has a prefix. */
function prefixId(statement: Statement | undefined): string | undefined {
  return statement?.hasPrefix ? statement.configId?.text : undefined;
}

export const ineffectiveWeight: KeepalivedRule = {
  meta: {
    id: "KA023",
    alias: "ineffective-weight",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "tracker weights are too small to ever bring the master's priority below another node's",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    // Instances for several hosts: per-host priorities inside one instance, or `@id` instances
    // sharing a name or a VRID.
    const groups = new Map<string, VrrpInstance[]>();
    const instances = view.instances;
    for (let index = 0; index < instances.length; index++) {
      const instance = instances[index]!;
      // An instance for every host needs two priorities of its own to have per-host ones (most
      // have one): the others are left out without a group.
      if (!instance.conditional && instance.statements("priority").length < 2) continue;
      const key = instance.conditional ? `vrid:${instance.vrid ?? instance.name}` : `self:${index}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(instance);
    }
    for (const instances of groups.values()) {
      const options = instances.flatMap((instance) => alternatives(instance).map((alt) => ({ alt, instance })));
      const distinct = [...new Set(options.map(({ alt }) => alt.priority))].sort((a, b) => b - a);
      if (distinct.length < 2 || new Set(options.map(({ alt }) => alt.host)).size < 2) continue;
      const top = options.find(({ alt }) => alt.priority === distinct[0])!;
      const next = distinct[1]!;
      const instance = top.instance;
      if (instance.opaque || instance.syncGroup || top.alt.priority === 255) continue;
      const trackers = instance.trackers().filter((tracker) => tracker.weight !== 0);
      if (trackers.length === 0) continue;
      if (trackers.some((tracker) => tracker.kind === "file" || tracker.weight === undefined || tracker.reverse)) continue;
      const total = trackers.reduce((sum, tracker) => sum + Math.abs(tracker.weight!), 0);
      const gap = top.alt.priority - next;
      if (total > gap) continue;
      const word = top.alt.statement?.args[0];
      if (!word) continue;
      report({
        range: word.range,
        uri: top.alt.uri,
        message:
          total === gap
            ? `the tracker weights (${total} in all) can at most bring priority ${top.alt.priority} down to ${next}, a tie that the higher IP address decides; make them larger than ${gap}`
            : `the tracker weights (${total} in all) can never bring priority ${top.alt.priority} below ${next}: no tracker failure moves the VIP; make them larger than ${gap}`,
        related: trackers.map((tracker) => ({ uri: tracker.entry.uri, range: (tracker.weightWord ?? tracker.entry.word).range, message: `weight ${tracker.weight}` })),
      });
    }
  },
};
