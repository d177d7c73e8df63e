// KA049: a fractional advert_int on a VRRPv2 instance. VRRPv2 adverts carry whole seconds, so
// keepalived 2.2.7 reports "VRRPv2 advertisement interval 0.500000s must be an integer. rounding"
// (keepalived -t exits 5) and runs with another interval than the one written, which its peers,
// with their own rounding or VRRPv3, may not share. VRRPv3 adverts carry hundredths of a second:
// a finer advert_int is rounded to them ("VRRPv3 advertisement interval 0.015000s must be in units
// of 10ms - rounding"), half up, as keepalived reads the value exactly in microseconds.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

/**
 * A decimal number of seconds in microseconds, as keepalived keeps it: six decimal places, the sixth
 * rounded up when the seventh digit is 5 or more, later digits not looked at (measured on 2.2.7 and
 * 2.3.3: `1.0000005` is 1.000001 s, `1.00000049` is 1 s and `0.9999999` is read as
 * whole seconds, after "number … has too many decimal places", which KA003 reports).
 */
function microseconds(value: string): number {
  const [whole = "", fraction = ""] = value.split(".");
  const up = fraction.length > 6 && fraction[6]! >= "5" ? 1 : 0;
  return Number(whole || "0") * 1_000_000 + Number(fraction.slice(0, 6).padEnd(6, "0")) + up;
}

export const advertIntFraction: KeepalivedRule = {
  meta: {
    id: "KA049",
    alias: "advert-int-fraction",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a fractional advert_int that keepalived rounds: to whole seconds (VRRPv2) or hundredths (VRRPv3)",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      if (instance.opaque || (instance.version !== 2 && instance.version !== 3)) continue;
      const setting = instance.setting("advert_int");
      // The value is read from the table: its word is made only for a finding.
      const value = setting?.certain ? setting.valueText : undefined;
      if (value === undefined || !/^\d*\.\d+$/.test(value)) continue;
      const micro = microseconds(value);
      const unit = instance.version === 2 ? 1_000_000 : 10_000;
      if (micro % unit === 0) continue;
      const rounded = Math.max(unit, micro + unit / 2 - ((micro + unit / 2) % unit));
      const text = instance.version === 2 ? String(rounded / 1_000_000) : String(Number((rounded / 1_000_000).toFixed(2)));
      const word = setting!.value!;
      report({
        uri: setting!.uri,
        range: word.range,
        message:
          instance.version === 2
            ? `VRRPv2 adverts carry whole seconds: keepalived rounds advert_int ${word.value} to ${text}`
            : `VRRPv3 adverts carry hundredths of a second: keepalived rounds advert_int ${word.value} to ${text}`,
        fix: { description: `use advert_int ${text}`, edits: [{ start: word.range.start.offset, end: word.range.end.offset, newText: text }] },
      });
    }
  },
};
