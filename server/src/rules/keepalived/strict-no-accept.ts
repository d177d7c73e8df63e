// KA027: strict mode without `accept`. With `vrrp_strict` (or `strict_mode` on the instance) an
// instance whose priority is below 255 runs in no-accept mode: keepalived installs a firewall rule
// that drops every packet addressed to its VIPs while it is master, so the VIP answers nothing
// (keepalived issues 474, 2339). VRRPv3 instances can add `accept`; for VRRPv2 strict mode does not
// allow accept, and the way out is to drop strict mode.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const strictNoAccept: KeepalivedRule = {
  meta: {
    id: "KA027",
    alias: "strict-no-accept",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "in strict mode an instance below priority 255 without accept drops all traffic to its VIPs",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const instance of view.instances) {
      if (!instance.strict || instance.opaque || !instance.priorityCertain || instance.priority === 255) continue;
      if (instance.statements("accept").length > 0 || instance.vips.length === 0) continue;
      const own = instance.setting("strict_mode");
      const why = own ? "strict_mode" : "vrrp_strict";
      report({
        range: (instance.nameWord ?? instance.header!.keyword).range,
        uri: instance.uri,
        message:
          instance.version === 3
            ? `with ${why} and priority ${instance.priority}, keepalived drops every packet sent to this instance's VIPs (no accept mode); add 'accept' if the VIPs must answer`
            : `with ${why} and priority ${instance.priority}, keepalived drops every packet sent to this instance's VIPs (no accept mode), and VRRPv2 strict mode does not allow 'accept'; drop strict mode if the VIPs must answer`,
        related: own
          ? [{ uri: own.uri, range: own.statement.keyword.range, message: "strict_mode" }]
          : view.global.statements("vrrp_strict").map(({ uri, statement }) => ({ uri, range: statement.keyword.range, message: "vrrp_strict" })),
      });
    }
  },
};
