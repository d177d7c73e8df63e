// Incremental checks of a big keepalived.conf: the top-level vrrp_instance and virtual_server
// blocks an edit touches are checked again with the rules whose findings there depend on the block
// and the rest of the file but not on the other such blocks (KEEPALIVED_SCOPED); every other rule
// runs over the whole file. Same findings as lint(): test/service/incremental-lint.test.ts compares
// them after random edits of every corpus file. A file with includes is always checked whole.
import type { KeepalivedItem, Statement } from "../../../grammars/keepalived/ast.js";
import { ConfigNode } from "../../../grammars/keepalived/containers.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { ruleSteps } from "../lint/lint.js";
import { keepalivedRules } from "../lint/registry.js";
import { KeepalivedModel } from "../rules/keepalived/model.js";
import { isDynamic } from "../rules/keepalived/vrrp.js";
import { collect, IncrementalLinter, type Units } from "./incremental-lint.js";

/** The blocks that make a keepalived file big, each checked on its own when an edit touches it. */
const MOVABLE: ReadonlySet<string> = new Set(["vrrp_instance", "virtual_server"]);

/**
 * Rules whose findings in a vrrp_instance or virtual_server block depend only on that block and on
 * what is not such a block (global_defs, scripts, groups, definitions), and that report nothing
 * elsewhere because of one.
 */
export const KEEPALIVED_SCOPED: ReadonlySet<string> = new Set([
  "KA001", "KA002", "KA003", "KA004", "KA005", "KA006", "KA007", "KA008", "KA009", "KA010", "KA011", "KA012", "KA013",
  "KA014", "KA016", "KA019", "KA020", "KA021", "KA022", "KA024", "KA025", "KA026", "KA027", "KA028", "KA029", "KA030",
  "KA031", "KA033", "KA034", "KA035", "KA036", "KA037", "KA038", "KA041", "KA042", "KA044", "KA045", "KA046", "KA047", "KA048",
  "KA049", "KA050", "KA051", "KA053", "KA055", "KA056", "KA057", "KA058", "KA059", "KA061", "KA062", "KA063",
]);

/** The rules that run over the whole file after every edit, and why (see HAPROXY_WHOLE_FILE). */
export const KEEPALIVED_WHOLE_FILE: ReadonlyMap<string, string> = new Map([
  ["KA052", "the email alerts of every instance and virtual server are judged against global_defs together"],
  ["KA054", "a virtual_server's address is looked for among the addresses of every instance"],
  ["KA060", "a virtual_server_group is used when any virtual_server names it"],
]);

/**
 * What a whole-file rule reads of a vrrp_instance or virtual_server block: its statements that
 * `keep` selects (nested ones too), each with the headers of the blocks around it, and, whatever
 * `keep` says, every block header, definition and stray brace (the shape of the block). A generous
 * reading is only slower, never wrong.
 */
function reading(item: KeepalivedItem, keep: (statement: Statement, path: readonly string[]) => boolean): string {
  const out: string[] = [];
  const walk = (node: KeepalivedItem, path: readonly string[]) => {
    if (node.kind === "statement") {
      if (keep(node, path)) out.push(`${path.join(">")}|${node.range.text}`);
    } else if (node.kind === "block") {
      const inner = node.header ? [...path, node.header.keyword.value] : path;
      out.push(`${inner.join(">")}{${node.header?.range.text ?? ""}`);
      for (const child of node.items) walk(child, inner);
      out.push("}");
    } else out.push(node.range.text);
  };
  walk(item, []);
  return out.join("\n");
}

/** Statements lblint cannot read before run time, or that pull in more: they make a block opaque. */
const shapeless = (statement: Statement) => isDynamic(statement.keyword) || statement.keyword.value === "include" || statement.keyword.value.startsWith("$");

/** Keywords that name a script to run (KA018 reads them, and the `user` of a MISC_CHECK). */
const SCRIPT_KEYWORDS: ReadonlySet<string> = new Set([
  "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify", "notify_master_rx_lower_pri", "notify_deleted",
  "quorum_up", "quorum_down", "notify_up", "notify_down", "misc_path", "user",
]);

/**
 * Whole-file rules whose findings cannot change while what they read of each touched block stays
 * the same (see Units.stable): typing in a big keepalived.conf does not run them again.
 */
/** The VIPs of an instance; the address, port and protocol of a virtual_server (its header). */
const addresses = (item: KeepalivedItem) =>
  reading(
    item,
    (statement, path) =>
      path.some((keyword) => keyword.startsWith("virtual_ipaddress")) || statement.keyword.value.startsWith("virtual_ipaddress") || statement.keyword.value === "protocol" || shapeless(statement),
  );

/** What tells VRRP instances apart on the wire: VRID, interface, addresses and peers, family. */
const IDENTITY: ReadonlySet<string> = new Set(["virtual_router_id", "interface", "mcast_dst_ip", "mcast_src_ip", "unicast_src_ip", "native_ipv6"]);
const identity = (item: KeepalivedItem) =>
  reading(
    item,
    (statement, path) =>
      IDENTITY.has(statement.keyword.value) ||
      path.some((keyword) => keyword.startsWith("virtual_ipaddress") || keyword === "unicast_peer") ||
      statement.keyword.value.startsWith("virtual_ipaddress") ||
      statement.keyword.value === "unicast_peer" ||
      shapeless(statement),
  );

/** An instance's priority, state, interface and VRID, and its trackers with their weights. */
const TRACKING: ReadonlySet<string> = new Set(["priority", "state", "interface", "virtual_router_id"]);
const isTracking = (statement: Statement, path: readonly string[]) =>
  TRACKING.has(statement.keyword.value) || path.some((keyword) => keyword.startsWith("track")) || statement.keyword.value.startsWith("track") || shapeless(statement);
const tracking = (item: KeepalivedItem) => reading(item, isTracking);

export const KEEPALIVED_STABLE: ReadonlyMap<string, (item: KeepalivedItem) => string> = new Map([
  // KA015 (duplicate-vrid): what tells instances apart on the wire.
  ["KA015", identity],
  // KA023 (ineffective-weight) and KA043 (tracker-ignored): priorities and the trackers' weights.
  ["KA023", tracking],
  ["KA043", tracking],
  // KA017 (unused-script): the tracker entries of an instance, the track_file of a FILE_CHECK.
  [
    "KA017",
    (item: KeepalivedItem) =>
      reading(item, (statement, path) => path.some((keyword) => keyword.startsWith("track") || keyword === "FILE_CHECK") || statement.keyword.value.startsWith("track") || shapeless(statement)),
  ],
  // KA018 (script-security): the scripts a block runs, and who runs them.
  ["KA018", (item: KeepalivedItem) => reading(item, (statement) => SCRIPT_KEYWORDS.has(statement.keyword.value) || shapeless(statement))],
  // KA032 (sync-group): the names of the instances, which are in their headers.
  ["KA032", (item: KeepalivedItem) => reading(item, shapeless)],
  // KA039 (duplicate-vip) and KA040 (virtual-server-without-vip): VIPs and virtual_server addresses.
  ["KA039", addresses],
  ["KA040", addresses],
]);

function movable(item: KeepalivedItem): boolean {
  return item.kind === "block" && item.header !== undefined && !item.header.prefixOnly && MOVABLE.has(item.header.keyword.value) && item.close !== undefined;
}

function keepalivedUnits(uri: string): Units<KeepalivedParseResult, KeepalivedItem> {
  return {
    product: "keepalived",
    scoped: KEEPALIVED_SCOPED,
    stable: KEEPALIVED_STABLE,
    units: (parse) => parse.ast.items,
    start: (item) => item.range.start,
    movable,
    // The header (`vrrp_instance VI_1`, `virtual_server 10.0.0.1 80`) names the block for the others.
    signature: (item) => (item.kind === "block" && item.header ? item.header.words.map((word) => word.value).join(" ") : ""),
    sameOutside: () => true,
    context: () => false,
    run(parse, items, config, wanted, add) {
      const view: KeepalivedParseResult = items ? { ...parse, ast: new ConfigNode(items, parse.ast.range) } : parse;
      const model = new KeepalivedModel([{ uri, parse: view }], [], config.targets.keepalived);
      return ruleSteps(keepalivedRules().filter((rule) => wanted(rule.meta.id)), model, config, uri, collect(uri, add));
    },
  };
}

/** The incremental checker of an open keepalived file without includes. */
export class KeepalivedLinter extends IncrementalLinter<KeepalivedParseResult, KeepalivedItem> {
  constructor(uri: string) {
    super(keepalivedUnits(uri));
  }
}
