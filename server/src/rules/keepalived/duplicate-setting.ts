// KA013: a single-valued keyword given twice in one block, and a tracker listed twice. keepalived
// 2.2.7 keeps the last value for most keywords without a word; it keeps the first `notify*` script
// and the first tracker entry and reports the others; a `state MASTER` is never undone by a later
// `state BACKUP`. Only keywords known to take one value are checked, so list-like keywords and
// value blocks are never reported. Statements for different hosts (`@a` / `@b`) are alternatives.
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { removeLineFix } from "../../lint/fixes.js";
import type { Fix, KeepalivedRule } from "../../lint/rule.js";
import type { KeepalivedModel } from "./model.js";
import { TOP, type PlacedBlock, type PlacedStatement } from "./model.js";
import { BlockView, isDynamic, TRACKERS } from "./vrrp.js";

/**
 * Whether a block is opaque only because of template tags (`{% if tls %}`, `{{ end }}`): two
 * settings in it are then still two settings, and those in exclusive branches of a template
 * conditional are let go where findings are kept (lint/templates.ts). A `$VAR` or `$NAME=` line, or
 * an include that was not followed, may hold anything: such a block is not judged.
 */
function opaqueByTemplatesOnly(view: BlockView): boolean {
  if (view.model.unresolvedIncludes.size > 0) return false;
  return view.statements().every(({ statement }) => !isDynamic(statement.keyword) || /^(?:\{\{|\{%|\{#|<%)/.test(statement.keyword.text));
}

const NOTIFY = ["notify_master", "notify_backup", "notify_fault", "notify_stop", "notify", "notify_master_rx_lower_pri", "notify_deleted"];
const CHECKER = ["connect_timeout", "connect_port", "connect_ip", "bindto", "bind_port", "retry", "delay_before_retry", "nb_get_retry", "warmup", "fwmark"];

/** Keywords that take one value, per block id. */
const SCALARS: Readonly<Record<string, readonly string[]>> = {
  global_defs: [
    "router_id", "vrrp_mcast_group4", "vrrp_mcast_group6", "script_user", "vrrp_version", "smtp_server", "smtp_connect_timeout",
    "notification_email_from", "default_interface", "vrrp_garp_master_delay", "vrrp_garp_master_repeat", "vrrp_garp_master_refresh",
    "vrrp_garp_master_refresh_repeat", "vrrp_garp_interval", "vrrp_gna_interval", "lvs_id", "max_auto_priority", "notify_fifo",
    "notify_fifo_script", "vrrp_notify_fifo", "vrrp_notify_fifo_script", "lvs_notify_fifo", "lvs_notify_fifo_script", "vrrp_priority",
    "checker_priority", "bfd_priority", "lvs_sync_daemon", "vrrp_startup_delay",
  ],
  vrrp_instance: [
    "state", "interface", "virtual_router_id", "priority", "advert_int", "unicast_src_ip", "mcast_src_ip", "mcast_dst_ip", "version",
    "preempt_delay", "garp_master_delay", "garp_master_repeat", "garp_master_refresh", "garp_master_refresh_repeat", "garp_lower_prio_delay",
    "garp_lower_prio_repeat", "down_timer_adverts", "unicast_ttl", "debug", "vrf", "use_vmac", "strict_mode", "lower_prio_no_advert",
    "higher_prio_send_advert", ...NOTIFY,
  ],
  "vrrp_instance>authentication": ["auth_type", "auth_pass"],
  vrrp_sync_group: NOTIFY,
  vrrp_script: ["script", "interval", "timeout", "weight", "rise", "fall", "user"],
  vrrp_track_process: ["process", "weight", "quorum", "quorum_max", "delay", "fork_delay", "terminate_delay"],
  track_file: ["file", "weight", "init_file"],
  vrrp_track_file: ["file", "weight", "init_file"],
  bfd_instance: ["neighbor_ip", "neighbour_ip", "source_ip", "min_rx", "min_tx", "idle_tx", "multiplier", "ttl", "hoplimit", "max_hops", "weight"],
  virtual_server: [
    "delay_loop", "lb_algo", "lvs_sched", "lb_kind", "lvs_method", "protocol", "persistence_timeout", "persistence_granularity", "virtualhost",
    "sorry_server", "quorum", "hysteresis", "quorum_up", "quorum_down", "ip_family", "retry", "delay_before_retry", "warmup",
  ],
  "virtual_server>real_server": ["weight", "notify_up", "notify_down", "retry", "delay_before_retry", "warmup"],
  "virtual_server>real_server>TCP_CHECK": CHECKER,
  "virtual_server>real_server>HTTP_GET": CHECKER,
  "virtual_server>real_server>SSL_GET": CHECKER,
  "virtual_server>real_server>SMTP_CHECK": CHECKER,
  "virtual_server>real_server>DNS_CHECK": [...CHECKER, "type", "name"],
  "virtual_server>real_server>UDP_CHECK": [...CHECKER, "payload"],
  "virtual_server>real_server>PING_CHECK": CHECKER,
  "virtual_server>real_server>MISC_CHECK": ["misc_path", "misc_timeout", "user", "warmup"],
  // A url checks one path on one virtual host: a second `path` replaces the first (measured: silent).
  "virtual_server>real_server>HTTP_GET>url": ["path", "virtualhost"],
  "virtual_server>real_server>SSL_GET>url": ["path", "virtualhost"],
};

const NONE: readonly string[] = [];
const TRACKER_BLOCKS: ReadonlySet<string> = new Set(TRACKERS.map(({ block }) => block));

function isTrackerBlock(placed: PlacedBlock): boolean {
  return placed.keyword !== undefined && TRACKER_BLOCKS.has(placed.keyword);
}

/** The keywords of `scalars` that stand more than once among `statements`, in the order of `scalars`. */
function repeatedKeywords(statements: readonly PlacedStatement[], scalars: readonly string[]): readonly string[] {
  let twice: Set<string> | undefined;
  if (statements.length <= 32) {
    // A small block (most are): compare the lines' keywords with each other rather than make a map.
    for (let i = 1; i < statements.length; i++) {
      const keyword = statements[i]!.keyword;
      for (let j = 0; j < i; j++) {
        if (statements[j]!.keyword === keyword) {
          (twice ??= new Set()).add(keyword);
          break;
        }
      }
    }
  } else {
    const once = new Set<string>();
    for (const { keyword } of statements) {
      if (once.has(keyword)) (twice ??= new Set()).add(keyword);
      else once.add(keyword);
    }
  }
  return twice === undefined ? NONE : scalars.filter((keyword) => twice.has(keyword));
}

function sameWords(a: Statement, b: Statement): boolean {
  return a.words.length === b.words.length && a.words.every((word, i) => word.text === b.words[i]!.text);
}

/**
 * Removing the line keepalived does without (`unused`, standing in `uri`) changes nothing but the
 * text: `--fix` does it for a repeat of the same line, an editor offers it otherwise. Nothing is
 * offered for a statement that shares its line.
 */
function removal(model: KeepalivedModel, uri: string, unused: Statement, identical: boolean, description: string): { fix?: Fix; suggestions?: Fix[] } {
  const lines = model.linesOf(uri);
  const fix = lines && removeLineFix(lines, unused.range, description, "#!");
  return !fix ? {} : identical ? { fix } : { suggestions: [fix] };
}

/** Whether two statements are both read on some host: different `@id`s are alternatives. */
function together(a: Statement, b: Statement): boolean {
  if (a.sequence || b.sequence) return false;
  return !a.configId || !b.configId || a.configId.text === b.configId.text;
}

export const duplicateSetting: KeepalivedRule = {
  meta: {
    id: "KA013",
    alias: "duplicate-setting",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "a single-valued keyword or a tracker is given twice in one block",
    fixable: true,
    native: "partly",
  },
  check({ model, report }) {
    const blocks = model.blocks;
    for (let b = 0; b < blocks.length; b++) {
      const placed = blocks[b]!;
      if (placed.id === undefined) continue;
      // Nested blocks have ids of their parents' ids: `vrrp_instance>authentication`.
      const scalars = SCALARS[placed.id];
      const tracks = (placed.id === "vrrp_instance" || placed.id === "vrrp_sync_group") && placed.parentId === TOP && placed.blocks.some(isTrackerBlock);
      // Most blocks set each keyword once and track nothing twice: nothing to look at.
      const repeated = scalars ? repeatedKeywords(placed.statements, scalars) : [];
      if (repeated.length === 0 && !tracks) continue;
      const view = new BlockView(model, placed);
      if (view.opaque && !opaqueByTemplatesOnly(view)) continue;
      for (const keyword of repeated) {
        const all = view.statements(keyword);
        for (let i = 1; i < all.length; i++) {
          const later = all[i]!;
          const before = all.slice(0, i).filter((candidate) => together(candidate.statement, later.statement));
          if (before.length === 0) continue;
          const master = keyword === "state" && later.statement.args[0]?.value !== "MASTER" ? before.find(({ statement }) => statement.args[0]?.value === "MASTER") : undefined;
          // The line named is the one keepalived keeps where it keeps one (the first notify script, the
          // MASTER state: a third `notify` is ignored for the first, not for the second), else the nearest.
          const earlier = NOTIFY.includes(keyword) ? before[0]! : (master ?? before[before.length - 1]!);
          const line = earlier.uri === later.uri ? `line ${earlier.statement.range.start.line + 1}` : earlier.uri;
          let outcome: string;
          let keepsFirst = true;
          if (NOTIFY.includes(keyword)) outcome = "keepalived keeps the first one and ignores this one";
          else if (master) {
            outcome = "keepalived keeps MASTER and ignores this one";
          } else {
            outcome = "keepalived silently uses this last one";
            keepsFirst = false;
          }
          const identical = sameWords(earlier.statement, later.statement);
          const unused = keepsFirst || identical ? later : earlier;
          report({
            range: later.statement.keyword.range,
            uri: later.uri,
            message: `'${keyword}' is already set on ${line}; ${outcome}`,
            related: [{ uri: earlier.uri, range: earlier.statement.keyword.range, message: `the other '${keyword}'` }],
            ...removal(model, unused.uri, unused.statement, identical, unused === later ? "remove this line" : `remove the earlier '${keyword}' (${line}), which keepalived overrides`),
          });
        }
      }
      if (!tracks) continue;
      for (const { block } of TRACKERS) {
        const entries = view.entries(block);
        for (let i = 1; i < entries.length; i++) {
          const later = entries[i]!;
          const name = later.word.value;
          if (name.includes("$") || name.includes("{{")) continue;
          const earlier = entries.slice(0, i).find((entry) => entry.word.value === name && together(entry.statement, later.statement));
          if (!earlier) continue;
          report({
            range: later.word.range,
            uri: later.uri,
            message: `'${name}' is already in ${block} (${earlier.uri === later.uri ? `line ${earlier.word.range.start.line + 1}` : earlier.uri}); keepalived ignores this entry and its options`,
            related: [{ uri: earlier.uri, range: earlier.word.range, message: `the first '${name}'` }],
            ...removal(model, later.uri, later.statement, sameWords(earlier.statement, later.statement), "remove this entry"),
          });
        }
      }
    }
  },
};
