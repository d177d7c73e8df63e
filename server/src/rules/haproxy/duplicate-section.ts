// HA018: two sections of one kind with one name (frontends, backends, listens and defaults are
// HA013's). haproxy 2.6 refuses a second resolvers, peers, cache, ring, mailers, http-errors,
// fcgi-app, log-forward or program section of the same name; a second userlist only gets a warning
// ("ignoring duplicated userlist"), and its users then land in whichever userlist was declared last.
// A log-forward section also shares its name space with frontends, backends and listens, in any
// order. Several `global` sections and several anonymous defaults are fine.
import type { HaproxyRule } from "../../lint/rule.js";
import { exclusive, where, type SectionModel } from "./model.js";

const CHECKED: ReadonlySet<string> = new Set(["userlist", "resolvers", "peers", "cache", "ring", "mailers", "http-errors", "fcgi-app", "log-forward", "program"]);
const PROXIES: ReadonlySet<string> = new Set(["frontend", "backend", "listen"]);

export const duplicateSection: HaproxyRule = {
  meta: {
    id: "HA018",
    alias: "duplicate-section",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "two userlist, resolvers, peers, cache, ring, mailers, http-errors, fcgi-app, log-forward or program sections share a name",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const seen = new Map<string, SectionModel[]>();
    for (const section of model.sections) {
      const nameWord = section.section.name;
      if (!nameWord || section.name === undefined) continue;
      const logForward = section.type === "log-forward";
      if (!CHECKED.has(section.type) && !PROXIES.has(section.type)) continue;
      const named = seen.get(section.name) ?? seen.set(section.name, []).get(section.name)!;
      const clash = named.find(
        (earlier) =>
          (earlier.type === section.type || (logForward && PROXIES.has(earlier.type)) || (earlier.type === "log-forward" && PROXIES.has(section.type))) &&
          !exclusive(earlier.section.header, section.section.header),
      );
      named.push(section);
      // Two proxies of one name are HA013's business.
      if (!clash || (PROXIES.has(section.type) && PROXIES.has(clash.type))) continue;
      const place = where(clash.uri, clash.section.header.range, section.uri);
      const userlist = section.type === "userlist";
      report({
        range: nameWord.range,
        uri: section.uri,
        severity: userlist ? "warning" : "error",
        message: userlist
          ? `userlist '${section.name}' is already declared on ${place}; haproxy ignores this one and adds its users to the last userlist declared`
          : `${section.type} '${section.name}' has the same name as the ${clash.type} on ${place}`,
        related: [{ uri: clash.uri, range: clash.section.name!.range, message: `the other ${clash.type} '${section.name}'` }],
      });
    }
  },
};
