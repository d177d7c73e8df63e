// HA035: `http-check` rules (send, expect, connect, comment, set-var, unset-var) in a backend whose
// check type is not `option httpchk`. haproxy 2.6 warns "backend 'x' uses http-check rules without
// 'option httpchk', so the rules are ignored." (measured; an `option tcp-check` written after
// `option httpchk` counts, the last one wins). `http-check disable-on-404` and `send-state` are
// settings, not rules, and rules in a defaults section are not reported (haproxy does not either).
import type { HaproxyRule } from "../../lint/rule.js";
import { checkType, isHttpCheckRule } from "./check-type.js";
import { describe, optionOf, where } from "./model.js";

export const httpcheckWithoutHttpchk: HaproxyRule = {
  meta: {
    id: "HA035",
    alias: "httpcheck-without-httpchk",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "http-check rules in a backend without option httpchk, which haproxy ignores",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend", "listen")) {
      const rule = section.statements.find(isHttpCheckRule);
      if (!rule) continue;
      const type = checkType(model, section);
      const option = type && optionOf(type.statement);
      if (option?.name === "httpchk") continue;
      const because = option
        ? `its check type is 'option ${option.name}' (${type.section === section ? where(section.uri, type.statement.range, section.uri) : `from ${describe(type.section)}`})`
        : "it has no 'option httpchk'";
      report({
        range: rule.keyword.range,
        uri: section.uri,
        message: `${describe(section)} has 'http-check' rules but ${because}: haproxy ignores the rules`,
        ...(type ? { related: [{ uri: type.section.uri, range: option!.range, message: "the check type in effect" }] } : {}),
      });
    }
  },
};
