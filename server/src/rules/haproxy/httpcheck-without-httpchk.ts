// HA035: `http-check` rules (send, expect, connect, comment, set-var, unset-var) in a backend whose
// check type is not `option httpchk`, and likewise `tcp-check` rules without `option tcp-check`.
// haproxy 2.6 warns "backend 'x' uses http-check rules without 'option httpchk', so the rules are
// ignored." (and the same for tcp-check; measured — an `option tcp-check` written after `option
// httpchk` counts, the last check type wins, and `option mysql-check` & co. do not make tcp-check
// rules run). `http-check disable-on-404` and `send-state` are settings, not rules, and rules in a
// defaults section are not reported (haproxy does not either).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { checkType, isHttpCheckRule } from "./check-type.js";
import { describe, optionOf, where } from "./model.js";

const KINDS: readonly { readonly keyword: string; readonly option: string; readonly isRule: (s: Statement) => boolean }[] = [
  { keyword: "http-check", option: "httpchk", isRule: isHttpCheckRule },
  { keyword: "tcp-check", option: "tcp-check", isRule: (s) => s.keyword.value === "tcp-check" && s.args.length > 0 },
];

export const httpcheckWithoutHttpchk: HaproxyRule = {
  meta: {
    id: "HA035",
    alias: "httpcheck-without-httpchk",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "http-check or tcp-check rules in a backend whose check type is not option httpchk or option tcp-check, which haproxy ignores",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend", "listen")) {
      // The check type is looked up only for a backend with such rules (few have any).
      let type: ReturnType<typeof checkType> | null = null;
      let option: ReturnType<typeof optionOf>;
      for (const kind of KINDS) {
        const rule = model.keywordIn(section, kind.keyword).find(kind.isRule);
        if (!rule) continue;
        if (type === null) {
          type = checkType(model, section);
          option = type && optionOf(type.statement);
        }
        if (option?.name === kind.option) continue;
        const because = option && type
          ? `its check type is 'option ${option.name}' (${type.section === section ? where(section.uri, type.statement.range, section.uri) : `from ${describe(type.section)}`})`
          : `it has no 'option ${kind.option}'`;
        report({
          range: rule.keyword.range,
          uri: section.uri,
          message: `${describe(section)} has '${kind.keyword}' rules but ${because}: haproxy ignores the rules`,
          ...(type ? { related: [{ uri: type.section.uri, range: option!.range, message: "the check type in effect" }] } : {}),
        });
      }
    }
  },
};
