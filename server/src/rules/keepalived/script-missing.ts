// KA050: a vrrp_script without its `script`. keepalived 2.2.7 reports "No script set for
// vrrp_script NAME - removing" and drops the block, so every instance that tracks it reports
// "track script NAME not found, ignoring...": the health check the configuration counts on for
// failover does not exist.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const scriptMissing: KeepalivedRule = {
  meta: {
    id: "KA050",
    alias: "script-missing",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a vrrp_script without 'script', which keepalived removes",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const [name, blocks] of model.definitions("vrrp_script")) {
      const script = view.definition("vrrp_script", name);
      if (!script || script.opaque || blocks.length === 0 || script.statements("script").length > 0) continue;
      // keepalived names the line of the block's `}`, where the missing line would go.
      const named = (script.nameWord ?? script.header!.keyword).range;
      const close = script.block.close?.range;
      report({
        range: close ?? named,
        uri: script.uri,
        message: `vrrp_script '${name}' has no 'script' line; keepalived removes it, and the instances that track it go on without the check`,
        ...(close ? { related: [{ uri: script.uri, range: named, message: `vrrp_script '${name}'` }] } : {}),
      });
    }
  },
};
