// KA002: a keyword keepalived knows, written in a block that does not take it (`priority` in
// global_defs, `lb_algo` in real_server). keepalived reads it as unknown there and skips it.
import type { KeepalivedRule } from "../../lint/rule.js";
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { alternativeHeaderReadings, describeBlock, keywordStatements, linesByReading } from "./keywords.js";

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
    const misplaced = (statement: Statement, uri: string, blockId: string, elsewhere: readonly string[]) => {
      const places = elsewhere.slice(0, 3).map(describeBlock).join(", ");
      const more = elsewhere.length > 3 ? ", …" : "";
      report({
        uri,
        range: statement.keyword.range,
        message: `'${statement.keyword.value}' does not belong in ${describeBlock(blockId)}; keepalived skips it there (it is read in ${places}${more})`,
      });
    };
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "unknown" || reading.elsewhere.length === 0) continue;
      for (const i of indexes) {
        const { statement, uri, blockId } = lines[i]!;
        misplaced(statement, uri, blockId, reading.elsewhere);
      }
    }
    // Another host's header of a block, read where its block's own header is.
    for (const { statement, uri, blockId, reading } of alternativeHeaderReadings(model)) {
      if (reading.kind === "unknown" && reading.elsewhere.length > 0) misplaced(statement, uri, blockId, reading.elsewhere);
    }
  },
};
