// KA049: a fractional advert_int on a VRRPv2 instance. VRRPv2 adverts carry whole seconds, so
// keepalived 2.2.7 reports "VRRPv2 advertisement interval 0.500000s must be an integer. rounding"
// (keepalived -t exits 5) and runs with another interval than the one written, which its peers,
// with their own rounding or VRRPv3, may not share.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const advertIntFraction: KeepalivedRule = {
  meta: {
    id: "KA049",
    alias: "advert-int-fraction",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a VRRPv2 instance with a fractional advert_int, which keepalived rounds to whole seconds",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      if (instance.opaque || instance.version !== 2) continue;
      const setting = instance.setting("advert_int");
      // The value is read from the table: its word is made only for a finding.
      const value = setting?.certain ? setting.valueText : undefined;
      if (value === undefined || !/^\d*\.\d+$/.test(value)) continue;
      const seconds = Number(value);
      if (Number.isInteger(seconds)) continue;
      const word = setting!.value!;
      const rounded = Math.max(1, Math.round(seconds));
      report({
        uri: setting!.uri,
        range: word.range,
        message: `VRRPv2 adverts carry whole seconds: keepalived rounds advert_int ${word.value} to ${rounded}`,
        fix: { description: `use advert_int ${rounded}`, edits: [{ start: word.range.start.offset, end: word.range.end.offset, newText: String(rounded) }] },
      });
    }
  },
};
