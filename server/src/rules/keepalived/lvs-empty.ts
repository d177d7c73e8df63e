// KA035: a virtual_server without any real_server. keepalived 2.2.7 reports "has no real servers -
// ignoring" and creates no virtual service at all, even when a sorry_server is given. Also a
// virtual_server_group without entries ("virtual server group G has no entries - removing"): the
// virtual servers that name it are then dropped too.
import type { KeepalivedRule } from "../../lint/rule.js";
import { throughClose } from "./model.js";
import { vrrpView } from "./vrrp.js";

export const lvsEmpty: KeepalivedRule = {
  meta: {
    id: "KA035",
    alias: "lvs-empty",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a virtual_server has no real_server, or a virtual_server_group no entry, and keepalived ignores it",
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
    for (const [name, blocks] of model.definitions("virtual_server_group")) {
      const group = blocks[0];
      if (!group || group.statements.length > 0 || group.blocks.length > 0) continue;
      report({
        range: throughClose((group.block.header!.args[0] ?? group.block.header!.keyword).range, group.block),
        uri: group.uri,
        message: `virtual_server_group '${name}' has no entries; keepalived removes it, and the virtual servers that name it`,
      });
    }
  },
};
