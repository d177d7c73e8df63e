// HA020: haproxy 2.6's "missing timeouts for frontend 'x'" warning, with the same test as its
// source: a proxy in mode tcp or http warns when, after inheritance from its defaults section,
//   - it has the frontend side (frontend, listen) and no `timeout client`, or
//   - it has the backend side (backend, listen), at least one server, and no `timeout connect`, or
//     no `timeout server` (in mode tcp a `timeout tunnel` stands in for `timeout server`).
// A value of 0 is no timeout at all. Reported once per proxy, on its name, like haproxy.
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, parseTime, type HaproxyModel, type SectionModel } from "./model.js";

function isSet(model: HaproxyModel, section: SectionModel, name: string, zeros: Map<string, boolean>): boolean {
  const located = model.timeout(section, name);
  const value = located?.statement.args[1]?.value;
  if (value === undefined) return false;
  // An unreadable value is some other rule's business: count it as set. Proxies share a few values.
  let zero = zeros.get(value);
  if (zero === undefined) zeros.set(value, (zero = parseTime(value)?.ms === 0));
  return !zero;
}

export const missingTimeouts: HaproxyRule = {
  meta: {
    id: "HA020",
    alias: "missing-timeouts",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a proxy lacks timeout client, connect or server after inheritance",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const zeros = new Map<string, boolean>();
    for (const section of model.sectionsOfType("frontend", "backend", "listen")) {
      const nameWord = section.section.name;
      if (!nameWord) continue;
      const { mode } = model.mode(section);
      if (mode !== "tcp" && mode !== "http") continue;
      const missing: string[] = [];
      if (section.type !== "backend" && !isSet(model, section, "client", zeros)) missing.push("client");
      const hasServers = model.has(section, "server") || model.has(section, "server-template");
      if (section.type !== "frontend" && hasServers) {
        if (!isSet(model, section, "connect", zeros)) missing.push("connect");
        if (!isSet(model, section, "server", zeros) && (mode === "http" || !isSet(model, section, "tunnel", zeros))) missing.push("server");
      }
      if (missing.length === 0) continue;
      const list = missing.map((name) => `'timeout ${name}'`).join(", ").replace(/, ([^,]*)$/, " and $1");
      report({
        range: nameWord.range,
        uri: section.uri,
        message: `${describe(section)} has no ${list} in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts`,
      });
    }
  },
};
