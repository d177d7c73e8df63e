// HA027: HTTP-only settings in a proxy whose effective mode is tcp. haproxy 2.6 ignores them with a
// warning; the list below is exactly what it warned about when tried (`haproxy -c`), per side:
//   both sides:   http-request, http-response, http-after-response, redirect, stats …,
//                 option forwardfor, originalto, http-buffer-request, http-no-delay
//   frontend:     monitor-uri, capture …, option httplog/httpslog (falls back to tcplog),
//                 option http-ignore-probes, accept-invalid-http-request, http-use-proxy-header,
//                 disable-h2-upgrade
//   backend:      cookie, option checkcache, prefer-last-server, http-pretend-keepalive,
//                 accept-invalid-http-response
// Options, stats, cookie, monitor-uri and the log format inherited from a defaults section are
// warned about too (once per proxy here); inherited http-request rules are not (haproxy is silent).
// haproxy warns about `capture cookie` only; header captures, as useless in mode tcp, are reported too.
// A server's `cookie VALUE` (on the server, or a `default-server` of the proxy) is ignored too, with
// a warning per server ("ignoring cookie for server 's2' as HTTP mode is disabled").
// `compression` and `option http-server-close`/`httpclose`/`http-keep-alive` are silently ignored
// by haproxy in tcp mode and not reported. A frontend that switches to HTTP with
// `tcp-request content switch-mode http` is left alone.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { Range } from "../../../../grammars/common/text.js";
import type { HaproxyRule, RelatedLocation } from "../../lint/rule.js";
import { describe, optionOf, where, type Located, type SectionModel } from "./model.js";

type Side = "both" | "frontend" | "backend";

const OPTIONS: ReadonlyMap<string, Side> = new Map<string, Side>([
  ["forwardfor", "both"],
  ["originalto", "both"],
  ["http-buffer-request", "both"],
  ["http-no-delay", "both"],
  ["http-ignore-probes", "frontend"],
  ["accept-invalid-http-request", "frontend"],
  ["http-use-proxy-header", "frontend"],
  ["disable-h2-upgrade", "frontend"],
  ["checkcache", "backend"],
  ["prefer-last-server", "backend"],
  ["http-pretend-keepalive", "backend"],
  ["accept-invalid-http-response", "backend"],
]);

/** Statements (not options) that need HTTP, and whether haproxy also warns when they are inherited. */
const STATEMENTS: ReadonlyMap<string, { side: Side; inherited: boolean }> = new Map([
  ["http-request", { side: "both" as Side, inherited: false }],
  ["http-response", { side: "both" as Side, inherited: false }],
  ["http-after-response", { side: "both" as Side, inherited: false }],
  ["redirect", { side: "both" as Side, inherited: false }],
  ["stats", { side: "both" as Side, inherited: true }],
  ["monitor-uri", { side: "frontend" as Side, inherited: true }],
  ["capture", { side: "frontend" as Side, inherited: false }],
  ["cookie", { side: "backend" as Side, inherited: true }],
]);

const LOG_FORMATS: ReadonlySet<string> = new Set(["httplog", "httpslog", "tcplog"]);
/** The HTTP log formats, for which haproxy falls back to tcplog rather than dropping the line. */
const LOG_FALLBACK = /option https?log\b/;

function applies(side: Side, section: SectionModel): boolean {
  return side === "both" || section.type === "listen" || section.type === side;
}

/** The statement that decides the log format: the last `option httplog|httpslog|tcplog` or `log-format`. */
function isLogFormat(statement: Statement): boolean {
  const option = optionOf(statement);
  return statement.keyword.value === "log-format" || (option !== undefined && LOG_FORMATS.has(option.name));
}

export const httpInTcp: HaproxyRule = {
  meta: {
    id: "HA027",
    alias: "http-in-tcp",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "an HTTP-only setting in a proxy in mode tcp, which haproxy ignores",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("frontend", "backend", "listen")) {
      const { mode, from } = model.mode(section);
      if (mode !== "tcp" || from?.statement.guard) continue;
      if (model.keywordIn(section, "tcp-request").some((s) => s.args[0]?.value === "content" && s.args[1]?.value === "switch-mode")) continue;
      const modeNote = from ? `mode tcp (${from.section === section ? where(section.uri, from.statement.range, section.uri) : `from ${describe(from.section)}`})` : "mode tcp (haproxy's default)";
      const inherited: Located[] = [];
      const own: { range: Range; what: string; plural: boolean }[] = [];
      const note = (located: Located, range: Range, what: string, plural = false) => {
        if (located.section === section) own.push({ range, what, plural });
        else inherited.push(located);
      };

      // Options: the last `option X` / `no option X` in effect decides.
      for (const [name, side] of OPTIONS) {
        if (!applies(side, section)) continue;
        const state = model.option(section, name);
        if (state?.enabled) note(state.from, optionOf(state.from.statement)!.range, `'option ${name}'`);
      }
      if (section.type !== "backend") {
        const log = model.setting(section, isLogFormat);
        const option = log && optionOf(log.statement);
        if (log && option && !option.negated && option.name !== "tcplog") note(log, option.range, `'option ${option.name}'`);
      }
      // Other statements: the first of each kind in the proxy, and inherited ones where haproxy warns.
      const reported = new Set<string>();
      for (const holder of [section, ...model.defaultsChain(section)]) {
        for (const statement of holder.statements) {
          const keyword = statement.keyword.value;
          const kind = STATEMENTS.get(keyword);
          if (!kind || !applies(kind.side, section) || reported.has(keyword)) continue;
          if (holder !== section && !kind.inherited) continue;
          reported.add(keyword);
          const single = keyword === "monitor-uri" || keyword === "cookie";
          note({ statement, section: holder }, statement.keyword.range, single ? `'${keyword}'` : `'${keyword}' ${keyword === "stats" || keyword === "capture" ? "statements" : "rules"}`, !single);
        }
      }

      if (section.type !== "frontend") {
        for (const keyword of ["server", "server-template", "default-server"]) {
          // Words counted from the keyword (0), read in place: most server lines have no cookie.
          const first = keyword === "server" ? 3 : keyword === "server-template" ? 4 : 1;
          for (const statement of model.keywordIn(section, keyword)) {
            let cookie = -1;
            let observe = -1;
            for (let i = first; i < statement.wordCount; i++) {
              if (cookie < 0 && statement.wordIs(i, "cookie")) cookie = i;
              // `observe layer7` (measured on 2.6.12, 3.0.11 and 3.2.26: "'layer7' can only be used in
              // http proxies", and the file passes: the server's responses are not watched; thirteenth mutation round).
              if (statement.wordIs(i, "observe") && statement.wordIs(i + 1, "layer7")) observe = i + 1;
            }
            if (observe >= 0) note({ statement, section }, statement.words[observe]!.range, `the 'observe layer7' of ${keyword === "default-server" ? "default-server" : `${keyword} '${statement.wordValue(1) ?? ""}'`}`);
            if (cookie < 0) continue;
            note({ statement, section }, statement.words[cookie]!.range, keyword === "default-server" ? "the 'cookie' of default-server" : `the 'cookie' of ${keyword} '${statement.wordValue(1) ?? ""}'`);
          }
        }
      }
      for (const { range, what, plural } of own) {
        // An HTTP log format is not dropped: haproxy logs in the tcplog format instead (its warning says so).
        const outcome = LOG_FALLBACK.test(what) ? "haproxy logs in the tcplog format instead" : `haproxy ignores ${plural ? "them" : "it"}`;
        report({ range, uri: section.uri, message: `${what} ${plural ? "need" : "needs"} HTTP, but ${describe(section)} is in ${modeNote}; ${outcome}` });
      }
      if (inherited.length > 0) {
        const names = [...new Set(inherited.map(({ statement }) => optionOf(statement) ? `option ${optionOf(statement)!.name}` : statement.keyword.value))];
        const related: RelatedLocation[] = inherited.map(({ statement, section: holder }) => ({
          uri: holder.uri,
          range: optionOf(statement)?.range ?? statement.keyword.range,
          message: `inherited from ${describe(holder)}`,
        }));
        report({
          range: section.section.name?.range ?? section.section.header.keyword.range,
          uri: section.uri,
          message: `${describe(section)} is in ${modeNote} but inherits HTTP-only settings that haproxy ignores here: ${names.map((n) => `'${n}'`).join(", ")}${names.some((n) => LOG_FALLBACK.test(n)) ? " (it logs in the tcplog format instead)" : ""}`,
          related,
        });
      }
    }
  },
};
