// KA020: a weight on a tracker entry (`track_script { chk weight 300 }`) outside what keepalived
// takes. For scripts and interfaces ±254 is lowered to ±253 with a warning; beyond ±254 (beyond ±253
// for BFD instances) the weight is ignored and the entry falls back to the tracker's own weight, which
// for a vrrp_script is 0: a failure then puts the instance in FAULT instead of lowering its priority
// (measured with keepalived 2.2.7). A weight that is not a number is ignored the same way. The `weight` keyword of a vrrp_script or vrrp_track_process is an
// ordinary argument and is checked by the argument rules.
import type { KeepalivedRule } from "../../lint/rule.js";
import { intOf, isDynamic, vrrpView } from "./vrrp.js";

export const weightRange: KeepalivedRule = {
  meta: {
    id: "KA020",
    alias: "weight-range",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a tracker entry's weight is outside what keepalived accepts, so it is lowered or ignored",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const tracking of [...view.instances, ...view.syncGroups]) {
      for (const tracker of tracking.trackers()) {
        const word = tracker.weightWord;
        const weight = intOf(word);
        if (!word) continue;
        const fallback = tracker.kind === "interface" ? "0" : tracker.kind === "script" || tracker.kind === "bfd" ? "the tracker's own weight (0 unless set)" : "the tracker's own weight (1 unless set)";
        const fault = tracker.kind === "script" || tracker.kind === "interface" ? ", so a failure means FAULT" : "";
        if (weight === undefined) {
          // "invalid number 'abc'" then "weight must be between [-253..253] inclusive, ignoring..."
          if (!isDynamic(word)) report({ range: word.range, uri: tracker.entry.uri, message: `weight '${word.value}' is not a whole number; keepalived ignores it and uses ${fallback}${fault}` });
          continue;
        }
        const clamps = tracker.kind === "script" || tracker.kind === "interface";
        const magnitude = Math.abs(weight);
        const limit = tracker.kind === "bfd" ? 253 : 254;
        if (magnitude > limit) {
          report({
            range: word.range,
            uri: tracker.entry.uri,
            message: `weight ${weight} is outside -${limit}..${limit}; keepalived ignores it and uses ${fallback}${fault}`,
          });
        } else if (magnitude === 254 && clamps) {
          report({
            range: word.range,
            uri: tracker.entry.uri,
            severity: "warning",
            message: `keepalived lowers weight ${weight} to ${weight > 0 ? 253 : -253}; the weight of a ${tracker.kind === "interface" ? "tracked interface" : "tracked script"} is at most 253`,
          });
        }
      }
    }
  },
};
