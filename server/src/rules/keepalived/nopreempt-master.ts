// KA036: `nopreempt` or `preempt_delay` on an instance that starts as MASTER. Both only make sense
// for a node that starts as BACKUP; keepalived 2.2.7 reports "nopreempt will not work with initial
// state MASTER - clearing" (and the same for preempt delay) and preempts as usual. nopreempt with
// priority 255 is cleared too ("nopreempt is incompatible with priority 255"), and so is a
// preempt_delay beside nopreempt ("preempt_delay is incompatible with nopreempt mode - resetting"):
// an instance that never preempts has nothing to delay. From 2.3, `owner_ignore_adverts` on an
// instance that is not the address owner: keepalived 2.3.3 says "ignoring owner_ignore_adverts since
// priority is not 255" (no line; `-t` exits 5). An instance without `priority` is the owner when it
// starts as MASTER (2.3.3 says nothing then), and has priority 100 otherwise.
import { removeLineFix, replaceRange } from "../../lint/fixes.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import type { KeepalivedModel } from "./model.js";
import type { Statement } from "../../../../grammars/keepalived/ast.js";

/** Removing a line keepalived clears anyway (offered, not applied: the intent may have been the other way). */
function removal(model: KeepalivedModel, uri: string, statement: Statement): Fix[] {
  const lines = model.linesOf(uri);
  const fix = lines && removeLineFix(lines, statement.range, `remove '${statement.keyword.value}', which keepalived clears`, "#!");
  return fix ? [fix] : [];
}
import { bothOf, intOf, isConditional, vrrpView } from "./vrrp.js";
import { compareVersions } from "../../facts/versions.js";

/** What `owner_ignore_adverts` is set to: bare, or a boolean (2.3.3 says nothing of one set to false). */
const IGNORES_ADVERTS = new Set(["true", "yes", "on"]);

export const nopreemptMaster: KeepalivedRule = {
  meta: {
    id: "KA036",
    alias: "nopreempt-master",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "nopreempt or preempt_delay is set on an instance with state MASTER (nopreempt: or priority 255), preempt_delay beside nopreempt, or owner_ignore_adverts below priority 255, and keepalived clears it",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const ownerSettings = compareVersions(model.version, "2.3") >= 0;
    for (const instance of vrrpView(model).instances) {
      // The address owner (priority 255) always takes over: "nopreempt is incompatible with priority 255. resetting nopreempt".
      const owner = instance.setting("priority");
      if (ownerSettings && instance.priorityCertain && instance.priority !== 255) {
        for (const { statement, uri } of instance.statements("owner_ignore_adverts")) {
          const value = statement.wordValue(1);
          if (isConditional(statement) || (value !== undefined && !IGNORES_ADVERTS.has(value))) continue;
          report({
            range: statement.keyword.range,
            uri,
            message: `owner_ignore_adverts applies only to the address owner (priority 255), and this instance has priority ${instance.explicitPriority ? instance.priority : "100 (the default)"}; keepalived ignores it`,
            ...(owner?.statement.args[0] ? { related: [{ uri: owner.uri, range: owner.statement.args[0].range, message: `priority ${instance.priority}` }] } : {}),
            suggestions: removal(model, uri, statement),
          });
        }
      }
      if (owner?.int === 255 && owner.certain) {
        for (const { statement, uri } of instance.statements("nopreempt")) {
          if (isConditional(statement)) continue;
          report({
            range: statement.keyword.range,
            uri,
            message: "nopreempt does not work with priority 255 (the address owner always takes over); keepalived clears it",
            related: [{ uri: owner.uri, range: owner.statement.args[0]!.range, message: "priority 255" }],
            suggestions: removal(model, uri, statement),
          });
        }
      }
      const nopreempt = instance.statements("nopreempt").find(({ statement }) => !isConditional(statement));
      // With state MASTER keepalived clears both first (below).
      const master = instance.state.value === "MASTER";
      // The address owner's nopreempt is cleared first (above), and its preempt_delay then stays.
      if (nopreempt && !instance.strict && !master && !(owner?.int === 255 && owner.certain)) {
        for (const { statement, uri } of instance.statements("preempt_delay")) {
          if (isConditional(statement) || intOf(statement.args[0]) === 0) continue;
          report({
            range: statement.keyword.range,
            uri,
            message: "preempt_delay delays taking the master role back, but with nopreempt the instance never takes it back; keepalived clears it",
            related: [{ uri: nopreempt.uri, range: nopreempt.statement.keyword.range, message: "nopreempt" }],
            suggestions: removal(model, uri, statement),
          });
        }
      }
      const state = instance.state;
      // Without a `state` line the address owner starts as MASTER: keepalived 2.2.7 and 2.3.3 clear its
      // preempt_delay ("preempt delay will not work with initial state MASTER"); with `state BACKUP` they do not.
      const ownerStartsMaster = !state.statement && state.certain && owner?.int === 255 && owner.certain;
      if (ownerStartsMaster && !instance.strict) {
        for (const { statement, uri } of instance.statements("preempt_delay")) {
          if (isConditional(statement) || intOf(statement.args[0]) === 0) continue;
          report({
            range: statement.keyword.range,
            uri,
            message: "preempt_delay only works on an instance that starts as BACKUP; without a state line the address owner (priority 255) starts as MASTER and keepalived clears it",
            related: [{ uri: owner.uri, range: owner.statement.args[0]!.range, message: "priority 255" }],
            suggestions: removal(model, uri, statement),
          });
        }
      }
      if (state.value !== "MASTER" || !state.certain || !state.statement) continue;
      for (const { statement, uri } of bothOf(instance.statements("nopreempt"), instance.statements("preempt_delay"))) {
        if (isConditional(statement)) continue;
        const keyword = statement.keyword.value;
        if (keyword === "preempt_delay" && intOf(statement.args[0]) === 0) continue;
        // Under strict mode preempt_delay is reported by strict-conflicts.
        if (keyword === "preempt_delay" && instance.strict) continue;
        report({
          range: statement.keyword.range,
          uri,
          message: `${keyword} only works on an instance that starts as BACKUP; with state MASTER keepalived clears it`,
          related: [{ uri: state.uri, range: state.statement.args[0]!.range, message: "state MASTER" }],
          suggestions: [replaceRange(state.statement.args[0]!.range, "BACKUP", `start as BACKUP, so that ${keyword} applies`), ...removal(model, uri, statement)],
        });
      }
    }
  },
};
