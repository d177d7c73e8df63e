// HA070: `option external-check` in a backend without what it needs. haproxy 2.6.12 refuses the
// configuration when the proxy has no `external-check command` in effect ("'option external-check'
// unable to find required 'external-check command'") or the global section has no
// `external-check` ("… unable to find required 'global.external-check'"), and warns that the check
// "will likely fail" without `insecure-fork-wanted` (it runs a program for each check).
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, searchFor, where } from "./model.js";

searchFor("external-check");

export const externalCheck: HaproxyRule = {
  meta: {
    id: "HA070",
    alias: "external-check",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "option external-check without an external-check command, or without external-check (and insecure-fork-wanted) in the global section",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // Most configurations have no external check: a search of the text says so at once.
    if (model.mentioning("external-check").length === 0) return;
    const globals = model.sectionsOfType("global");
    const inGlobal = (keyword: string) => globals.some((section) => model.has(section, keyword));
    for (const section of model.sectionsOfType("backend", "listen")) {
      const state = model.option(section, "external-check");
      if (!state?.enabled || state.from.statement.guard !== undefined) continue;
      const option = state.from;
      const range = option.section === section ? option.statement.args[0]!.range : (section.section.name ?? section.section.header.keyword).range;
      const inherited = option.section === section ? "" : ` (from ${describe(option.section)}, ${where(option.section.uri, option.statement.range, section.uri)})`;
      const related = option.section === section ? [] : [{ uri: option.section.uri, range: option.statement.args[0]!.range, message: "the option external-check it inherits" }];
      if (!model.keywordSetting(section, "external-check", (statement) => statement.args[0]?.value === "command")) {
        report({ uri: section.uri, range, related, message: `${describe(section)} runs external checks${inherited} but has no 'external-check command' in effect; haproxy refuses it` });
      }
      if (!inGlobal("external-check")) {
        report({ uri: section.uri, range, related, message: `${describe(section)} runs external checks${inherited}, and the global section lacks 'external-check'; haproxy refuses it` });
      } else if (!inGlobal("insecure-fork-wanted")) {
        report({
          uri: section.uri,
          range,
          related,
          severity: "warning",
          message: `${describe(section)} runs external checks${inherited}, and the global section lacks 'insecure-fork-wanted': haproxy warns the checks will likely fail, as it may not start programs`,
        });
      }
    }
  },
};
