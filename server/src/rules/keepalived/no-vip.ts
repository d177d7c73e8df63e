// KA046: a vrrp_instance with no virtual address. keepalived warns "No VIP specified; at least one
// is sensible": the instance elects a MASTER that carries nothing (with `vrrp_strict`, the whole
// VRRP process stops, which KA028 reports).
import type { KeepalivedRule } from "../../lint/rule.js";
import { bothOf, vrrpView } from "./vrrp.js";

export const noVip: KeepalivedRule = {
  meta: {
    id: "KA046",
    alias: "no-vip",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a vrrp_instance without any virtual address",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const instance of view.instances) {
      if (instance.opaque || view.opaque || !instance.header) continue;
      if (instance.has("no_virtual_ipaddress")) continue;
      const blocks = bothOf(instance.blocks("virtual_ipaddress"), instance.blocks("virtual_ipaddress_excluded"));
      // An empty block is no better than none: keepalived 2.2.7 warns the same.
      if (blocks.some((placed) => placed.statements.length > 0)) continue;
      const name = instance.name ?? instance.nameWord?.value ?? "";
      const empty = blocks[0];
      report({
        uri: empty?.uri ?? instance.uri,
        range: empty ? empty.block.header!.keyword.range : (instance.nameWord?.range ?? instance.header.keyword.range),
        message: empty
          ? `the virtual_ipaddress block of vrrp_instance '${name}' is empty: the MASTER it elects carries no address`
          : `vrrp_instance '${name}' has no virtual_ipaddress: the MASTER it elects carries no address`,
      });
    }
  },
};
