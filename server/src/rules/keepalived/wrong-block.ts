// KA002: a keyword keepalived knows, written in a block that does not take it (`priority` in
// global_defs, `lb_algo` in real_server). keepalived reads it as unknown there and skips it; when
// the line opens a block, keepalived ignores the '{' and reads the lines inside where it stands, as
// for an unknown keyword (KA001; measured, 2.2.7: `group G {` at the top level).
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
    const misplaced = (statement: Statement, uri: string, blockId: string, elsewhere: readonly string[], opensBlock: boolean) => {
      const places = elsewhere.slice(0, 3).map(describeBlock).join(", ");
      const more = elsewhere.length > 3 ? ", …" : "";
      const where = describeBlock(blockId);
      const opens = !opensBlock ? "" : blockId === "top" ? "; it ignores its '{' and reads the lines inside at the top level" : `; it ignores its '{', reads the lines inside as lines of ${where}, and its '}' closes ${where}`;
      report({
        uri,
        range: statement.keyword.range,
        message: `'${statement.keyword.value}' does not belong in ${where}; keepalived skips it there (it is read in ${places}${more})${opens}`,
      });
    };
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "unknown" || reading.elsewhere.length === 0) continue;
      for (const i of indexes) {
        const { statement, uri, blockId, opens } = lines[i]!;
        misplaced(statement, uri, blockId, reading.elsewhere, opens !== undefined);
      }
    }
    // Another host's header of a block, read where its block's own header is.
    for (const { statement, uri, blockId, reading } of alternativeHeaderReadings(model)) {
      if (reading.kind === "unknown" && reading.elsewhere.length > 0) misplaced(statement, uri, blockId, reading.elsewhere, true);
    }
  },
};
