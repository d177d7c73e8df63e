// KA006: braces keepalived does not expect. A `{` after a keyword that opens no block is ignored
// ("Unexpected '{'"), and the `}` that was meant to close it closes the enclosing block instead, so
// everything after it lands one level up. A keyword that opens a block, written without one, is not
// skipped (keepalived 2.2.7: "Missing '{' at beginning of configuration block", or "Block
// virtual_ipaddress has extra parameters"): the VRRP and checker processes read the lines that
// follow as its block, up to the next '}' (measured: `delay_loop 0` there is still "outside range",
// `virtual_router_id 51` after `virtual_ipaddress 10.0.0.1/24` "VRRP parsed invalid IP"). A '}' that
// keepalived reads at the top level, because an ignored '{' let an earlier '}' close its block, is
// reported too: keepalived says "Unknown keyword '}'" on its line (2.2.7 and 2.3.3).
import type { Range } from "../../../../grammars/common/text.js";
import type { Block, Statement } from "../../../../grammars/keepalived/ast.js";
import { keepalivedBlock } from "../../facts/keepalived.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { describeBlock, keywordStatements, linesByReading } from "./keywords.js";

/** The position of the first of the ascending `indexes` that is at least `value`. */
function firstAtLeast(indexes: readonly number[], value: number): number {
  let low = 0;
  let high = indexes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (indexes[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A block keyword written without its '{', through the first word of what follows it in its block
 * (or that block's '}'): the health checker's parser reports "Missing '{' at beginning of
 * configuration block" on that next line (2.2.7 and 2.3.3: an SMTP_CHECK's `host`, an HTTP_GET's
 * `url`, a `real_server`, a checker, an `authentication`; found by the sixteenth mutation round). Not
 * for a value block (`virtual_ipaddress`, `track_script`), which draws no such message.
 */
function throughNext(statement: Statement, parent: Block | undefined): Range {
  const own = statement.keyword.range;
  if (!parent) return own;
  const items = parent.items;
  const at = items.indexOf(statement);
  if (at < 0) return own;
  const next = items[at + 1];
  const end =
    next === undefined ? parent.close?.range.end
    : next.kind === "statement" ? next.keyword.range.end
    : next.kind === "block" ? (next.header?.keyword.range ?? next.open.range).end
    : next.kind === "stray-brace" ? next.range.end
    : undefined;
  return end && end.line > own.end.line ? { start: own.start, end } : own;
}

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
    const headersFrom = model.headerLinesFrom;
    for (const [reading, indexes] of linesByReading(model)) {
      if (reading.kind !== "known") continue;
      // A block header whose keyword opens no block, or a statement whose keyword opens one.
      const opensNone = reading.keyword.block === undefined;
      if (!opensNone && reading.keyword.blockOptional) continue;
      // The lines come in order, statements before headers: only the headers of a keyword that
      // opens no block, only the statements of one that opens a block, can be wrong.
      const from = opensNone ? firstAtLeast(indexes, headersFrom) : 0;
      const to = opensNone ? indexes.length : firstAtLeast(indexes, headersFrom);
      // A value block (`virtual_ipaddress`, `track_script`) is read line by line without that message.
      const sublevel = !opensNone && !keepalivedBlock(reading.keyword.block!)?.entries;
      for (let n = from; n < to; n++) {
        const { statement, uri, blockId, opens, parent } = lines[indexes[n]!]!;
        if (opens && opensNone) {
          report({
            uri,
            range: opens.open.range,
            message: `'${statement.keyword.value}' does not open a block: keepalived ignores this '{', and its '}' closes ${describeBlock(blockId)} instead`,
          });
        } else if (!opens && !opensNone) {
          report({
            uri,
            range: sublevel ? throughNext(statement, parent) : statement.keyword.range,
            message: `'${statement.keyword.value}' opens a block: write '${statement.keyword.value} {' with its entries inside; without the '{' keepalived reads the lines that follow, up to the next '}', as its block`,
          });
        }
      }
    }
    // A '}' read where no block is open: keepalived reports it ("Unknown keyword '}'") and goes on.
    for (const { block, uri, ignored } of model.closedAtTop) {
      const why = ignored ? "keepalived ignored the '{' this '}' matches" : "an earlier '}' already closed this block (keepalived ignored a '{' inside it)";
      report({ uri, range: block.close!.range, message: `${why}, so no block is open here: keepalived reports this '}' as an unknown keyword` });
    }
  },
};
