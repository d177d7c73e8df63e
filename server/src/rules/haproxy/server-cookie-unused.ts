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
import { argValue, describe } from "./model.js";

/** The index of `cookie` among a server line's arguments (its value follows), or -1. */
function cookieValueAt(server: Statement): number {
  const keyword = server.wordValue(0);
  const from = keyword === "server" ? 2 : keyword === "server-template" ? 3 : 0;
  for (let i = from; i < server.argCount - 1; i++) if (argValue(server, i) === "cookie") return i;
  return -1;
}

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
    for (const section of model.sectionsOfType("backend", "listen")) {
      const servers = model.keywordsIn(section, ["server", "server-template"]);
      const withCookie = servers.map((server) => ({ server, at: cookieValueAt(server) })).filter((entry) => entry.at >= 0);
      const several = servers.length > 1 || servers.some((server) => server.wordValue(0) === "server-template");
      if (!several) continue;
      const directive = model.keywordSetting(section, "cookie");
      if (withCookie.length === 0) {
        const written = directive?.section === section ? directive.statement : undefined;
        if (!written || written.args.length === 0 || written.args.some((word) => word.value === "dynamic")) continue;
        if (servers.some((server) => server.wordValue(0) === "server-template")) continue;
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
