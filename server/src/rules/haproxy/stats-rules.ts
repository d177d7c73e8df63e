// HA004 for a proxy's statistics page: `stats http-request` rules together with `stats auth` or
// `stats realm` in the same proxy. haproxy 2.6.12, 3.0.11 and 3.2.26 refuse the proxy ("proxy 'fe':
// stats 'auth'/'realm' and 'http-request' can't be used at the same time"), in mode tcp too, where
// it then ignores the page; measured in the fifteenth mutation round. A proxy's first `stats` line
// detaches it from the page its defaults set up, so `stats auth` in a defaults section and `stats
// http-request` in a proxy pass (measured); a defaults section takes no `stats http-request` at all (HA002).
import type { HaproxyRule } from "../../lint/rule.js";

type Context = Parameters<HaproxyRule["check"]>[0];

export function statsRuleReports(model: Context["model"], report: Context["report"]): void {
  for (const section of model.sectionsOfType("frontend", "backend", "listen")) {
    const stats = model.keywordIn(section, "stats").filter((statement) => statement.guard === undefined);
    const rule = stats.find((statement) => statement.args[0]?.value === "http-request");
    const login = stats.find((statement) => statement.args[0]?.value === "auth" || statement.args[0]?.value === "realm");
    if (!rule || !login) continue;
    report({
      uri: section.uri,
      range: rule.args[0]!.range,
      message: `'stats http-request' rules and 'stats ${login.args[0]!.value}' exclude each other in one proxy: haproxy refuses the proxy (give the page's rules an 'auth' action instead)`,
      related: [{ uri: section.uri, range: login.args[0]!.range, message: `'stats ${login.args[0]!.value}' is here` }],
    });
  }
}
