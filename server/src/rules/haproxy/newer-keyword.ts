// HA008: a keyword or value lblint knows only from haproxy releases after the target version. For
// 2.6, which lblint's tables cover exactly, haproxy refuses it: an error. For 2.8 to 3.2, the tables
// only say that the 3.4 manual has it, so it is a warning to check.
import type { HaproxyRule } from "../../lint/rule.js";
import { versionFindings } from "./versions.js";

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
    const exact = model.version === "2.6";
    for (const { name, availability, range, section } of versionFindings(model, "not-yet")) {
      report({
        uri: section.uri,
        range,
        severity: exact ? "error" : "warning",
        message: exact
          ? `'${name}' does not exist in haproxy 2.6 (lblint knows it from ${availability.since}); set haproxyVersion if this file is for a newer haproxy`
          : `'${name}' may not exist in haproxy ${model.version}: lblint knows it only from ${availability.since}`,
      });
    }
  },
};
