// HA006: a keyword the target haproxy still accepts with a deprecation warning, and will drop.
import type { HaproxyRule } from "../../lint/rule.js";
import { versionFindings } from "./versions.js";

export const deprecatedKeyword: HaproxyRule = {
  meta: {
    id: "HA006",
    alias: "deprecated-keyword",
    product: "haproxy",
    severity: "warning",
    category: "compatibility",
    description: "a keyword deprecated in the target haproxy version",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { name, availability, range, section } of versionFindings(model, "deprecated")) {
      report({
        uri: section.uri,
        range,
        message: `'${name}' is deprecated since haproxy ${availability.deprecated}${availability.replacement ? `; use '${availability.replacement}' instead` : ""}`,
      });
    }
  },
};
