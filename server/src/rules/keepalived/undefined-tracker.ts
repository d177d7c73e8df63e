// KA016: a track_script / track_process / track_file / track_bfd entry, a FILE_CHECK `track_file` or
// a BFD_CHECK `name` that names no vrrp_script, vrrp_track_process, track_file or bfd_instance defined
// before it. keepalived looks the name up while it reads the entry, so a definition further down the
// file is not found either (measured with 2.2.7); it reports "not found, ignoring" and runs untracked.
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import type { PlacedBlock } from "./model.js";
import { isDynamic, TRACKERS, vrrpView, type TrackerKind } from "./vrrp.js";
import type { Word } from "../../../../grammars/keepalived/ast.js";

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
    // Did-you-mean among the names of each kind of definition, made on the first miss.
    const indexes = new Map<string, NameIndex>();
    const check = (kind: TrackerKind, word: Word, use: number, uri: string) => {
      if (isDynamic(word)) return;
      const name = word.value;
      const defines = TRACKERS.find((t) => t.kind === kind)!.defines;
      const definitions: PlacedBlock[] = defines.flatMap((keyword) => model.definitions(keyword).get(name) ?? []);
      const before = definitions.filter((placed) => placed.order < use);
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
      const key = defines.join(" ");
      const index = indexes.get(key) ?? indexes.set(key, new NameIndex(view.names(...defines))).get(key)!;
      const candidates = index.suggest(name);
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
        check(tracker.kind, tracker.entry.word, tracker.entry.placed.order, tracker.entry.uri);
      }
    }
    // Real servers use track files and BFD instances from their checkers.
    for (const { statement, uri, blockId, order } of model.withKeyword("track_file")) {
      const word = statement.args[0];
      if (blockId === "virtual_server>real_server>FILE_CHECK" && word) check("file", word, order, uri);
    }
    for (const { statement, uri, blockId, order } of model.withKeyword("name")) {
      const word = statement.args[0];
      if (blockId === "virtual_server>real_server>BFD_CHECK" && word) check("bfd", word, order, uri);
    }
  },
};
