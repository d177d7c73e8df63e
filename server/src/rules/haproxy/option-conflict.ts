// HA033: options of one exclusive group set together in one section; haproxy keeps only the last
// one, silently. The groups (haproxy 2.6 stores each as one field):
//   - the HTTP connection mode: httpclose, http-server-close, http-keep-alive;
//   - the health check type: httpchk, ssl-hello-chk, smtpchk, pgsql-check, redis-check,
//     mysql-check, ldap-check, spop-check, tcp-check, external-check.
// Overriding an inherited option in a proxy is normal and not reported; `no option X` is not a
// conflict. Statements in different branches of one `.if` block are not compared.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { exclusive, optionOf, where } from "./model.js";

const GROUPS: readonly { readonly what: string; readonly options: ReadonlySet<string> }[] = [
  { what: "HTTP connection mode", options: new Set(["httpclose", "http-server-close", "http-keep-alive"]) },
  {
    what: "health check type",
    options: new Set(["httpchk", "ssl-hello-chk", "smtpchk", "pgsql-check", "redis-check", "mysql-check", "ldap-check", "spop-check", "tcp-check", "external-check"]),
  },
];

export const optionConflict: HaproxyRule = {
  meta: {
    id: "HA033",
    alias: "option-conflict",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "options that exclude each other are set in one section, and only the last one applies",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("defaults", "frontend", "backend", "listen")) {
      // A conflict needs two options.
      if (model.keywordIn(section, "option").length < 2) continue;
      for (const group of GROUPS) {
        const seen: { statement: Statement; name: string }[] = [];
        // The last one written of each option of the group, for lines outside `.if` blocks.
        const lastOfName = new Map<string, number>();
        for (const statement of model.keywordIn(section, "option")) {
          const option = optionOf(statement);
          if (!option || option.negated || !group.options.has(option.name)) continue;
          let previous: { statement: Statement; name: string } | undefined;
          if (statement.guard === undefined) {
            // Nothing is exclusive with an unguarded line: the last one of another name.
            let at = -1;
            for (const [name, index] of lastOfName) if (name !== option.name && index > at) at = index;
            previous = seen[at];
          } else {
            for (let i = seen.length - 1; i >= 0 && !previous; i--) if (seen[i]!.name !== option.name && !exclusive(seen[i]!.statement, statement)) previous = seen[i];
          }
          lastOfName.set(option.name, seen.length);
          seen.push({ statement, name: option.name });
          if (!previous) continue;
          report({
            range: option.range,
            uri: section.uri,
            message: `'option ${option.name}' replaces 'option ${previous.name}' (${where(section.uri, previous.statement.range, section.uri)}): both set the ${group.what}, and haproxy keeps only the last one`,
            related: [{ uri: section.uri, range: optionOf(previous.statement)!.range, message: `the overridden 'option ${previous.name}'` }],
          });
        }
      }
    }
  },
};
