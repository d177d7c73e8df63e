// KA016: a track_script / track_process / track_file / track_bfd entry, a FILE_CHECK `track_file` or
// a BFD_CHECK `name` that names no vrrp_script, vrrp_track_process, track_file or bfd_instance defined
// before it. keepalived looks the name up while it reads the entry, so a definition further down the
// file is not found either (measured with 2.2.7); it reports "not found, ignoring" and runs untracked.
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import type { PlacedBlock } from "./model.js";
import { isDynamic, TRACKERS, vrrpView, type TrackerKind } from "./vrrp.js";
import type { Statement, Word } from "../../../../grammars/keepalived/ast.js";

const WHAT: Readonly<Record<TrackerKind, string>> = {
  script: "vrrp_script",
  process: "vrrp_track_process",
  file: "track_file",
  bfd: "bfd_instance",
  interface: "interface",
};

export const undefinedTracker: KeepalivedRule = {
  meta: {
    id: "KA016",
    alias: "undefined-tracker",
    product: "keepalived",
    severity: "error",
    category: "reference",
    description: "a tracked script, process, file or BFD instance is not defined before it is used",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.opaque) return;
    const check = (kind: TrackerKind, word: Word, statement: Statement, uri: string) => {
      if (isDynamic(word)) return;
      const name = word.value;
      const defines = TRACKERS.find((t) => t.kind === kind)!.defines;
      const definitions: PlacedBlock[] = defines.flatMap((keyword) => model.definitions(keyword).get(name) ?? []);
      const use = model.readingIndex(statement);
      const before = definitions.filter((placed) => model.readingIndex(placed.block) < use);
      if (before.length > 0) return;
      const later = definitions[0];
      if (later) {
        const at = later.uri === uri ? `line ${later.block.header!.range.start.line + 1}` : later.uri;
        report({
          range: word.range,
          uri,
          message: `${WHAT[kind]} '${name}' is defined only further down (${at}); keepalived looks it up while reading this line, does not find it and runs without it`,
          related: [{ uri: later.uri, range: later.block.header!.args[0]!.range, message: `${WHAT[kind]} '${name}'` }],
        });
        return;
      }
      const candidates = suggest(name, view.names(...defines));
      report({
        range: word.range,
        uri,
        message: `${WHAT[kind]} '${name}' is not defined; keepalived ignores this entry${didYouMean(candidates)}`,
        ...replacementFixes(word.range, candidates),
      });
    };
    for (const tracking of [...view.instances, ...view.syncGroups]) {
      for (const tracker of tracking.trackers()) {
        if (tracker.kind === "interface") continue;
        check(tracker.kind, tracker.entry.word, tracker.entry.statement, tracker.entry.uri);
      }
    }
    // Real servers use track files and BFD instances from their checkers.
    for (const { statement, uri, blockId } of model.statements) {
      if (!blockId.startsWith("virtual_server>real_server>") || blockId.split(">").length !== 3) continue;
      const checker = blockId.split(">")[2];
      const word = statement.args[0];
      if (!word) continue;
      if (checker === "FILE_CHECK" && statement.keyword.value === "track_file") check("file", word, statement, uri);
      if (checker === "BFD_CHECK" && statement.keyword.value === "name") check("bfd", word, statement, uri);
    }
  },
};
