// HA002: a keyword haproxy knows, in a section that does not take it. Outside the proxy sections
// haproxy refuses it as an unknown keyword. Between proxies it mostly warns and ignores it
// ("'balance' ignored because frontend 'f' has no backend capability"), except for those it
// refuses outright (refused-sections.ts, measured with haproxy 2.6.12).
import { isAllowedIn } from "../../facts/haproxy.js";
import { availabilityAt } from "../../facts/versions.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { PROXY_TYPES, type Placed } from "./model.js";
import { REFUSED_IN_SECTION } from "./refused-sections.js";
import { describeSection, ignoredInRing, isNamedDefaults, keywordRange } from "./keywords.js";
import { refusedInAnonymousDefaults } from "./undefined-defaults.js";

export const wrongSection: HaproxyRule = {
  meta: {
    id: "HA002",
    alias: "wrong-section",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a keyword in a section that does not take it",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const { statement, section, reading } = placedList[placedAt]!;
      if (reading.kind !== "known") continue;
      const keyword = reading.match.keyword;
      const named = isNamedDefaults(section);
      if (isAllowedIn(keyword, section.type, named)) continue;
      const state = availabilityAt(keyword.availability, model.version);
      if (state === "removed" || state === "not-yet") continue;
      const range = keywordRange(statement, reading.match);
      if (section.type === "defaults" && keyword.sections.includes("defaults")) {
        // HA016 reports the rules and ACLs of an anonymous defaults section, with how to inherit them.
        if (refusedInAnonymousDefaults(statement) !== undefined) continue;
        report({ uri: section.uri, range, message: `'${keyword.name}' is only allowed in a named defaults section (write 'defaults NAME')` });
        continue;
      }
      const places = keyword.sections.filter((s) => s !== section.type);
      const between = PROXY_TYPES.has(section.type) && places.some((p) => PROXY_TYPES.has(p));
      if (ignoredInRing(section, keyword.name)) {
        report({ uri: section.uri, range, severity: "warning", message: `'${keyword.name}' has no effect in ${describeSection(section)}: haproxy ignores it there (a ring reads only 'timeout connect' and 'timeout server')` });
        continue;
      }
      const ignored = between && !REFUSED_IN_SECTION[section.type]?.has(keyword.name);
      report({
        uri: section.uri,
        range,
        severity: ignored ? "warning" : "error",
        message: ignored
          ? `'${keyword.name}' has no effect in ${describeSection(section)}: haproxy ignores it there (it belongs in ${places.join(", ")})`
          : `'${keyword.name}' is not allowed in ${describeSection(section)} (it belongs in ${places.join(", ")})`,
      });
    }
    peerAndBindReports(model, report);
  },
};

/**
 * A peers section that names its peers with `peer` lines and also has a `bind` (the other way to
 * declare the local peer, with `server` lines for the others): haproxy 2.6.12, 3.0.11 and 3.2.26 refuse
 * whichever comes second ("mixing \"peer\" and \"bind\" line is forbidden"; found by the thirteenth
 * mutation round).
 */
function peerAndBindReports(model: Parameters<HaproxyRule["check"]>[0]["model"], report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  const firstBind = new Map<unknown, Placed>();
  for (const placed of model.withKeyword("bind")) if (placed.section.type === "peers" && !firstBind.has(placed.section)) firstBind.set(placed.section, placed);
  if (firstBind.size === 0) return;
  const firstPeer = new Map<unknown, Placed>();
  for (const placed of model.withKeyword("peer")) if (firstBind.has(placed.section) && !firstPeer.has(placed.section)) firstPeer.set(placed.section, placed);
  for (const [section, peer] of firstPeer) {
    const bind = firstBind.get(section)!;
    if (peer.statement.guard || bind.statement.guard) continue;
    const [first, second] = peer.statement.range.start.offset < bind.statement.range.start.offset ? [peer, bind] : [bind, peer];
    report({
      uri: second.section.uri,
      range: second.statement.keyword.range,
      message: `${describeSection(second.section)} declares its peers with 'peer' lines and also has a 'bind': haproxy refuses the mix (use 'peer' lines alone, or 'bind' for the local peer and 'server' lines for the others)`,
      related: [{ uri: first.section.uri, range: first.statement.keyword.range, message: `the first '${first.keyword}' line` }],
    });
  }
}
