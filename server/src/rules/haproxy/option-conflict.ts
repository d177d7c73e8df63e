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
      for (const group of GROUPS) {
        const seen: { statement: Statement; name: string }[] = [];
        for (const statement of section.statements) {
          if (statement.keyword.value !== "option") continue;
          const option = optionOf(statement);
          if (!option || option.negated || !group.options.has(option.name)) continue;
          const earlier = seen.filter((s) => s.name !== option.name && !exclusive(s.statement, statement));
          seen.push({ statement, name: option.name });
          const previous = earlier[earlier.length - 1];
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
