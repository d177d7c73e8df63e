// HA011: a condition uses a named ACL the proxy has not declared before it (nor one of haproxy's
// predefined ones). haproxy resolves ACL names while it reads each condition, so an ACL declared
// further down the section is unknown there, and ACLs of a defaults section are not visible from the
// proxies that use it (both measured with haproxy 2.6.12: "no such ACL"; the manual says the same
// of defaults). haproxy stops at the first; every occurrence is reported here.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule, RelatedLocation } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import { type AclUse, PREDEFINED_ACLS, type SectionModel } from "./model.js";

/** Why a use does not see its ACL, and where the ACL is, when it is declared somewhere it cannot be seen from. */
function unseen(uses: AclUse, own: ReadonlyMap<string, readonly Statement[]>, inherited: readonly SectionModel[], definitions: (section: SectionModel) => ReadonlyMap<string, readonly Statement[]>): { why: string; where?: Statement; uri?: string } | undefined {
  const name = uses.reference.name;
  const declared = own.get(name);
  if (declared) {
    const first = declared[0]!;
    // Statements of one section stand in one file, each on a line of its own: their lines give
    // their order without making their ranges.
    if (first.line < uses.statement.line) return undefined;
    return { why: `is declared on line ${first.range.start.line + 1}, after this use: haproxy knows an ACL only from its declaration on`, where: first };
  }
  for (const defaults of inherited) {
    const there = definitions(defaults).get(name);
    if (there) {
      const where = defaults.name === undefined ? "the defaults section" : `defaults '${defaults.name}'`;
      return { why: `is declared in ${where}, whose ACLs the proxies using it do not see`, where: there[0]!, uri: defaults.uri };
    }
  }
  return { why: "" };
}

export const undefinedAcl: HaproxyRule = {
  meta: {
    id: "HA011",
    alias: "undefined-acl",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "a condition uses an ACL that is not declared before it in the proxy",
    fixable: true,
    native: "partly",
  },
  check({ model, report }) {
    const definitions = (s: SectionModel) => model.aclsDefinedIn(s);
    for (const section of model.sections) {
      const uses = model.aclsUsedIn(section);
      if (uses.length === 0) continue;
      let known: NameIndex | undefined;
      const own = model.aclsDefinedIn(section);
      const inherited = model.defaultsChain(section);
      for (const use of uses) {
        const name = use.reference.name;
        if (PREDEFINED_ACLS.has(name)) continue;
        const found = unseen(use, own, inherited, definitions);
        if (!found) continue;
        const where = section.name === undefined ? section.type : `${section.type} '${section.name}'`;
        if (found.where) {
          const related: RelatedLocation[] = [{ uri: found.uri ?? section.uri, range: found.where.args[0]!.range, message: `ACL '${name}'` }];
          report({ uri: section.uri, range: use.reference.nameRange, message: `ACL '${name}' ${found.why}`, related });
          continue;
        }
        known ??= new NameIndex([...own.keys(), ...PREDEFINED_ACLS]);
        const candidates = known.suggest(name);
        report({
          uri: section.uri,
          range: use.reference.nameRange,
          message: `ACL '${name}' is not declared in ${where}${didYouMean(candidates)}`,
          ...replacementFixes(use.reference.nameRange, candidates),
        });
      }
    }
  },
};
