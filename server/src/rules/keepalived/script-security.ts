// KA018: scripts without `enable_script_security`. keepalived runs every script (vrrp_script, the
// notify scripts, MISC_CHECK, fifo scripts) as root unless told otherwise, and `keepalived -t` exits
// 6 with "SECURITY VIOLATION - scripts are being executed but script_security not enabled". With
// `enable_script_security` but no `script_user`, scripts run as the user `keepalived_script`: when
// that user does not exist on the host, keepalived removes every script that has no user of its own
// and tracking silently stops (host-dependent, so only advice).
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { indentOf, insertLinesFix, opensLine } from "../../lint/fixes.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import { TOP, type KeepalivedModel } from "./model.js";

/** Keywords that name a script to run, per block id, and the argument that names its user. */
const SCRIPTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  global_defs: { notify_fifo_script: 1, vrrp_notify_fifo_script: 1, lvs_notify_fifo_script: 1 },
  vrrp_script: { script: -1 },
  vrrp_instance: { notify_master: 1, notify_backup: 1, notify_fault: 1, notify_stop: 1, notify: 1, notify_master_rx_lower_pri: 1, notify_deleted: 1 },
  vrrp_sync_group: { notify_master: 1, notify_backup: 1, notify_fault: 1, notify_stop: 1, notify: 1 },
  virtual_server: { quorum_up: 1, quorum_down: 1 },
  "virtual_server>real_server": { notify_up: 1, notify_down: 1 },
  "virtual_server>real_server>MISC_CHECK": { misc_path: -1 },
};

/** The keywords of `SCRIPTS`. */
const SCRIPT_KEYWORDS: readonly string[] = [...new Set(Object.values(SCRIPTS).flatMap((keywords) => Object.keys(keywords)))];

/**
 * `enable_script_security` with `script_user root` (unless a script_user is set), which keeps the
 * scripts running as they do now while keepalived refuses those that others can change: in the
 * first global_defs block, or in a new one before the file's first block. Offered in an editor
 * only: a script in a directory others can write stops running.
 */
function enableSuggestion(model: KeepalivedModel): { suggestions?: Fix[] } {
  const lines = ["enable_script_security", ...(model.withKeyword("script_user").some(({ blockId }) => blockId === "global_defs") ? [] : ["script_user root"])];
  const description = `add ${lines.map((line) => `'${line}'`).join(" and ")} to global_defs`;
  const globals = model.blocksWithId("global_defs").find((placed) => placed.block.header);
  if (globals) {
    const text = model.linesOf(globals.uri);
    const header = globals.block.header!;
    const first = globals.statements[0];
    if (!text || !opensLine(text, header.range.start.offset, globals.block.open.range.end.offset)) return {};
    const fix = insertLinesFix(text, header.range, lines, (first && indentOf(text, first.statement.keyword.range)) || "    ", description);
    return fix ? { suggestions: [fix] } : {};
  }
  const root = model.files[0];
  const firstBlock = model.blocks.find((placed) => placed.uri === root?.uri && placed.within === undefined);
  if (!root || !firstBlock) return {};
  const at = firstBlock.block.range.start.offset;
  const start = at - (firstBlock.block.range.start.column ?? 0);
  const text = ["global_defs {", ...lines.map((line) => `    ${line}`), "}", "", ""].join("\n");
  return { suggestions: [{ description, edits: [{ start, end: start, newText: text }] }] };
}

export const scriptSecurity: KeepalivedRule = {
  meta: {
    id: "KA018",
    alias: "script-security",
    product: "keepalived",
    severity: "warning",
    category: "security",
    description: "scripts run without enable_script_security, or with it but no script_user",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const scripts: { statement: Statement; uri: string; ownUser: boolean; order: number }[] = [];
    for (const keyword of SCRIPT_KEYWORDS) {
      for (const placed of model.withKeyword(keyword)) {
        const { statement, blockId } = placed;
        const userArg = SCRIPTS[blockId]?.[keyword];
        if (userArg === undefined || statement.args.length === 0) continue;
        let ownUser = userArg > 0 && statement.args.length > userArg;
        // A vrrp_script or MISC_CHECK names its user with its own `user` keyword.
        if (userArg < 0 && placed.within) ownUser = placed.within.statements.some((s) => s.statement.keyword.value === "user");
        scripts.push({ statement, uri: placed.uri, ownUser, order: placed.order });
      }
    }
    if (scripts.length === 0) return;
    // In the order keepalived reads them.
    scripts.sort((a, b) => a.order - b.order);
    const inGlobals = (keyword: string) => model.withKeyword(keyword).find(({ blockId }) => blockId === "global_defs");
    const enable = inGlobals("enable_script_security");
    const first = scripts[0]!;
    if (!enable) {
      // A global_defs we cannot see may hold the setting.
      if (model.withKeyword("include").some((s) => (s.blockId === TOP || s.blockId === "global_defs") && model.unresolvedIncludes.has(s.statement))) return;
      // keepalived reports the violation for any script, whoever it runs as; "as root" only when one does.
      const globalUser = inGlobals("script_user")?.statement.args[0]?.value;
      const asRoot = (globalUser === undefined || globalUser === "root") && scripts.some(({ ownUser }) => !ownUser) ? " as root" : "";
      report({
        range: first.statement.keyword.range,
        uri: first.uri,
        message: `${scripts.length === 1 ? "this script runs" : `this and ${scripts.length - 1} other script${scripts.length > 2 ? "s" : ""} run`}${asRoot} without 'enable_script_security' in global_defs; keepalived -t reports a security violation`,
        related: scripts.slice(1, 6).map(({ statement, uri }) => ({ uri, range: statement.keyword.range, message: `script '${statement.keyword.value}'` })),
        ...enableSuggestion(model),
      });
      return;
    }
    if (inGlobals("script_user")) return;
    const needy = scripts.filter(({ ownUser }) => !ownUser);
    if (needy.length === 0) return;
    report({
      range: enable.statement.keyword.range,
      uri: enable.uri,
      severity: "info",
      message:
        "without 'script_user', scripts run as the user 'keepalived_script'; if that user does not exist on the host, keepalived removes them and tracking silently stops",
    });
  },
};
