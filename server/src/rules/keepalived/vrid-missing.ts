// KA014: a vrrp_instance without `virtual_router_id`. keepalived 2.2.7 reports "the virtual router
// id must be set" and its VRRP process then exits: no instance of the configuration runs.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const vridMissing: KeepalivedRule = {
  meta: {
    id: "KA014",
    alias: "vrid-missing",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a vrrp_instance has no virtual_router_id",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      // `virtual_router_id 51 {` still sets it: keepalived takes the value and ignores the '{' (KA006).
      if (instance.opaque || instance.statements("virtual_router_id").length > 0 || instance.blocks("virtual_router_id").length > 0) continue;
      const header = instance.header!;
      report({
        range: (instance.nameWord ?? header.keyword).range,
        uri: instance.uri,
        message: `vrrp_instance '${instance.nameWord?.value ?? ""}' has no virtual_router_id; keepalived's VRRP process exits and no instance runs`,
      });
    }
  },
};
