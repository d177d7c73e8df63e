// When haproxy looks up the mailers section of `email-alert mailers NAME`: only for a proxy whose
// email alerts are complete. Measured on 2.6.12, 3.0.11 and 3.2.26 (the fifteenth mutation round): a
// proxy with `email-alert from`, `mailers` and `to` (its own or its defaults') fails on a name no
// section has ("Proxy 'be': unable to find mailers 'nowhere'"), an empty one included (`email-alert
// mailers` alone: "unable to find mailers ''"); a proxy that lacks one of the three ignores its email
// alerts with a warning ("'email-alert' will be ignored for backend 'be' (the presence any of …
// requires each of 'email-alert from', 'email-alert mailers' and 'email-alert to' to be present)"),
// and never reads the name.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
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
