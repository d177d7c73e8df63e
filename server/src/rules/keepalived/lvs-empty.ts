// KA035: a virtual_server without any real_server. keepalived 2.2.7 reports "has no real servers -
// ignoring" and creates no virtual service at all, even when a sorry_server is given.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const lvsEmpty: KeepalivedRule = {
  meta: {
    id: "KA035",
    alias: "lvs-empty",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a virtual_server has no real_server, and keepalived ignores it",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const server of vrrpView(model).virtualServers) {
      if (server.opaque || server.blocks("real_server").length > 0) continue;
      const header = server.header!;
      report({
        range: header.keyword.range,
        uri: server.uri,
        message: `this virtual_server has no real_server; keepalived ignores it${server.has("sorry_server") ? " (a sorry_server alone is not enough)" : ""}`,
      });
    }
  },
};
