// KA043: tracker entries keepalived drops or strips of their weight. Measured with keepalived
// 2.2.7: in a sync group (unless the group sets `sync_group_tracking_weight`) a weighted
// track_script is ignored altogether and the weights of tracked interfaces and files are set to 0;
// on an address owner (priority 255, also `state MASTER` without a priority) weighted scripts,
// interfaces and files are ignored; and a track_interface entry naming the instance's own
// interface is ignored (that interface is always tracked, without weight).
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const trackerIgnored: KeepalivedRule = {
  meta: {
    id: "KA043",
    alias: "tracker-ignored",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "keepalived ignores a tracker or its weight (sync group member, address owner, own interface)",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      const group = instance.syncGroup;
      const groupWeights = group?.has("sync_group_tracking_weight") ?? false;
      const owner = instance.priorityCertain && instance.priority === 255;
      const own = instance.interfaceName;
      for (const tracker of instance.trackers()) {
        const where = (tracker.weightWord ?? tracker.entry.word).range;
        if (tracker.kind === "interface" && own !== undefined && tracker.name === own) {
          report({
            range: tracker.entry.word.range,
            uri: tracker.entry.uri,
            severity: tracker.weight ? "error" : "warning",
            message: `'${own}' is this instance's own interface, which keepalived always tracks; it ignores this entry${tracker.weight ? ` and its weight ${tracker.weight}` : ""}`,
          });
          continue;
        }
        if (!tracker.weight || !(tracker.kind === "script" || tracker.kind === "interface" || tracker.kind === "file")) continue;
        if (owner) {
          report({
            range: where,
            uri: tracker.entry.uri,
            // A negative weight meant to hand the address over on failure, which never happens: an
            // error. A positive one could not raise 255 anyway: pointless rather than harmful.
            severity: tracker.weight < 0 ? "error" : "warning",
            message: `this instance is the address owner (priority 255), whose priority trackers may not change; keepalived ignores '${tracker.name}' because of its weight ${tracker.weight}`,
          });
        } else if (group && !groupWeights) {
          report({
            range: where,
            uri: tracker.entry.uri,
            message:
              tracker.kind === "script"
                ? `this instance is in sync group '${group.name ?? ""}', where weighted scripts are not allowed; keepalived ignores '${tracker.name}' entirely (use weight 0, or sync_group_tracking_weight in the group)`
                : `this instance is in sync group '${group.name ?? ""}'; keepalived sets the weight of '${tracker.name}' to 0, so its failure means FAULT (use weight 0, or sync_group_tracking_weight in the group)`,
          });
        }
      }
    }
  },
};
