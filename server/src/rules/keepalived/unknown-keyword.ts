// KA001: a keyword keepalived does not know anywhere. keepalived logs "Unknown keyword" and skips
// the line; for a block keyword it also skips the whole block, so a typo in `virtual_ipaddress`
// leaves the instance without its addresses.
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { keepalivedKeywordsIn } from "../../facts/keepalived.js";
import { describeBlock, keywordStatements, linesByReading } from "./keywords.js";

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
    // The keywords of each block, for did-you-mean, made on the first miss there.
    const keywordNames = new Map<string, string[]>();
    const lines = keywordStatements(model);
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "unknown" || reading.elsewhere.length > 0) continue;
      for (const i of indexes) {
        const { statement, uri, blockId, opens: block } = lines[i]!;
        const word = statement.keyword;
        const names = keywordNames.get(blockId) ?? keywordNames.set(blockId, keepalivedKeywordsIn(blockId, model.version).map((keyword) => keyword.name)).get(blockId)!;
        const candidates = suggest(word.value, names);
        const opens = block !== undefined;
        report({
          uri,
          range: word.range,
          message: `'${word.value}' is not a keepalived keyword in ${describeBlock(blockId)}${opens ? "; keepalived skips it and its whole block" : ""}${didYouMean(candidates)}`,
          ...replacementFixes(word.range, candidates),
        });
      }
    }
  },
};
