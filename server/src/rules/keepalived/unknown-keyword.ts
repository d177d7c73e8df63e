// KA001: a keyword keepalived does not know anywhere. keepalived logs "Unknown keyword" and skips
// the line; for a block keyword it also skips the whole block, so a typo in `virtual_ipaddress`
// leaves the instance without its addresses.
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { keepalivedKeywordsIn } from "../../facts/keepalived.js";
import { describeBlock, keywordStatements, readKeyword } from "./keywords.js";

export const unknownKeyword: KeepalivedRule = {
  meta: {
    id: "KA001",
    alias: "unknown-keyword",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a keyword keepalived does not know",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const { statement, uri, blockId } of keywordStatements(model)) {
      const reading = readKeyword(statement, blockId);
      if (reading.kind !== "unknown" || reading.elsewhere.length > 0) continue;
      const word = statement.keyword;
      const candidates = suggest(
        word.value,
        keepalivedKeywordsIn(blockId, model.version).map((keyword) => keyword.name),
      );
      const opens = model.blocks.some((placed) => placed.block.header === statement);
      report({
        uri,
        range: word.range,
        message: `'${word.value}' is not a keepalived keyword in ${describeBlock(blockId)}${opens ? "; keepalived skips it and its whole block" : ""}${didYouMean(candidates)}`,
        ...replacementFixes(word.range, candidates),
      });
    }
  },
};
