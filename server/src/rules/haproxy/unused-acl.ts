// HA012: an ACL declared and never used in any condition of its section. The ACLs of a defaults
// section serve only that section's own rules: the proxies using it do not see them.
import { removeLineFix } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";

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
        // Offered, not applied: an ACL nobody uses is as often a condition someone forgot to write.
        const lines = model.linesOf(section.uri);
        const edits = lines ? statements.map((statement) => removeLineFix(lines, statement.range, "")) : [];
        const suggestions: Fix[] = edits.length > 0 && edits.every((fix) => fix !== undefined) ? [{ description: statements.length === 1 ? `remove ACL '${name}'` : `remove the ${statements.length} lines of ACL '${name}'`, edits: edits.flatMap((fix) => fix!.edits) }] : [];
        report({ uri: section.uri, range: first.args[0]!.range, message: `ACL '${name}' is declared but never used`, ...(suggestions.length > 0 ? { suggestions } : {}) });
      }
    }
  },
};
