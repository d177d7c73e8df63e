// KA048: a virtual_server without a scheduler (`lb_algo`/`lvs_sched`) or a forwarding method
// (`lb_kind`/`lvs_method`). keepalived 2.2.7 reports each ("no scheduler set, setting default
// 'wlc'", "no forwarding method set, setting default NAT"; keepalived -t exits 5) and carries on with
// the default: NAT where the real servers were set up for direct routing answers nothing.
// Likewise a `quorum` (1 unless set) above the real servers' total weight (each 1 unless set), which
// keepalived lowers to that total ("quorum 4 … exceeds total weight of real servers 3, reducing quorum
// to 3"), and a `hysteresis` (0 unless set) not below the quorum, which it sets to the quorum less
// one ("hysteresis 3 >= quorum 3; setting hysteresis to 2"; from 0, 4294967295): measured, 2.2.7.
import type { KeepalivedRule, Report } from "../../lint/rule.js";
import { vrrpView, type VirtualServer } from "./vrrp.js";

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
    description: "a virtual_server without lb_algo or lb_kind, which keepalived fills in with wlc and NAT, or with a quorum or hysteresis it lowers",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.opaque) return;
    for (const server of view.virtualServers) {
      if (server.opaque || !server.header) continue;
      for (const found of quorumReports(server)) report({ uri: server.uri, ...found });
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

/** A quorum above the real servers' total weight, and a hysteresis not below the quorum keepalived keeps. */
function quorumReports(server: VirtualServer): Omit<Report, "uri">[] {
  const reals = server.realServers;
  if (reals.length === 0 || reals.some((real) => real.opaque)) return [];
  const quorum = server.setting("quorum");
  const hysteresis = server.setting("hysteresis");
  // With both defaults (quorum 1, hysteresis 0) only real servers that all weigh 0 are too light:
  // most virtual servers are settled by their first real server.
  if (!quorum && !hysteresis) {
    for (const real of reals) {
      const weight = real.setting("weight");
      if (!weight || !weight.certain || weight.int !== 0) return [];
    }
  }
  let total = 0;
  for (const real of reals) {
    const weight = real.setting("weight");
    if (weight && (!weight.certain || weight.int === undefined || weight.int < 0)) return [];
    total += weight ? weight.int! : 1;
  }
  // A quorum below 1 is set to 1 with a message of its own (KA003's).
  for (const setting of [quorum, hysteresis]) if (setting && (!setting.certain || setting.int === undefined || setting.int < (setting === quorum ? 1 : 0))) return [];
  const found: Omit<Report, "uri">[] = [];
  let kept = quorum ? quorum.int! : 1;
  if (kept > total) {
    const what = quorum ? `quorum ${kept}` : "the default quorum, 1,";
    found.push({ range: (quorum?.value ?? server.header!.keyword).range, message: `${what} is above the real servers' total weight, ${total}; keepalived reports it and lowers the quorum to ${total}` });
    kept = total;
  }
  const lag = hysteresis ? hysteresis.int! : 0;
  if (lag >= kept && !hysteresis && found.length > 0 && !quorum) {
    // Both defaults, both on the header: one finding says both.
    found[0] = { ...found[0]!, message: `${found[0]!.message}, and then the hysteresis (0) to 4294967295` };
  } else if (lag >= kept) {
    const what = hysteresis ? `hysteresis ${lag}` : "the default hysteresis, 0,";
    found.push({ range: (hysteresis?.value ?? server.header!.keyword).range, message: `${what} is not below the quorum keepalived keeps (${kept}); keepalived reports it and sets the hysteresis to ${kept === 0 ? "4294967295" : kept - 1}` });
  }
  return found;
}
