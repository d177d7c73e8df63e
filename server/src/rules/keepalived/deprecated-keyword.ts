// KA005: a keyword the target keepalived still reads but warns about (`nb_get_retry`), or an old
// spelling with a newer name (`lb_kind` → `lvs_method`). Also the old words of a route entry that
// keepalived 2.2.7 reads with a warning: `gw` ("Please use \"via\"") and `or` ("Please use
// \"nexthop\"").
import { replaceRange } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { instead, renameFix, versionFindings } from "./versions.js";

const ROUTE_BLOCKS = new Set(["static_routes", "vrrp_instance>virtual_routes"]);

export const deprecatedKeyword: KeepalivedRule = {
  meta: {
    id: "KA005",
    alias: "deprecated-keyword",
    product: "keepalived",
    severity: "warning",
    category: "compatibility",
    description: "a deprecated keyword, with its replacement",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const { placed, keyword } of versionFindings(model, "deprecated")) {
      const { statement, uri, blockId } = placed;
      const fix = renameFix(statement, blockId, keyword.availability?.replacement);
      report({
        uri,
        range: statement.keyword.range,
        message: `'${keyword.name}' is deprecated since keepalived ${keyword.availability?.deprecated}${instead(keyword.availability?.replacement)}`,
        ...(fix ? { fix } : {}),
      });
    }
    for (const block of model.blocksWithIds(ROUTE_BLOCKS)) {
      for (const { statement, uri } of block.statements) {
        // The destination comes first; `gw` and `or` stand among the options after it.
        for (let i = 1; i < statement.wordCount - 1; i++) {
          const word = statement.wordValue(i);
          if (word === "gw") {
            const range = statement.words[i]!.range;
            report({ uri, range, message: "'gw' is deprecated in routes (keepalived warns); write 'via'", fix: replaceRange(range, "via", "replace with 'via'") });
          } else if (word === "or") {
            report({ uri, range: statement.words[i]!.range, message: "'or' is deprecated in routes (keepalived warns); give each path with 'nexthop' (nexthop via A nexthop via B)" });
          }
        }
      }
    }
  },
};
