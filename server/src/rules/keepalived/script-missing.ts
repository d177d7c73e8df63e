// KA050: a definition without what it runs or watches. keepalived 2.2.7 drops each of them:
// a vrrp_script without `script` ("No script set for vrrp_script NAME - removing"), a
// vrrp_track_process without `process` ("track process 'NAME' process name not specified"), a
// track_file without `file` ("No file set for track_file NAME - ignoring"), and a MISC_CHECK
// without `misc_path` ("No script path has been specified for MISC_CHECKER - skipping"). Every
// instance that tracks the first three then goes on without them ("track script NAME not found"):
// the health check the configuration counts on for failover does not exist. A line without its
// value (`script` alone, dropped by a template or an edit) counts as none, as it does for keepalived,
// and so does an empty script (`script ""`).
import type { KeepalivedRule } from "../../lint/rule.js";
import { throughClose } from "./model.js";
import { isDynamicText, vrrpView } from "./vrrp.js";

export const scriptMissing: KeepalivedRule = {
  meta: {
    id: "KA050",
    alias: "script-missing",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a vrrp_script, track process, track file or MISC_CHECK without what it runs or watches, which keepalived drops",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    for (const { keyword, needs, what } of TRACKERS) {
      for (const [name, blocks] of model.definitions(keyword)) {
        const tracker = view.definition(keyword, name);
        // A line without its value counts as none (measured: `script` alone is "No script set").
        // So does an empty script (`script ""`, `script '' /bin/x`: "No script set"; keepalived's command
        // reader takes quotes off; found by the eleventh mutation round); an empty `process` or `file` passes `-t`.
        if (!tracker || tracker.opaque || blocks.length === 0 || tracker.statements(needs).some(({ statement }) => statement.args.length > 0 && (needs !== "script" || commandName(statement.args.map((word) => word.text).join(" ")) !== ""))) continue;
        report({
          range: throughClose((tracker.nameWord ?? tracker.header!.keyword).range, tracker.block),
          uri: tracker.uri,
          message: `${keyword} '${name}' has no '${needs}' line; keepalived removes it, and the instances that track it go on without ${what}`,
        });
      }
    }
    // Without a MISC_CHECK block anywhere, the real servers need not be read.
    if (view.opaque || !model.holdsKeyword("MISC_CHECK")) return;
    for (const server of view.virtualServers) {
      for (const real of server.blocks("real_server")) {
        for (const check of real.blocks) {
          if (check.keyword !== "MISC_CHECK" || check.statements.some(({ statement }) => (statement.keyword.value === "misc_path" && statement.args.length > 0) || isDynamicText(statement.keyword.text))) continue;
          report({ uri: check.uri, range: throughClose(check.block.header!.keyword.range, check.block), message: "this MISC_CHECK has no 'misc_path'; keepalived skips the check, so the real server is never taken out" });
        }
      }
    }
  },
};

/**
 * The program a command line names, as keepalived's command reader splits it: blanks end it, and
 * quotes (single or double) are taken off (`'' /bin/x` names none; `' /bin/x '` names ` /bin/x `).
 */
function commandName(text: string): string {
  let name = "";
  let quote: string | undefined;
  for (const char of text.trimStart()) {
    if (quote ? char === quote : char === "'" || char === '"') quote = quote ? undefined : char;
    else if (!quote && /\s/.test(char)) break;
    else name += char;
  }
  return name;
}

/** Definitions and the keyword each cannot do without. */
const TRACKERS = [
  { keyword: "vrrp_script", needs: "script", what: "the check" },
  { keyword: "vrrp_track_process", needs: "process", what: "watching the process" },
  { keyword: "track_file", needs: "file", what: "reading the file" },
  { keyword: "vrrp_track_file", needs: "file", what: "reading the file" },
] as const;
