// KA005: a keyword the target keepalived still reads but warns about (`nb_get_retry`), or an old
// spelling with a newer name (`lb_kind` → `lvs_method`).
import type { KeepalivedRule } from "../../lint/rule.js";
import { instead, renameFix, versionFindings } from "./versions.js";

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
  },
};
