// KA002: a keyword keepalived knows, written in a block that does not take it (`priority` in
// global_defs, `lb_algo` in real_server). keepalived reads it as unknown there and skips it.
import type { KeepalivedRule } from "../../lint/rule.js";
import { describeBlock, keywordStatements, linesByReading } from "./keywords.js";

export const wrongBlock: KeepalivedRule = {
  meta: {
    id: "KA002",
    alias: "wrong-block",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a keyword written in a block that does not take it",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const lines = keywordStatements(model);
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "unknown" || reading.elsewhere.length === 0) continue;
      for (const i of indexes) {
        const { statement, uri, blockId } = lines[i]!;
        const places = reading.elsewhere.slice(0, 3).map(describeBlock).join(", ");
        const more = reading.elsewhere.length > 3 ? ", …" : "";
        report({
          uri,
          range: statement.keyword.range,
          message: `'${statement.keyword.value}' does not belong in ${describeBlock(blockId)}; keepalived skips it there (it is read in ${places}${more})`,
        });
      }
    }
  },
};
