// Named ACLs of a haproxy configuration: the ones haproxy defines itself, the `acl NAME` lines of each
// section and the names that `if`/`unless` conditions use.
import type { AclReference, Condition, ConditionTerm, Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyModel } from "./model.js";
import type { SectionModel } from "./section-model.js";

export interface AclUse {
  readonly reference: AclReference;
  readonly statement: Statement;
}

/** ACLs haproxy defines itself (configuration manual 7.4). */
export const PREDEFINED_ACLS: ReadonlySet<string> = new Set([
  "FALSE", "HTTP", "HTTP_1.0", "HTTP_1.1", "HTTP_2.0", "HTTP_CONTENT", "HTTP_URL_ABS", "HTTP_URL_SLASH",
  "HTTP_URL_STAR", "LOCALHOST", "METH_CONNECT", "METH_DELETE", "METH_GET", "METH_HEAD", "METH_OPTIONS",
  "METH_POST", "METH_PUT", "METH_TRACE", "RDP_COOKIE", "REQ_CONTENT", "TRUE", "WAIT_END",
]);

/** The named ACLs a condition uses (`if a !b`, `unless { … } || c`: a, b and c). */
export function aclReferences(condition: Condition | undefined): AclReference[] {
  if (!condition?.expression) return [];
  const found: AclReference[] = [];
  for (const alternative of condition.expression.alternatives) {
    // A `!` with nothing after it names no ACL: haproxy 2.6.12 accepts `if !` (the grammar warns).
    for (const term of alternative.terms as ConditionTerm[]) if (term.kind === "acl" && term.name !== "!" && term.name !== "") found.push(term);
  }
  return found;
}

/** `acl NAME …` definitions per section, by name. */
export function indexAclDefinitions(model: HaproxyModel): Map<SectionModel, Map<string, Statement[]>> {
  const index = new Map<SectionModel, Map<string, Statement[]>>();
  for (const section of model.sections) {
    const acls = model.keywordIn(section, "acl");
    if (acls.length === 0) continue;
    const names = new Map<string, Statement[]>();
    for (const statement of acls) {
      const name = statement.args[0]?.value;
      if (name === undefined) continue;
      const list = names.get(name);
      if (list) list.push(statement);
      else names.set(name, [statement]);
    }
    index.set(section, names);
  }
  return index;
}

/** Named-ACL references in `if`/`unless` conditions, per section. */
export function indexAclUses(sections: readonly SectionModel[]): Map<SectionModel, AclUse[]> {
  const index = new Map<SectionModel, AclUse[]>();
  for (const section of sections) {
    let uses: AclUse[] | undefined;
    const statements = section.statements;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (statement.condition === undefined) continue;
      for (const reference of aclReferences(statement.condition)) (uses ??= []).push({ reference, statement });
    }
    if (uses) index.set(section, uses);
  }
  return index;
}
