// KA019: a vrrp_script whose `timeout` is not below its `interval`. keepalived starts the script
// every interval and kills it after `timeout` (the interval when no timeout is set); while a run is
// still going, the next ones are skipped ("already running … skipping run"). A timeout longer than
// the interval therefore makes a hanging check run less often than configured and delays the
// failover; a timeout equal to the interval (also the default) leaves no margin. `fall`/`rise` 0
// are out-of-range values and belong to the argument checks.
import { indentOf, insertLinesFix, opensLine, replaceRange, wholeLines } from "../../lint/fixes.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import type { KeepalivedModel, PlacedBlock } from "./model.js";
import type { Setting } from "./view-values.js";
import { intOf, vrrpView } from "./vrrp.js";

/**
 * A timeout one second below the interval, offered in an editor (how long the script may take is
 * for a person to say): after the `interval` line, else after the block's header. Nothing for an
 * interval of one second, where no whole-second timeout is below it.
 */
function addTimeout(model: KeepalivedModel, placed: PlacedBlock, interval: number, intervalSetting: Setting | undefined): { suggestions?: Fix[] } {
  const lines = model.linesOf(placed.uri);
  const header = placed.block.header;
  if (interval < 2 || !lines || !header) return {};
  const description = `add 'timeout ${interval - 1}'`;
  const line = [`timeout ${interval - 1}`];
  const after = intervalSetting && intervalSetting.uri === placed.uri && wholeLines(lines, intervalSetting.statement.range, "#!") ? intervalSetting.statement : undefined;
  let fix: Fix | undefined;
  if (after) fix = insertLinesFix(lines, after.range, line, indentOf(lines, after.keyword.range), description);
  else if (opensLine(lines, header.range.start.offset, placed.block.open.range.end.offset)) {
    const first = placed.statements[0];
    fix = insertLinesFix(lines, header.range, line, (first && indentOf(lines, first.statement.keyword.range)) || "    ", description);
  }
  return fix ? { suggestions: [fix] } : {};
}

export const scriptTiming: KeepalivedRule = {
  meta: {
    id: "KA019",
    alias: "script-timing",
    product: "keepalived",
    severity: "warning",
    category: "best-practice",
    description: "a vrrp_script's timeout is not shorter than its interval",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const [name, blocks] of model.definitions("vrrp_script")) {
      const script = view.definition("vrrp_script", name);
      if (!script || script.opaque || blocks.length === 0) continue;
      const intervalSetting = script.setting("interval");
      const timeoutSetting = script.setting("timeout");
      if ((intervalSetting && !intervalSetting.certain) || (timeoutSetting && !timeoutSetting.certain)) continue;
      // keepalived raises both to at least one second.
      const interval = Math.max(1, intOf(intervalSetting?.value) ?? 1);
      if (intervalSetting && intOf(intervalSetting.value) === undefined) continue;
      if (!timeoutSetting) {
        report({
          range: script.nameWord!.range,
          uri: script.uri,
          severity: "info",
          message: `vrrp_script '${name}' has no timeout, so a hanging run is killed only after the whole interval (${interval}s) and the next run is skipped; set a timeout below the interval`,
          ...addTimeout(model, script.placed, interval, intervalSetting),
        });
        continue;
      }
      const raw = intOf(timeoutSetting.value);
      if (raw === undefined) continue;
      const timeout = Math.max(1, raw);
      if (timeout < interval) continue;
      report({
        range: timeoutSetting.value!.range,
        uri: timeoutSetting.uri,
        severity: timeout > interval ? "warning" : "info",
        message:
          timeout > interval
            ? `timeout ${timeout}s is longer than the interval ${interval}s: while a run hangs, keepalived skips the next runs, so the check runs less often than configured`
            : `timeout ${timeout}s equals the interval: a hanging run is killed only when the next one is due, and that one is skipped; set a timeout below the interval`,
        ...(interval >= 2 ? { suggestions: [replaceRange(timeoutSetting.value!.range, String(interval - 1), `set the timeout to ${interval - 1}`)] } : {}),
      });
    }
  },
};
