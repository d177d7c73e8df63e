// KA028: settings strict mode does not allow. Measured with keepalived 2.2.7 under `vrrp_strict`
// (or `strict_mode` on the instance): an instance without VIPs stops the whole VRRP process ("No VIP
// specified; at least one is required"); `state MASTER` below priority 255 becomes BACKUP;
// `preempt_delay`, `accept` (VRRPv2), `vmac_xmit_base`, `garp_lower_prio_repeat`,
// `lower_prio_no_advert false` and `higher_prio_send_advert` are reset. Unicast peers are forbidden
// by the manual; keepalived's code refuses the instance only when it sees that the interface can
// multicast, which `keepalived -t` and a test namespace did not trigger: a warning.
// Authentication under strict mode is reported by auth-ignored. `state` and `priority` given per
// host (`@lb1 state MASTER`, `@lb1 priority 200`) are read as each host the lines name reads them
// (keepalived 2.2.7 -t -i lb1 reports "State MASTER must match being address owner").
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import type { PlacedStatement } from "./model.js";
import { boolOf, intOf, isConditional, isDynamic, vrrpView, type VrrpInstance } from "./vrrp.js";

/** Whether the host whose config id is `host` reads `statement` ("" stands for a host no `@id` names). */
function readsOn(statement: Statement, host: string): boolean {
  const id = statement.configId;
  if (!id) return true;
  return id.negated ? id.id !== host : id.id === host;
}

/**
 * For each host the instance's `state` and `priority` lines name, a MASTER state with a priority
 * below 255 that this host reads; nothing when the lines hold a `~SEQ` or a variable.
 */
function mastersBelowOwnerPerHost(instance: VrrpInstance): { host: string; state: PlacedStatement; priority: number }[] {
  const lines = [...instance.statements("state"), ...instance.statements("priority")];
  if (!lines.some(({ statement }) => statement.configId) || lines.some(({ statement }) => statement.sequence || statement.args.some(isDynamic))) return [];
  const hosts = new Set([""]);
  for (const { statement } of lines) if (statement.configId) hosts.add(statement.configId.id);
  const found: { host: string; state: PlacedStatement; priority: number }[] = [];
  for (const host of hosts) {
    // keepalived keeps a MASTER once read, and the last priority.
    const master = instance.statements("state").find(({ statement }) => readsOn(statement, host) && statement.wordIs(1, "MASTER"));
    const priority = instance.statements("priority").filter(({ statement }) => readsOn(statement, host)).at(-1);
    const value = intOf(priority?.statement.args[0]);
    if (master && value !== undefined && value >= 1 && value < 255) found.push({ host, state: master, priority: value });
  }
  return found;
}

export const strictConflicts: KeepalivedRule = {
  meta: {
    id: "KA028",
    alias: "strict-conflicts",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "an instance in strict mode uses a setting strict mode refuses or resets",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      if (!instance.strict || instance.opaque) continue;
      const flag = (statement: Statement, uri: string, message: string, severity?: "warning") =>
        report({ range: statement.keyword.range, uri, message, ...(severity ? { severity } : {}) });
      if (instance.vips.length === 0) {
        report({
          range: (instance.nameWord ?? instance.header!.keyword).range,
          uri: instance.uri,
          message: "strict mode needs at least one VIP; without one keepalived's VRRP process exits",
        });
      }
      const state = instance.state;
      const priority = instance.explicitPriority;
      if (state.value === "MASTER" && state.statement && state.certain && priority?.certain && priority.value !== undefined && priority.value < 255) {
        report({
          range: state.statement.args[0]!.range,
          uri: state.uri,
          message: `in strict mode only the address owner (priority 255) may start as MASTER; keepalived starts this instance (priority ${priority.value}) as BACKUP`,
        });
      } else if (!instance.opaque) {
        for (const { host, state: master, priority: value } of mastersBelowOwnerPerHost(instance)) {
          report({
            range: master.statement.args[0]!.range,
            uri: master.uri,
            message: `in strict mode only the address owner (priority 255) may start as MASTER; on ${host ? `host '${host}'` : "a host no '@' line names"} keepalived starts this instance (priority ${value}) as BACKUP`,
          });
        }
      }
      for (const { statement, uri } of instance.statements()) {
        if (isConditional(statement)) continue;
        switch (statement.keyword.value) {
          case "preempt_delay":
            if (intOf(statement.args[0]) !== 0) flag(statement, uri, "strict mode does not allow preempt_delay; keepalived resets it");
            break;
          case "accept":
            if (instance.version === 2) flag(statement, uri, "strict mode does not allow accept with VRRP version 2; keepalived resets it");
            break;
          case "vmac_xmit_base":
            flag(statement, uri, "strict mode does not allow vmac_xmit_base; keepalived resets it");
            break;
          case "garp_lower_prio_repeat":
            if (intOf(statement.args[0]) !== 0) flag(statement, uri, "strict mode does not allow repeated gratuitous ARPs; keepalived resets garp_lower_prio_repeat");
            break;
          case "lower_prio_no_advert":
            if (boolOf(statement) === false) flag(statement, uri, "strict mode requires lower_prio_no_advert; keepalived turns it back on");
            break;
          case "higher_prio_send_advert":
            if (boolOf(statement) === true) flag(statement, uri, "strict mode does not allow higher_prio_send_advert; keepalived turns it off");
            break;
        }
      }
      const peers = instance.blocks("unicast_peer");
      if (instance.unicast && peers[0]) {
        report({
          range: peers[0].block.header!.keyword.range,
          uri: peers[0].uri,
          severity: "warning",
          message: "strict mode does not allow unicast peers; depending on the interface keepalived refuses the whole instance",
        });
      }
    }
  },
};
