// KA004: a keyword the target keepalived no longer reads (it was removed or renamed). keepalived
// reports it as unknown and skips it: version drift from an older configuration.
import type { KeepalivedRule } from "../../lint/rule.js";
import { instead, renameFix, versionFindings } from "./versions.js";

export const removedKeyword: KeepalivedRule = {
  meta: {
    id: "KA004",
    alias: "removed-keyword",
    product: "keepalived",
    severity: "error",
    category: "compatibility",
    description: "a keyword the target keepalived version no longer reads",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const { placed, keyword } of versionFindings(model, "removed")) {
      const { statement, uri, blockId } = placed;
      const since = keyword.availability?.removed;
      const fix = renameFix(statement, blockId, keyword.availability?.replacement);
      report({
        uri,
        range: statement.keyword.range,
        message: `'${keyword.name}' was removed from keepalived${since ? ` (${since} and later do not read it)` : ""}${instead(keyword.availability?.replacement)}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
