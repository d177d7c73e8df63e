// KA045: an IP rule (`static_rules`, `virtual_rules`) without a preference. keepalived gives it one
// of its own ("Rule has no preference specified - setting to 16384. This is probably not what you
// want"), so its place among the system's rules is an accident.
import type { KeepalivedRule } from "../../lint/rule.js";
import type { PlacedStatement } from "./model.js";

const RULE_BLOCKS = new Set(["static_rules", "vrrp_instance>virtual_rules"]);
const PREFERENCE = new Set(["preference", "priority", "order", "pref", "prio"]);

export const ruleWithoutPreference: KeepalivedRule = {
  meta: {
    id: "KA045",
    alias: "rule-without-preference",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "an IP rule without a preference, which keepalived picks itself",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const lines: PlacedStatement[] = [];
    // The lines of the rule blocks.
    for (const block of model.blocksWithIds(RULE_BLOCKS)) lines.push(...block.statements);
    for (const { statement, uri } of lines) {
      if (statement.words.some((word) => PREFERENCE.has(word.value) || word.value.includes("$"))) continue;
      report({
        uri,
        range: { start: statement.keyword.range.start, end: statement.words[statement.words.length - 1]!.range.end },
        message: "this rule has no 'preference': keepalived picks one itself (16384 and down), so its order among the other rules is an accident",
      });
    }
  },
};
