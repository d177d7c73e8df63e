// KA021: weighted trackers on an instance with `nopreempt`. A weight only moves the VIP when the
// node with the now higher priority takes over from the current master, which is exactly what
// nopreempt forbids: the master keeps the VIP with its lowered priority for as long as it runs.
// Unweighted trackers (FAULT on failure) still work. `nopreempt` with `state MASTER` is cleared by
// keepalived and reported by nopreempt-master instead.
import type { KeepalivedRule } from "../../lint/rule.js";
import { bothOf, isConditional, vrrpView } from "./vrrp.js";

export const weightNopreempt: KeepalivedRule = {
  meta: {
    id: "KA021",
    alias: "weight-nopreempt",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "an instance with nopreempt tracks something with a weight, which can then never move the VIP",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      // The last of nopreempt / preempt wins.
      // Each list is in reading order: only lines of both need a sort (most instances have neither).
      const nopreempt = instance.statements("nopreempt");
      const preempt = instance.statements("preempt");
      const toggles = nopreempt.length > 0 && preempt.length > 0 ? [...nopreempt, ...preempt].sort((a, b) => a.order - b.order) : bothOf(nopreempt, preempt);
      const last = toggles[toggles.length - 1];
      if (!last || last.statement.keyword.value !== "nopreempt" || isConditional(last.statement)) continue;
      if (instance.state.value === "MASTER") continue;
      const weighted = instance.trackers().filter((tracker) => tracker.kind !== "file" && tracker.weight !== undefined && tracker.weight !== 0);
      if (weighted.length === 0) continue;
      report({
        range: last.statement.keyword.range,
        uri: last.uri,
        message: `with nopreempt, the weight${weighted.length > 1 ? "s" : ""} of ${weighted.map((t) => `'${t.entry.word.value}'`).join(", ")} can lower this node's priority but no other node will take the VIP over while this one runs`,
        related: weighted.map((tracker) => ({ uri: tracker.entry.uri, range: (tracker.weightWord ?? tracker.entry.word).range, message: `weight ${tracker.weight}` })),
      });
    }
  },
};
