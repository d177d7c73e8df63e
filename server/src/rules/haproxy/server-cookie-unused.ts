// HA089: servers given a persistence cookie value (`server s1 10.0.0.1:80 cookie s1`) in a backend
// where no `cookie` directive is in effect (its own or its defaults section's). haproxy then neither
// sets nor reads any persistence cookie, without a word (measured on 2.6.12: no Set-Cookie in the
// response; with `cookie SRV insert` added, `Set-Cookie: SRV=L1`). haproxy 3.0 and 3.2 say nothing
// either. The values are what the author wanted the cookie to hold, so the directive was forgotten.
// A backend of one server is left alone: every request reaches that server either way.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { argValue, describe } from "./model.js";

/** The index of `cookie` among a server line's arguments (its value follows), or -1. */
function cookieValueAt(server: Statement): number {
  const from = server.wordValue(0) === "server" ? 2 : 3;
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
    description: "servers have cookie values but no cookie directive is in effect, so there is no cookie persistence",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend", "listen")) {
      const servers = model.keywordsIn(section, ["server", "server-template"]);
      const withCookie = servers.map((server) => ({ server, at: cookieValueAt(server) })).filter((entry) => entry.at >= 0);
      // One server: every request goes to it anyway, persistence or not.
      const several = servers.length > 1 || servers.some((server) => server.wordValue(0) === "server-template");
      if (withCookie.length === 0 || !several || model.keywordSetting(section, "cookie")) continue;
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
