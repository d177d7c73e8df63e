// HA012: an ACL declared and never used in any condition of the proxy (or of the proxies that
// inherit it from a named defaults section).
import type { HaproxyRule } from "../../lint/rule.js";

export const unusedAcl: HaproxyRule = {
  meta: {
    id: "HA012",
    alias: "unused-acl",
    product: "haproxy",
    severity: "info",
    category: "reference",
    description: "an ACL is declared but no condition uses it",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const usedByHeirs = new Map<object, Set<string>>();
    for (const section of model.sections) {
      for (const parent of model.defaultsChain(section)) {
        const used = usedByHeirs.get(parent) ?? usedByHeirs.set(parent, new Set()).get(parent)!;
        for (const use of model.aclsUsedIn(section)) used.add(use.reference.name);
      }
    }
    for (const section of model.sections) {
      const defined = model.aclsDefinedIn(section);
      if (defined.size === 0) continue;
      const used = new Set(model.aclsUsedIn(section).map((use) => use.reference.name));
      for (const name of usedByHeirs.get(section) ?? []) used.add(name);
      for (const [name, statements] of defined) {
        if (used.has(name)) continue;
        const first = statements[0]!;
        report({ range: first.args[0]!.range, message: `ACL '${name}' is declared but never used` });
      }
    }
  },
};
