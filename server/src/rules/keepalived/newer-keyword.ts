// KA009: a keyword that appeared after the target keepalived version: that version reports it as
// unknown and skips it. Raise `keepalivedVersion` if the file is meant for a newer keepalived.
import type { KeepalivedRule } from "../../lint/rule.js";
import { versionFindings } from "./versions.js";

export const newerKeyword: KeepalivedRule = {
  meta: {
    id: "KA009",
    alias: "newer-keyword",
    product: "keepalived",
    severity: "error",
    category: "compatibility",
    description: "a keyword newer than the target keepalived version",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { placed, keyword } of versionFindings(model, "not-yet")) {
      report({
        uri: placed.uri,
        range: placed.statement.keyword.range,
        message: `'${keyword.name}' is not in keepalived ${model.version}; lblint knows it from ${keyword.availability?.since} on (set keepalivedVersion if this file is for a newer keepalived)`,
      });
    }
  },
};
