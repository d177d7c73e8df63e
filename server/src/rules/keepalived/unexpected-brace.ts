// KA006: braces keepalived does not expect. A `{` after a keyword that opens no block is ignored
// ("Unexpected '{'"), and the `}` that was meant to close it closes the enclosing block instead, so
// everything after it lands one level up. A keyword that opens a block, written without one, is
// skipped.
import type { KeepalivedRule } from "../../lint/rule.js";
import { describeBlock, keywordStatements, linesByReading } from "./keywords.js";

export const unexpectedBrace: KeepalivedRule = {
  meta: {
    id: "KA006",
    alias: "unexpected-brace",
    product: "keepalived",
    severity: "error",
    category: "syntax",
    description: "a '{' after a keyword that opens no block, or a block keyword without its '{'",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const lines = keywordStatements(model);
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "known") continue;
      // A block header whose keyword opens no block, or a statement whose keyword opens one.
      const opensNone = reading.keyword.block === undefined;
      if (!opensNone && reading.keyword.blockOptional) continue;
      for (const i of indexes) {
        const { statement, uri, blockId, opens } = lines[i]!;
        if (opens && opensNone) {
          report({
            uri,
            range: opens.open.range,
            message: `'${statement.keyword.value}' does not open a block: keepalived ignores this '{', and its '}' closes ${describeBlock(blockId)} instead`,
          });
        } else if (!opens && !opensNone) {
          report({
            uri,
            range: statement.keyword.range,
            message: `'${statement.keyword.value}' opens a block: write '${statement.keyword.value} {' with its entries inside; keepalived skips it alone`,
          });
        }
      }
    }
  },
};
