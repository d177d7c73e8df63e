// KA056: a bfd_instance without `neighbor_ip` (or its spelling `neighbour_ip`). keepalived 2.2.7
// reports "Configuration error: BFD instance NAME has no neighbor address set, disabling instance"
// on the block's closing brace and runs no session for it, so what tracks it never changes. A
// neighbour given on some hosts only (`@lb1 neighbor_ip …`) counts: elsewhere it is a host matter.
import type { KeepalivedRule } from "../../lint/rule.js";
import { throughClose } from "./model.js";
import { BlockView } from "./vrrp.js";

export const bfdWithoutNeighbor: KeepalivedRule = {
  meta: {
    id: "KA056",
    alias: "bfd-without-neighbor",
    product: "keepalived",
    // keepalived says "Configuration error" and runs no session: a setting dropped, an error (a warning until the fifteenth round, as KA062's disabled instances are errors).
    severity: "error",
    category: "correctness",
    description: "a bfd_instance has no neighbor_ip, and keepalived disables it",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const [name, blocks] of model.definitions("bfd_instance")) {
      for (const placed of blocks) {
        const view = new BlockView(model, placed);
        if (view.opaque || view.statements("neighbor_ip").length > 0 || view.statements("neighbour_ip").length > 0) continue;
        const header = placed.block.header!;
        report({
          range: throughClose((header.args[0] ?? header.keyword).range, placed.block),
          uri: placed.uri,
          message: `bfd_instance '${name}' has no neighbor_ip; keepalived reports it and disables the instance`,
        });
      }
    }
  },
};
