// HA012: an ACL declared and never used in any condition of its section. The ACLs of a defaults
// section serve only that section's own rules: the proxies using it do not see them.
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
    for (const section of model.sections) {
      const defined = model.aclsDefinedIn(section);
      if (defined.size === 0) continue;
      const used = new Set(model.aclsUsedIn(section).map((use) => use.reference.name));
      for (const [name, statements] of defined) {
        if (used.has(name)) continue;
        const first = statements[0]!;
        report({ range: first.args[0]!.range, message: `ACL '${name}' is declared but never used` });
      }
    }
  },
};
