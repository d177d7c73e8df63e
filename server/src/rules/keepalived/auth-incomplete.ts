// KA025: an authentication block without `auth_type` or without `auth_pass`. Without auth_type,
// keepalived 2.2.7 silently runs with no authentication; without auth_pass it reports "Authentication
// specified but no password given. Ignoring" and runs with none either. Either way the peer that
// does authenticate rejects this node's adverts, and both become master. An unknown auth_type is a
// value error, reported by the argument checks.
import type { KeepalivedRule } from "../../lint/rule.js";
import { vrrpView } from "./vrrp.js";

export const authIncomplete: KeepalivedRule = {
  meta: {
    id: "KA025",
    alias: "auth-incomplete",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "an authentication block lacks auth_type or auth_pass, so keepalived turns authentication off",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      for (const placed of instance.blocks("authentication")) {
        const statements = placed.statements;
        if (statements.some(({ statement }) => /\$|\{\{|\{%/.test(statement.wordText(0)!) || model.unresolvedIncludes.has(statement))) continue;
        const has = (keyword: string) => statements.some(({ statement }) => statement.wordIs(0, keyword) && statement.wordCount > 1);
        const missing = ["auth_type", "auth_pass"].filter((keyword) => !has(keyword));
        if (missing.length === 0) continue;
        // keepalived -t reports only a missing auth_pass; without auth_type it says nothing (a trap, a warning).
        report({
          ...(missing[0] === "auth_type" ? { severity: "warning" as const } : {}),
          range: placed.block.header!.keyword.range,
          uri: placed.uri,
          message:
            missing.length === 2
              ? "this authentication block has neither auth_type nor auth_pass; keepalived runs without authentication"
              : missing[0] === "auth_type"
                ? "this authentication block has no auth_type; keepalived silently runs without authentication"
                : "this authentication block has no auth_pass; keepalived reports it and runs without authentication",
        });
      }
    }
  },
};
