// KA026: authentication keepalived ignores. VRRPv3 has no authentication (an instance with `version
// 3`, under global `vrrp_version 3`, or IPv6, which is always version 3): "VRRP version 3 does not
// support authentication. Ignoring." Strict mode refuses it too ("Strict mode does not support
// authentication"). With `auth_type AH`, an explicit priority below 255 and `state MASTER`, keepalived
// keeps the authentication but starts the instance as BACKUP ("Initial state master is incompatible
// with AH authentication - clearing"). Measured with keepalived 2.2.7.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const authIgnored: KeepalivedRule = {
  meta: {
    id: "KA026",
    alias: "auth-ignored",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "authentication is ignored (VRRPv3, strict mode) or clears state MASTER (AH)",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      if (instance.opaque) continue;
      for (const placed of instance.blocks("authentication")) {
        // The header's words are made only for a finding.
        const header = placed.block.header!;
        const typeStatement = placed.statements.find(({ statement }) => statement.wordIs(0, "auth_type"));
        if (instance.version === 3) {
          const why = instance.family?.family === 6 ? "this IPv6 instance runs VRRP version 3" : "this instance runs VRRP version 3";
          report({ range: header.keyword.range, uri: placed.uri, message: `${why}, which has no authentication; keepalived ignores this block` });
        } else if (instance.strict) {
          report({ range: header.keyword.range, uri: placed.uri, message: "strict mode does not allow authentication; keepalived ignores this block" });
        } else if (typeStatement?.statement.wordIs(1, "AH")) {
          const state = instance.state;
          const priority = instance.explicitPriority;
          if (state.value === "MASTER" && state.certain && state.statement && priority?.certain && priority.value !== undefined && priority.value < 255) {
            report({
              range: state.statement.args[0]!.range,
              uri: state.uri,
              message: "with AH authentication an instance must hear an advert before it may become master; keepalived starts it as BACKUP instead",
              related: [{ uri: typeStatement.uri, range: typeStatement.statement.args[0]!.range, message: "auth_type AH" }],
            });
          }
        }
      }
    }
  },
};
