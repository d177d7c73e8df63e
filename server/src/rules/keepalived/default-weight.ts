// KA022: a tracked vrrp_script with no weight anywhere. keepalived's default weight is 0, which
// means a failing script puts the instance in FAULT (it gives the VIP up and stops sending adverts)
// rather than lowering its priority by 2 as older documentation said (keepalived issue 484).
// Writing `weight 0` says FAULT is meant. Sync group members and address owners (priority 255) are
// left alone: there only weight 0 is allowed.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const defaultWeight: KeepalivedRule = {
  meta: {
    id: "KA022",
    alias: "default-weight",
    product: "keepalived",
    severity: "info",
    category: "best-practice",
    description: "a tracked vrrp_script has no weight, so its failure puts the instance in FAULT",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Without a track_script block or a vrrp_script (alternative headers count), no instance tracks a script.
    if (!model.holdsKeyword("track_script") || model.definitions("vrrp_script").size === 0) return;
    for (const instance of vrrpView(model).instances) {
      if (instance.syncGroup || (instance.priorityCertain && instance.priority === 255)) continue;
      for (const tracker of instance.trackers("script")) {
        if (tracker.weightWord || !tracker.definition || tracker.definition.opaque || tracker.definition.statements("weight").length > 0) continue;
        report({
          range: tracker.entry.word.range,
          uri: tracker.entry.uri,
          message: `vrrp_script '${tracker.name}' has no weight, so when it fails this instance goes to FAULT and releases the VIP; set a weight to lower the priority instead, or 'weight 0' to make FAULT explicit`,
          related: [{ uri: tracker.definition.uri, range: tracker.definition.nameWord!.range, message: `vrrp_script '${tracker.name}'` }],
        });
      }
    }
  },
};
