// KA059: `sorry_server_inhibit` or `sorry_server_lvs_method` read before the virtual_server's
// `sorry_server`, or in one without it. keepalived 2.2.7 applies both to the sorry server it has
// already read, so above that line (or without one) it reports them and ignores them: "Ignoring
// sorry_server inhibit used before or without sorry_server", "sorry_server forwarding used without
// sorry_server" (measured; test/rules/KA059.test.ts asks keepalived).
import type { KeepalivedRule } from "../../lint/rule.js";
import { isConditional } from "./view-values.js";
import { vrrpView } from "./vrrp.js";

const SETTINGS = ["sorry_server_inhibit", "sorry_server_lvs_method"] as const;

export const sorryServerOrder: KeepalivedRule = {
  meta: {
    id: "KA059",
    alias: "sorry-server-order",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "sorry_server_inhibit or sorry_server_lvs_method before or without a sorry_server: keepalived ignores them",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const server of vrrpView(model).virtualServers) {
      if (server.opaque) continue;
      const settings = SETTINGS.flatMap((keyword) => server.statements(keyword));
      if (settings.length === 0) continue;
      // A sorry_server given for some hosts only (`@lb1 sorry_server …`) leaves the others in doubt.
      const sorry = server.statements("sorry_server");
      if (sorry.some(({ statement }) => isConditional(statement))) continue;
      const first = sorry[0];
      for (const { statement, uri, order } of settings) {
        if (first && first.order < order) continue;
        const name = statement.keyword.value;
        report({
          range: statement.keyword.range,
          uri,
          message: first
            ? `'${name}' comes before the 'sorry_server' it applies to; keepalived reports it and ignores it (move it below the sorry_server line)`
            : `'${name}' in a virtual_server without a 'sorry_server'; keepalived reports it and ignores it`,
          related: first ? [{ uri: first.uri, range: first.statement.keyword.range, message: "the sorry_server, read after it" }] : [],
        });
      }
    }
  },
};
