// When haproxy looks up the mailers section of `email-alert mailers NAME`: only for a proxy whose
// email alerts are complete. Measured on 2.6.12, 3.0.11 and 3.2.26 (the fifteenth mutation round): a
// proxy with `email-alert from`, `mailers` and `to` (its own or its defaults') fails on a name no
// section has ("Proxy 'be': unable to find mailers 'nowhere'"), an empty one included (`email-alert
// mailers` alone: "unable to find mailers ''"); a proxy that lacks one of the three ignores its email
// alerts with a warning ("'email-alert' will be ignored for backend 'be' (the presence any of …
// requires each of 'email-alert from', 'email-alert mailers' and 'email-alert to' to be present)"),
// and never reads the name. That warning is HA004's here (`incompleteAlertReports`).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import type { HaproxyModel, SectionModel } from "./model.js";

const emailAlert = (model: HaproxyModel, section: SectionModel, what: string) => model.keywordSetting(section, "email-alert", (statement) => statement.args[0]?.value === what);

/** Whether `proxy` sends email alerts through the mailers that `statement` (an `email-alert mailers` line) names. */
function readsMailersOf(model: HaproxyModel, proxy: SectionModel, statement: Statement): boolean {
  return emailAlert(model, proxy, "mailers")?.statement === statement && emailAlert(model, proxy, "from") !== undefined && emailAlert(model, proxy, "to") !== undefined;
}

/**
 * Whether haproxy looks up the mailers that `statement`, an `email-alert mailers` line of `section`,
 * names: in a proxy, when the proxy's alerts are complete; in a defaults section, when a proxy that
 * inherits the line has complete alerts. A defaults section no proxy inherits is read as a proxy
 * would read it: it is most often one file of a configuration split over several.
 */
export function mailersLookedUp(model: HaproxyModel, section: SectionModel, statement: Statement): boolean {
  if (section.type !== "defaults") return readsMailersOf(model, section, statement);
  const proxies = model.heirs(section).filter((heir) => heir.type !== "defaults");
  if (proxies.length === 0) return readsMailersOf(model, section, statement);
  return proxies.some((proxy) => readsMailersOf(model, proxy, statement));
}

/** The `email-alert` settings haproxy counts as "present" when it checks that alerts are complete. */
const SETTINGS = ["from", "level", "mailers", "myhostname", "to"] as const;
const NEEDED = ["from", "mailers", "to"] as const;

/**
 * A proxy with some email-alert settings (its own or its defaults') but not all of `from`, `mailers`
 * and `to`: haproxy ignores its alerts with a warning (see above). Reported once on the first setting
 * the proxy has, which may be a defaults section's line that several proxies share.
 */
export function incompleteAlertReports(model: HaproxyModel, report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  const reported = new Set<Statement>();
  for (const proxy of model.sectionsOfType("frontend", "backend", "listen")) {
    const present = SETTINGS.map((what) => emailAlert(model, proxy, what)).filter((found) => found !== undefined);
    if (present.length === 0 || present.some((found) => found.statement.guard !== undefined)) continue;
    const missing = NEEDED.filter((what) => emailAlert(model, proxy, what) === undefined);
    const first = present.sort((a, b) => a.statement.range.start.line - b.statement.range.start.line)[0]!;
    if (missing.length === 0 || reported.has(first.statement)) continue;
    reported.add(first.statement);
    const own = first.section === proxy ? "" : ` (from ${first.section.type}${first.section.name ? ` '${first.section.name}'` : ""})`;
    report({
      uri: first.section.uri,
      range: first.statement.keyword.range,
      severity: "warning",
      message: `${proxy.type} '${proxy.name ?? ""}' has email alerts${own} without ${missing.map((what) => `'email-alert ${what}'`).join(" and ")}: haproxy ignores all its alerts (they need 'from', 'mailers' and 'to')`,
    });
  }
}
