// HA089: cookie persistence half set up, in a backend of more than one server (with one server,
// every request reaches it either way). haproxy 2.6, 3.0 and 3.2 accept both halves silently.
// - Servers with a cookie value (`server s1 10.0.0.1:80 cookie s1`) and no `cookie` directive in
//   effect (the backend's own or its defaults section's): haproxy neither sets nor reads a
//   persistence cookie (measured on 2.6.12: no Set-Cookie; with `cookie SRV insert` added,
//   `Set-Cookie: SRV=L1`). The values say what the cookie should hold: the directive was forgotten.
// - A `cookie` directive written in the backend while no server there has a value (and the
//   directive does not say `dynamic`): the cookie carries nothing (measured on 2.6.12: `cookie SRV
//   insert` then answers `Set-Cookie: SRV=; Expires=Thu, 01-Jan-1970…`, clearing it). One inherited
//   from a defaults section is left alone: it serves the backends that give their servers values.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, type SectionModel } from "./model.js";

/** The index of `cookie` among a server line's arguments (its value follows), or -1. */
function cookieValueAt(server: Statement): number {
  // Compared in the text: a backend of many servers makes no string per word.
  const from = server.wordIs(0, "server") ? 2 : server.wordIs(0, "server-template") ? 3 : 0;
  const last = server.argCount - 1;
  for (let i = from; i < last; i++) if (server.wordIs(i + 1, "cookie")) return i;
  return -1;
}

const SERVER_KEYWORDS = ["server", "server-template"];

export const serverCookieUnused: HaproxyRule = {
  meta: {
    id: "HA089",
    alias: "server-cookie-unused",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "cookie persistence half set up: server cookie values without a cookie directive, or a cookie directive and no server value",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Both halves say `cookie` in the backend itself (a server's value, or the directive written
    // there): a backend none of whose lines does is passed over without reading its servers.
    const saying = new Set<SectionModel>();
    for (const placed of model.mentioning("cookie")) saying.add(placed.section);
    for (const section of model.sectionsOfType("backend", "listen")) {
      if (!saying.has(section)) continue;
      const servers = model.keywordsIn(section, SERVER_KEYWORDS);
      const several = servers.length > 1 || servers.some((server) => server.wordIs(0, "server-template"));
      if (!several) continue;
      const withCookie: { server: Statement; at: number }[] = [];
      for (const server of servers) {
        const at = cookieValueAt(server);
        if (at >= 0) withCookie.push({ server, at });
      }
      const directive = model.keywordSetting(section, "cookie");
      if (withCookie.length === 0) {
        const written = directive?.section === section ? directive.statement : undefined;
        if (!written || written.args.length === 0 || written.args.some((word) => word.value === "dynamic")) continue;
        if (servers.some((server) => server.wordIs(0, "server-template"))) continue;
        if (model.keywordSetting(section, "default-server", (line) => cookieValueAt(line) >= 0)) continue;
        report({
          range: written.args[0]!.range,
          uri: section.uri,
          message: `${describe(section)} names the persistence cookie '${written.args[0]!.value}', but none of its servers has a 'cookie' value: the cookie carries no server, so requests are not kept on one (give each server 'cookie VALUE', or add 'dynamic' with a 'dynamic-cookie-key')`,
        });
        continue;
      }
      if (directive) continue;
      const first = withCookie[0]!;
      const count = withCookie.length === 1 ? "a server has" : `${withCookie.length} servers have`;
      report({
        range: first.server.args[first.at + 1]!.range,
        uri: section.uri,
        message: `${count} a 'cookie' value, but ${describe(section)} has no 'cookie' directive (nor its defaults section): haproxy neither sets nor reads a persistence cookie, so the values do nothing (add e.g. 'cookie SERVERID insert indirect nocache')`,
      });
    }
  },
};
