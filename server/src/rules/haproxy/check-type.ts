// The health check type of a backend, shared by HA035 and HA036: haproxy 2.6 keeps one check type
// per proxy, set by the last of these options (in the proxy, else inherited from its defaults).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { optionOf, type HaproxyModel, type Located, type SectionModel } from "./model.js";

export const CHECK_TYPES: ReadonlySet<string> = new Set([
  "httpchk", "ssl-hello-chk", "smtpchk", "pgsql-check", "redis-check", "mysql-check", "ldap-check", "spop-check", "tcp-check", "external-check",
]);

export function isCheckType(statement: Statement): boolean {
  const option = optionOf(statement);
  return option !== undefined && !option.negated && CHECK_TYPES.has(option.name);
}

/** The option that sets a proxy's check type, if any. */
export function checkType(model: HaproxyModel, section: SectionModel): Located | undefined {
  return model.optionSetting(section, (option) => !option.negated && CHECK_TYPES.has(option.name));
}

/** `http-check` lines that are rules (haproxy ignores them without `option httpchk`), not settings. */
export function isHttpCheckRule(statement: Statement): boolean {
  const first = statement.args[0]?.value;
  return statement.keyword.value === "http-check" && first !== undefined && first !== "disable-on-404" && first !== "send-state";
}
