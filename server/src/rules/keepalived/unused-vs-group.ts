// KA060: a virtual_server_group that no `virtual_server group NAME` uses. keepalived reads it and
// keeps it without a word (measured with 2.2.7), and it balances nothing: usually the virtual server
// that should name it names a group by another name, or was written with an address instead.
import type { KeepalivedRule } from "../../lint/rule.js";
import { isDynamic, vrrpView } from "./vrrp.js";

export const unusedVsGroup: KeepalivedRule = {
  meta: {
    id: "KA060",
    alias: "unused-vs-group",
    product: "keepalived",
    severity: "info",
    category: "reference",
    description: "a virtual_server_group that no virtual_server uses",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.opaque) return;
    const used = new Set<string>();
    for (const server of view.virtualServers) {
      if (server.kind !== "group") continue;
      const word = server.header?.args[1];
      // A computed name may be any group.
      if (!word || isDynamic(word)) return;
      used.add(word.value);
    }
    for (const [name, blocks] of model.definitions("virtual_server_group")) {
      if (used.has(name) || name.includes("$") || name.includes("{{")) continue;
      const placed = blocks[0]!;
      const word = placed.block.header?.args[0];
      if (!word) continue;
      report({ range: word.range, uri: placed.uri, message: `virtual_server_group '${name}' is not used by any virtual_server ('virtual_server group ${name}'); keepalived keeps it and balances nothing with it` });
    }
  },
};
