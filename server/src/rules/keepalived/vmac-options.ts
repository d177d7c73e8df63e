// KA058: VMAC options keepalived ignores. `vmac_xmit_base` sends adverts from the base interface of
// a VMAC, and means nothing without `use_vmac`: keepalived 2.2.7 drops it ("vmac_xmit_base is only
// valid with a vmac"). `promote_secondaries` is set on a VMAC automatically, so with `use_vmac`
// keepalived ignores the line ("promote_secondaries is automatically set for vmacs - ignoring"):
// harmless, and reported as information. `use_vmac` takes the VMAC interface's name, not a yes/no:
// `use_vmac false` turns the VMAC on and names it "false" (keepalived 2.2.7: "Success creating VMAC
// interface false", measured), the opposite of what the line says.
import { removeLineFix } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { isConditional, vrrpView } from "./vrrp.js";

/** Words that say "off" where keepalived expects the VMAC interface's name. */
const NEGATIVE = new Set(["false", "no", "off", "0", "none", "disable", "disabled"]);

export const vmacOptions: KeepalivedRule = {
  meta: {
    id: "KA058",
    alias: "vmac-options",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "vmac_xmit_base without use_vmac, promote_secondaries with it, or use_vmac followed by a 'no': keepalived reads them otherwise",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      if (instance.opaque) continue;
      const vmac = instance.statements("use_vmac");
      // A use_vmac for some hosts only (`@lb1 use_vmac`): either may be meant.
      if (vmac.some(({ statement }) => isConditional(statement))) continue;
      const remove = (uri: string, range: Parameters<typeof removeLineFix>[1], what: string) => {
        const lines = model.linesOf(uri);
        const fix = lines && removeLineFix(lines, range, `remove '${what}', which keepalived ignores`, "#!");
        return fix ? { suggestions: [fix] } : {};
      };
      if (vmac.length === 0) {
        for (const { statement, uri } of instance.statements("vmac_xmit_base")) {
          if (isConditional(statement)) continue;
          report({ uri, range: statement.keyword.range, message: "vmac_xmit_base only applies to an instance with use_vmac; keepalived ignores it here", ...remove(uri, statement.range, "vmac_xmit_base") });
        }
        continue;
      }
      for (const { statement, uri } of vmac) {
        const word = statement.args[0];
        if (!word || !NEGATIVE.has(word.value.toLowerCase())) continue;
        report({
          uri,
          range: word.range,
          message: `use_vmac takes the name of the VMAC interface, not a yes or no: keepalived runs this instance on a VMAC named '${word.value}'; remove the line to run it without one`,
        });
      }
      for (const { statement, uri } of instance.statements("promote_secondaries")) {
        if (isConditional(statement)) continue;
        report({
          uri,
          range: statement.keyword.range,
          severity: "info",
          message: "keepalived sets promote_secondaries on a VMAC by itself, and ignores this line",
          related: [{ uri: vmac[0]!.uri, range: vmac[0]!.statement.keyword.range, message: "use_vmac" }],
          ...remove(uri, statement.range, "promote_secondaries"),
        });
      }
    }
  },
};
