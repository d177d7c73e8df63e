// KA012: two top-level blocks of one kind with one name. keepalived reports a second vrrp_instance,
// vrrp_sync_group or bfd_instance and skips it; a second vrrp_script, vrrp_track_process or
// track_file is accepted without a word, but every reference finds the first one, so the second
// never runs (measured with keepalived 2.2.7), hence only a warning. `track_file` and its old name `vrrp_track_file` share
// one set of names. Blocks that only exist on some hosts (`@id`) are alternatives, not duplicates.
import type { KeepalivedRule } from "../../lint/rule.js";
import type { PlacedBlock } from "./model.js";

const KINDS: readonly { keywords: readonly string[]; reported: boolean }[] = [
  { keywords: ["vrrp_instance"], reported: true },
  { keywords: ["vrrp_sync_group"], reported: true },
  { keywords: ["bfd_instance"], reported: true },
  { keywords: ["vrrp_script"], reported: false },
  { keywords: ["vrrp_track_process"], reported: false },
  { keywords: ["track_file", "vrrp_track_file"], reported: false },
  { keywords: ["virtual_server_group"], reported: false },
];

export const duplicateInstance: KeepalivedRule = {
  meta: {
    id: "KA012",
    alias: "duplicate-instance",
    product: "keepalived",
    severity: "error",
    category: "reference",
    description: "two vrrp_instance, vrrp_script, sync group or other named blocks share a name",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const { keywords, reported } of KINDS) {
      // One keyword: its names as the model indexes them, a list copied only for a name defined
      // twice (a large file has thousands of names, each defined once).
      let byName: ReadonlyMap<string, readonly PlacedBlock[]> = model.definitions(keywords[0]!);
      if (keywords.length > 1) {
        const merged = new Map<string, PlacedBlock[]>();
        for (const keyword of keywords) {
          for (const [name, blocks] of model.definitions(keyword)) (merged.get(name) ?? merged.set(name, []).get(name)!).push(...blocks);
        }
        byName = merged;
      }
      for (const [name, defined] of byName) {
        if (defined.length < 2 || name.includes("$") || name.includes("{{")) continue;
        const blocks = defined.slice().sort((a, b) => a.order - b.order);
        for (let i = 1; i < blocks.length; i++) {
          const block = blocks[i]!;
          const header = block.block.header!;
          // Two `@id` blocks with different ids are alternatives for different hosts; an unconditional
          // block meets every other one.
          const first = blocks.slice(0, i).find((earlier) => {
            const id = earlier.block.header!.configId;
            return !earlier.block.header!.sequence && (!id || !header.configId || id.text === header.configId.text);
          });
          if (!first || header.sequence) continue;
          const firstHeader = first.block.header!;
          const keyword = header.keyword.value;
          const at = first.uri === block.uri ? `line ${firstHeader.range.start.line + 1}` : first.uri;
          report({
            range: header.args[0]!.range,
            uri: block.uri,
            message: reported
              ? `${keyword} '${name}' is already defined on ${at}; keepalived skips this block`
              : `${keyword} '${name}' is already defined on ${at}; keepalived keeps the first one and never uses this block`,
            related: [{ uri: first.uri, range: firstHeader.args[0]!.range, message: `the first ${firstHeader.keyword.value} '${name}'` }],
            // keepalived -t says nothing of a silent duplicate: the configuration is accepted.
            ...(reported ? {} : { severity: "warning" as const }),
          });
        }
      }
    }
  },
};
