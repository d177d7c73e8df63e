// HA008: a keyword or value lblint knows only from haproxy releases after the target version. Where
// the tables know the target lacks it (2.6, whose manual and keyword dump they read; 3.0 and 3.2,
// whose keyword dumps and answers they read), haproxy refuses it: an error. Where they only know
// that a later release has it (2.8; 3.0 and 3.2 for what those releases were not asked about), it
// is a warning to check.
import { certainlyAbsent } from "../../facts/versions.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { versionFindings, EXACT_HAPROXY } from "./versions.js";

export const newerKeyword: HaproxyRule = {
  meta: {
    id: "HA008",
    alias: "newer-keyword",
    product: "haproxy",
    severity: "error",
    category: "compatibility",
    description: "a keyword newer than the target haproxy version",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { name, availability, range, section } of versionFindings(model, "not-yet")) {
      const exact = certainlyAbsent(availability, model.version, EXACT_HAPROXY);
      report({
        uri: section.uri,
        range,
        severity: exact ? "error" : "warning",
        message: exact
          ? `'${name}' does not exist in haproxy ${model.version} (lblint knows it from ${availability.since}); set haproxyVersion if this file is for a newer haproxy`
          : `'${name}' may not exist in haproxy ${model.version}: lblint knows it only from ${availability.since}`,
      });
    }
  },
};
