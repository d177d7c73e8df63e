// KA048: a virtual_server without a scheduler (`lb_algo`/`lvs_sched`) or a forwarding method
// (`lb_kind`/`lvs_method`). keepalived 2.2.7 reports each ("no scheduler set, setting default
// 'wlc'", "no forwarding method set, setting default NAT"; keepalived -t exits 5) and carries on with
// the default: NAT where the real servers were set up for direct routing answers nothing.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

const SETTINGS = [
  { names: ["lb_algo", "lvs_sched"], what: "scheduler (lb_algo)", fallback: "wlc" },
  { names: ["lb_kind", "lvs_method"], what: "forwarding method (lb_kind)", fallback: "NAT" },
] as const;

export const virtualServerDefaults: KeepalivedRule = {
  meta: {
    id: "KA048",
    alias: "virtual-server-defaults",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a virtual_server without lb_algo or lb_kind, which keepalived fills in with wlc and NAT",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.opaque) return;
    for (const server of view.virtualServers) {
      if (server.opaque || !server.header) continue;
      const missing = SETTINGS.filter(({ names }) => names.every((name) => server.statements(name).length === 0));
      if (missing.length === 0) continue;
      report({
        uri: server.uri,
        range: server.header.keyword.range,
        message: `this virtual_server sets no ${missing.map((m) => m.what).join(" and no ")}; keepalived reports it and uses ${missing.map((m) => m.fallback).join(" and ")}`,
      });
    }
  },
};
