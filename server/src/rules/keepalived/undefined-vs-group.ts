// KA042: `virtual_server group NAME` with no `virtual_server_group NAME`. `keepalived -t` says
// nothing; when the daemon starts, the checker process logs "Virtual server group NAME specified but
// not configured - ignoring virtual server" and the virtual server does not exist. A group with no
// entries is removed ("has no entries - removing", which keepalived -t does report): a warning.
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import { isDynamic, vrrpView } from "./vrrp.js";

export const undefinedVsGroup: KeepalivedRule = {
  meta: {
    id: "KA042",
    alias: "undefined-vs-group",
    product: "keepalived",
    severity: "error",
    category: "reference",
    description: "virtual_server group names a virtual_server_group that is not defined",
    fixable: true,
    native: "silent",
    stricter: "keepalived -t accepts a virtual_server whose group is not defined, but the daemon drops that virtual_server when it starts",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.opaque) return;
    const names = view.names("virtual_server_group");
    let index: NameIndex | undefined;
    for (const server of view.virtualServers) {
      if (server.kind !== "group") continue;
      const word = server.header?.args[1];
      if (!word || isDynamic(word)) continue;
      if (names.has(word.value)) {
        // keepalived 2.2.7: "virtual server group NAME has no entries - removing" (keepalived -t exits 5).
        const group = view.definition("virtual_server_group", word.value);
        if (group && !group.opaque && group.statements().length === 0) {
          report({
            range: word.range,
            uri: server.uri,
            severity: "warning",
            message: `virtual_server_group '${word.value}' has no entries; keepalived removes it and ignores this virtual_server`,
            related: [{ uri: group.uri, range: (group.nameWord ?? group.header!.keyword).range, message: `the empty virtual_server_group '${word.value}'` }],
          });
        }
        continue;
      }
      const candidates = (index ??= new NameIndex(names)).suggest(word.value);
      report({
        range: word.range,
        uri: server.uri,
        message: `virtual_server_group '${word.value}' is not defined; keepalived ignores this virtual_server when it starts${didYouMean(candidates)}`,
        ...replacementFixes(word.range, candidates),
      });
    }
  },
};
