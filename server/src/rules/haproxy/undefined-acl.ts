// HA011: a condition uses a named ACL that the proxy does not declare (nor its named defaults, nor
// haproxy's predefined ones). haproxy stops at the first; every occurrence is reported here.
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import { PREDEFINED_ACLS } from "./model.js";

export const undefinedAcl: HaproxyRule = {
  meta: {
    id: "HA011",
    alias: "undefined-acl",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "a condition uses an ACL that is not declared in the proxy",
    fixable: true,
    native: "partly",
  },
  check({ model, report }) {
    for (const section of model.sections) {
      let known: NameIndex | undefined;
      for (const { reference } of model.aclsUsedIn(section)) {
        if (model.aclVisible(section, reference.name)) continue;
        known ??= new NameIndex([...model.aclsDefinedIn(section).keys(), ...model.defaultsChain(section).flatMap((d) => [...model.aclsDefinedIn(d).keys()]), ...PREDEFINED_ACLS]);
        const candidates = known.suggest(reference.name);
        const where = section.name === undefined ? section.type : `${section.type} '${section.name}'`;
        report({
          range: reference.nameRange,
          message: `ACL '${reference.name}' is not declared in ${where}${didYouMean(candidates)}`,
          ...replacementFixes(reference.nameRange, candidates),
        });
      }
    }
  },
};
