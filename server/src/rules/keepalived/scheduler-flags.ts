// KA063: a scheduler flag (`sh-port`, `sh-fallback`, `mh-port`, `mh-fallback`) that keepalived
// ignores: it takes them only when the scheduler read above them is `sh` or `mh` (either flag with
// either scheduler), and otherwise reports "sh-port only applies to sh scheduler - ignoring" for the
// line. A flag above the `lb_algo` line, or in a virtual_server without one (keepalived then uses
// wlc), is ignored too; an invalid scheduler (`lb_algo SH`) is itself ignored, so the one before it
// counts. `flag-1` … `flag-3` are taken with any scheduler. Measured, keepalived 2.2.7 and 2.3.3
// (sixteenth mutation round; test/rules/KA-round16-oracle.test.ts asks them again).
import type { KeepalivedRule } from "../../lint/rule.js";
import { isConditional, isDynamic, vrrpView } from "./vrrp.js";

const FLAGS = ["sh-port", "sh-fallback", "mh-port", "mh-fallback"] as const;
/** The schedulers keepalived 2.2 knows; another value is reported and ignored. */
const SCHEDULERS = new Set(["rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos"]);

export const schedulerFlags: KeepalivedRule = {
  meta: {
    id: "KA063",
    alias: "scheduler-flags",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "sh-port, sh-fallback, mh-port or mh-fallback without an sh or mh scheduler above it: keepalived ignores the flag",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const server of vrrpView(model).virtualServers) {
      if (server.opaque) continue;
      const flags = FLAGS.flatMap((keyword) => server.statements(keyword));
      if (flags.length === 0) continue;
      const schedulers = [...server.statements("lb_algo"), ...server.statements("lvs_sched")];
      // A scheduler of some hosts only, or one lblint cannot read, leaves the flag in doubt.
      if (schedulers.some(({ statement }) => isConditional(statement) || !statement.args[0] || isDynamic(statement.args[0]))) continue;
      const valid = schedulers.filter(({ statement }) => SCHEDULERS.has(statement.args[0]!.value)).sort((a, b) => a.order - b.order);
      for (const { statement, uri, order } of flags) {
        if (isConditional(statement)) continue;
        const scheduler = valid.filter((s) => s.order < order).at(-1);
        const name = scheduler?.statement.args[0]!.value;
        if (name === "sh" || name === "mh") continue;
        const later = valid.find((s) => s.order > order && ["sh", "mh"].includes(s.statement.args[0]!.value));
        report({
          range: statement.keyword.range,
          uri,
          message: scheduler
            ? `'${statement.keyword.value}' applies only to the sh and mh schedulers, and this virtual_server's is ${name}; keepalived reports it and ignores it`
            : later
              ? `'${statement.keyword.value}' comes before the '${later.statement.keyword.value} ${later.statement.args[0]!.value}' it applies to; keepalived reports it and ignores it (move it below)`
              : `'${statement.keyword.value}' in a virtual_server without an sh or mh scheduler; keepalived reports it and ignores it`,
          related: scheduler ? [{ uri: scheduler.uri, range: scheduler.statement.range, message: "the scheduler read before it" }] : later ? [{ uri: later.uri, range: later.statement.range, message: "the scheduler, read after it" }] : [],
        });
      }
    }
  },
};
