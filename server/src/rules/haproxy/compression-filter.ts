// HA077: a proxy that compresses and declares filters, but not the compression filter. haproxy
// adds the compression filter by itself only to a proxy without filters; beside any other filter
// (`trace`, `spoe`, `fcgi-app`, …) it must be declared, or haproxy 2.6.12 refuses the proxy
// ("require an explicit filter declaration to use HTTP compression"). Measured: the `cache` filter
// does not count, and compression inherited from a defaults section does.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, type HaproxyModel, type SectionModel } from "./model.js";

/** The `compression` line a proxy uses: its own, or the nearest defaults section's. */
function compressionLine(model: HaproxyModel, proxy: SectionModel): { statement: Statement; owner: SectionModel } | undefined {
  for (const owner of [proxy, ...model.defaultsChain(proxy)]) {
    const line = model.keywordIn(owner, "compression")[0];
    if (line) return { statement: line, owner };
  }
  return undefined;
}

export const compressionFilter: HaproxyRule = {
  meta: {
    id: "HA077",
    alias: "compression-filter-missing",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a proxy with filters compresses, but does not declare the compression filter",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const proxy of model.sectionsOfType("frontend", "listen", "backend")) {
      const filters = model.keywordIn(proxy, "filter");
      if (filters.length === 0 || filters.some((line) => line.wordIs(1, "compression"))) continue;
      const other = filters.find((line) => line.argCount > 0 && !line.wordIs(1, "cache"));
      if (!other || other.wordValue(1)!.includes("$")) continue;
      const compression = compressionLine(model, proxy);
      if (!compression) continue;
      const last = filters[filters.length - 1]!;
      // The new line goes after the last filter, indented as it is.
      const lineText = last.range.text;
      const indent = /^[ \t]*/.exec(lineText)![0];
      const end = last.range.end.offset;
      const newText = lineText.endsWith("\n") ? `${indent}filter compression\n` : `\n${indent}filter compression`;
      const inherited = compression.owner !== proxy;
      report({
        uri: proxy.uri,
        range: other.args[0]!.range,
        message: `${describe(proxy)} compresses${inherited ? ` (as ${describe(compression.owner)} says)` : ""} and declares the '${other.wordValue(1)}' filter, but not 'filter compression': beside other filters haproxy adds no compression filter by itself and refuses the proxy`,
        related: [{ uri: compression.owner.uri, range: compression.statement.range, message: "the compression setting" }],
        fix: {
          description: "declare the compression filter after the other filters",
          edits: [{ start: end, end, newText }],
        },
      });
    }
  },
};
