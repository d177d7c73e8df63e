// HA036: a backend that describes a health check (a check-type option such as `option httpchk`, or
// `http-check` / `tcp-check` lines) while none of its servers runs checks: without `check` on the
// server line (or a `default-server … check`), haproxy never runs them, silently (h37). Only
// descriptions written in the backend itself count: an `option httpchk` inherited from defaults is
// normal for backends that do not check. Also `fall 0` and `rise 0`, which haproxy refuses
// ("'fall' has to be > 0"): reported as errors.
import type { HaproxyRule } from "../../lint/rule.js";
import { isCheckType } from "./check-type.js";
import { describe, optionOf } from "./model.js";
import { serverChecks, serverOptions } from "./undefined-server.js";

export const checkMissing: HaproxyRule = {
  meta: {
    id: "HA036",
    alias: "check-missing",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a backend describes a health check but no server has check, or fall/rise is 0",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("defaults", "backend", "listen")) {
      for (const statement of section.statements) {
        const keyword = statement.keyword.value;
        if (keyword !== "server" && keyword !== "server-template" && keyword !== "default-server") continue;
        const options = serverOptions(statement);
        options.forEach((word, i) => {
          const value = options[i + 1];
          if ((word.value === "fall" || word.value === "rise") && value && /^0+$/.test(value.value)) {
            report({ range: value.range, uri: section.uri, severity: "error", message: `'${word.value} 0' is refused: haproxy needs at least 1 check` });
          }
        });
      }
      if (section.type === "defaults") continue;
      const description = section.statements.find((s) => isCheckType(s) || s.keyword.value === "http-check" || s.keyword.value === "tcp-check");
      const servers = section.statements.filter((s) => s.keyword.value === "server" || s.keyword.value === "server-template");
      if (!description || servers.length === 0) continue;
      if (servers.some((server) => serverChecks(model, section, server, false))) continue;
      const option = optionOf(description);
      const what = option ? `'option ${option.name}'` : `'${description.keyword.value}' rules`;
      report({
        range: option?.range ?? description.keyword.range,
        uri: section.uri,
        message: `${describe(section)} describes a health check with ${what}, but none of its servers has 'check': haproxy never runs it`,
      });
    }
  },
};
