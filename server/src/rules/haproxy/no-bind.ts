// HA023: a frontend or listen without a `bind` line never receives a connection. haproxy 2.6 warns
// ("has no 'bind' directive. Please declare it as a backend if this was intended.") and, when no
// proxy listens at all, `haproxy -c` exits 2 ("will not start (no listener)").
import type { HaproxyRule } from "../../lint/rule.js";
import { describe } from "./model.js";

export const noBind: HaproxyRule = {
  meta: {
    id: "HA023",
    alias: "no-bind",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a frontend or listen has no bind line",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("frontend", "listen")) {
      const nameWord = section.section.name;
      if (!nameWord || section.statements.some((s) => s.keyword.value === "bind")) continue;
      report({
        range: nameWord.range,
        uri: section.uri,
        message:
          section.type === "listen"
            ? `${describe(section)} has no 'bind' line, so it never receives a connection; declare it as a backend if only other proxies should use it`
            : `${describe(section)} has no 'bind' line, so it never receives a connection`,
      });
    }
  },
};
