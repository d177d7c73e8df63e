// KA001: a keyword keepalived does not know anywhere. keepalived logs "Unknown keyword" and skips
// the line. It does not skip a block after it: it ignores the `{` ("Unexpected '{'"), reads the
// lines inside as lines of the enclosing block, and the `}` closes the enclosing block (measured,
// 2.2.7), so a typo in `virtual_ipaddress` leaves the instance without its addresses and without
// every line after them. A line that starts with `\#` is a comment to the scanner, but at the top
// level and in global_defs keepalived reads it as the keyword `#` (escaped-comments.ts).
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { keepalivedKeywordsIn } from "../../facts/keepalived.js";
import { escapedCommentLines } from "./escaped-comments.js";
import { alternativeHeaderReadings, describeBlock, keywordStatements, linesByReading } from "./keywords.js";
import type { Statement } from "../../../../grammars/keepalived/ast.js";
import { TOP } from "./model.js";

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
    // keepalived recognises `include` before it reads quotes: `"include" FILE` is "Unknown keyword
    // 'include'" and no file is read (measured, 2.2.7), while other quoted keywords are read.
    // One search of the text first: most configurations quote no include, and the loop reads every statement.
    for (const { statement, uri } of model.textHolds('"include') ? lines : []) {
      // Read from the parse's table first: a statement's words are made only for an include.
      if (!statement.wordIs(0, "include") || statement.keyword.text === "include") continue;
      report({ uri, range: statement.keyword.range, message: `keepalived reads 'include' as an include only without quotes: it reports ${statement.keyword.text} as an unknown keyword and includes nothing`, fix: { description: "remove the quotes", edits: [{ start: statement.keyword.range.start.offset, end: statement.keyword.range.end.offset, newText: "include" }] } });
    }
    const unknown = (statement: Statement, uri: string, blockId: string, opensBlock: boolean) => {
      const word = statement.keyword;
      const names = keywordNames.get(blockId) ?? keywordNames.set(blockId, keepalivedKeywordsIn(blockId, model.version).map((keyword) => keyword.name)).get(blockId)!;
      const candidates = suggest(word.value, names);
      const where = describeBlock(blockId);
      const opens = !opensBlock ? "" : blockId === "top" ? "; keepalived ignores its '{' and reads the lines inside at the top level" : `; keepalived ignores its '{', reads the lines inside as lines of ${where}, and its '}' closes ${where}: the lines after it are read outside`;
      report({
        uri,
        range: word.range,
        message: `'${word.value}' is not a keepalived keyword in ${where}${opens}${didYouMean(candidates)}`,
        ...replacementFixes(word.range, candidates),
      });
    };
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "unknown" || reading.elsewhere.length > 0) continue;
      for (const i of indexes) {
        const { statement, uri, blockId, opens: block } = lines[i]!;
        unknown(statement, uri, blockId, block !== undefined);
      }
    }
    // Another host's header of a block (`@lb2 vrrp_instnce B {`): the host that keeps it reads its keyword there.
    for (const { statement, uri, blockId, reading } of alternativeHeaderReadings(model)) {
      if (reading.kind === "unknown" && reading.elsewhere.length === 0) unknown(statement, uri, blockId, true);
    }
    for (const line of escapedCommentLines(model)) {
      if (line.blockId !== TOP && line.blockId !== "global_defs") continue;
      const lines = model.linesOf(line.uri);
      if (!lines) continue;
      const backslash = lines.range(line.start, line.start + 1);
      report({
        uri: line.uri,
        range: lines.range(line.start, line.end),
        message: `'\\${line.keyword.slice(0, 1)}' starts no comment here: at the start of a line in ${describeBlock(line.blockId)} keepalived reads '${line.keyword}' as a keyword ("Unknown keyword '${line.keyword}'"); remove the backslash`,
        fix: { description: "remove the backslash", edits: [{ start: backslash.start.offset, end: backslash.end.offset, newText: "" }] },
      });
    }
  },
};
