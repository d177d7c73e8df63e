// KA017: a vrrp_script, vrrp_track_process or track_file that nothing tracks. keepalived never runs
// an unused script; the daemon logs "script … is not used" when it starts, `keepalived -t` says
// nothing. Usually a tracker was forgotten in an instance, or renamed on one side only.
import type { KeepalivedRule } from "../../lint/rule.js";
import { isDynamic, TRACKERS, vrrpView } from "./vrrp.js";

const KINDS = [
  { keywords: ["vrrp_script"], kind: "script" },
  { keywords: ["vrrp_track_process"], kind: "process" },
  { keywords: ["track_file", "vrrp_track_file"], kind: "file" },
] as const;

export const unusedScript: KeepalivedRule = {
  meta: {
    id: "KA017",
    alias: "unused-script",
    product: "keepalived",
    severity: "info",
    category: "reference",
    description: "a vrrp_script, vrrp_track_process or track_file is tracked by nothing",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Without a definition there is nothing to report: the trackers of every instance need not be read.
    if (KINDS.every(({ keywords }) => keywords.every((keyword) => model.definitions(keyword).size === 0))) return;
    const view = vrrpView(model);
    if (view.opaque) return;
    const used = new Map<string, Set<string>>(KINDS.map(({ kind }) => [kind, new Set<string>()]));
    for (const tracking of [...view.instances, ...view.syncGroups]) {
      for (const block of TRACKERS) {
        for (const entry of tracking.entries(block.block)) {
          // A computed name may be any of them.
          if (isDynamic(entry.word)) return;
          used.get(block.kind)?.add(entry.word.value);
        }
      }
    }
    for (const { statement, blockId } of model.withKeyword("track_file")) {
      if (blockId.endsWith(">FILE_CHECK") && statement.args[0]) {
        if (isDynamic(statement.args[0])) return;
        used.get("file")!.add(statement.args[0].value);
      }
    }
    for (const { keywords, kind } of KINDS) {
      for (const keyword of keywords) {
        for (const [name, blocks] of model.definitions(keyword)) {
          if (used.get(kind)!.has(name) || name.includes("$") || name.includes("{{")) continue;
          const placed = blocks[0]!;
          report({
            range: placed.block.header!.args[0]!.range,
            uri: placed.uri,
            message: `${keyword} '${name}' is not tracked by any vrrp_instance or sync group; keepalived never runs it`,
          });
        }
      }
    }
  },
};
