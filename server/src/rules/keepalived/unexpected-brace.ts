// KA006: braces keepalived does not expect. A `{` after a keyword that opens no block is ignored
// ("Unexpected '{'"), and the `}` that was meant to close it closes the enclosing block instead, so
// everything after it lands one level up. A keyword that opens a block, written without one, is
// skipped.
import type { KeepalivedRule } from "../../lint/rule.js";
import { describeBlock, keywordReadings, keywordStatements, readKeyword } from "./keywords.js";

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
    for (const placed of model.blocks) {
      const header = placed.block.header;
      // A header standing for a keyword that opens a block is what most headers are.
      if (!header || header.prefixOnly) continue;
      const reading = readKeyword(header, placed.parentId);
      if (reading.kind !== "known" || reading.keyword.block !== undefined) continue;
      report({
        uri: placed.uri,
        range: placed.block.open.range,
        message: `'${header.keyword.value}' does not open a block: keepalived ignores this '{', and its '}' closes ${describeBlock(placed.parentId)} instead`,
      });
    }
    const lines = keywordStatements(model);
    const readings = keywordReadings(model);
    for (let i = 0; i < lines.length; i++) {
      const { statement, uri, opens } = lines[i]!;
      // Block headers come last; this part is about statements.
      if (opens) break;
      const reading = readings[i]!;
      if (reading.kind !== "known" || reading.keyword.block === undefined || reading.keyword.blockOptional) continue;
      report({
        uri,
        range: statement.keyword.range,
        message: `'${statement.keyword.value}' opens a block: write '${statement.keyword.value} {' with its entries inside; keepalived skips it alone`,
      });
    }
  },
};
