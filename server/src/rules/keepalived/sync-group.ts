// KA032: sync groups keepalived trims. Measured with keepalived 2.2.7: a member that names no
// vrrp_instance is ignored ("doesn't exist - ignoring"); an instance already in an earlier sync
// group is ignored in every later one ("cannot exist in more than one sync group"), and so is one
// named twice in a group (the same message); a group left
// with one instance is kept with a warning ("this probably isn't what you want") and one left with
// none is removed.
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import { isConditional, isDynamic, vrrpView, type SyncGroup } from "./vrrp.js";

export const syncGroup: KeepalivedRule = {
  meta: {
    id: "KA032",
    alias: "sync-group",
    product: "keepalived",
    severity: "error",
    category: "reference",
    description: "a sync group names an undefined instance, an instance of another group, or fewer than two instances",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    const view = vrrpView(model);
    if (view.opaque) return;
    const names = new Set(view.instances.flatMap((instance) => instance.names));
    let index: NameIndex | undefined;
    const owner = new Map<string, SyncGroup>();
    for (const group of view.syncGroups) {
      const members = group.members;
      if (group.opaque || group.conditional || members.some((entry) => isDynamic(entry.word) || isConditional(entry.statement))) {
        for (const entry of members) if (!owner.has(entry.word.value)) owner.set(entry.word.value, group);
        continue;
      }
      let valid = 0;
      const seen = new Set<string>();
      // keepalived reads every word of a line as a member (measured on 2.2.7: `VI_1 VI_2` is two).
      for (const entry of members) {
        for (const word of [entry.word, ...entry.statement.args]) {
          const name = word.value;
          if (seen.has(name)) {
            // Measured on 2.2.7: "Virtual router VI_1 cannot exist in more than one sync group; ignoring G", and -t exits 5 (found by the eleventh mutation round).
            if (names.has(name)) report({ range: word.range, uri: entry.uri, message: `'${name}' is named twice in sync group '${group.name ?? ""}'; keepalived reports it as an instance in two sync groups and drops the repeat` });
            continue;
          }
          seen.add(name);
          if (!names.has(name)) {
            const candidates = (index ??= new NameIndex(names)).suggest(name);
            report({
              range: word.range,
              uri: entry.uri,
              message: `vrrp_instance '${name}' is not defined; keepalived leaves it out of sync group '${group.name ?? ""}'${didYouMean(candidates)}`,
              ...replacementFixes(word.range, candidates),
            });
            continue;
          }
          const other = owner.get(name);
          if (other && other !== group) {
            report({
              range: word.range,
              uri: entry.uri,
              message: `'${name}' is already in sync group '${other.name ?? ""}'; an instance belongs to one sync group only, so keepalived leaves it out of this one`,
              related: [{ uri: other.uri, range: other.nameWord!.range, message: `sync group '${other.name ?? ""}'` }],
            });
            continue;
          }
          owner.set(name, group);
          valid++;
        }
      }
      // A `group` block with nothing in it: keepalived 2.2.7 warns on it ("sync group G1 has empty group
      // block", on the line of its '}') and removes the group (-t exits 5); twelfth mutation round.
      const empty = members.length === 0 ? group.blocks("group").find((placed) => placed.statements.length === 0 && placed.block.close) : undefined;
      if (empty) {
        report({ range: empty.block.range, uri: empty.uri, message: `the group block of sync group '${group.name ?? ""}' is empty; keepalived reports it and removes the group` });
        continue;
      }
      if (valid < 2 && group.nameWord) {
        report({
          range: group.nameWord.range,
          uri: group.uri,
          severity: valid === 0 ? "error" : "warning",
          message:
            valid === 0
              ? `sync group '${group.name ?? ""}' has no instance keepalived can use; it removes the group`
              : `sync group '${group.name ?? ""}' has only one instance; a sync group keeps several instances in the same state`,
        });
      }
    }
  },
};
