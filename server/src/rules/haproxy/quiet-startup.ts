// HA088: `quiet` in the global section. It turns off every message haproxy prints while it reads
// the configuration and starts, alerts included (measured on 2.6.12, 3.0.11 and 3.2.26): with an
// error after it, `haproxy -c` and a start exit 1 without a word, and a file with warnings passes
// `haproxy -c` without printing them or "Configuration file is valid". Lines before `quiet` are
// still reported, as haproxy reads it in order; the global section usually comes first.
import { removeLineFix } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";

export const quietStartup: HaproxyRule = {
  meta: {
    id: "HA088",
    alias: "quiet-startup",
    product: "haproxy",
    severity: "warning",
    category: "best-practice",
    description: "quiet in the global section: haproxy prints no alert or warning, even when it refuses the configuration",
    fixable: true,
    native: "silent",
  },
  check({ model, report }) {
    for (const placed of model.withKeyword("quiet")) {
      if (placed.section.type !== "global") continue;
      const statement = placed.statement;
      const lines = model.linesOf(placed.section.uri);
      // A suggestion, not a --fix edit: whether to keep a quiet start is the user's call.
      const removal = lines && removeLineFix(lines, statement.range, "remove 'quiet'");
      report({
        range: statement.keyword.range,
        uri: placed.section.uri,
        message: "'quiet' silences haproxy while it reads the configuration and starts: a refused configuration then fails with exit status 1 and no message saying why, and warnings are not shown either (remove it; 'haproxy -q' does the same from the command line where wanted)",
        ...(removal ? { suggestions: [removal] } : {}),
      });
    }
  },
};
