// HA048: HTTP/1.1 health checks without a Host header. Measured with haproxy 2.6 (requests caught
// on the server side): `option httpchk GET /h HTTP/1.1` sends `GET /h HTTP/1.1` with no Host,
// `http-check send ver HTTP/1.1` likewise; `http-check send hdr Host x` adds one to the request of
// `option httpchk`, and so do headers hidden after the version. HTTP/1.1 servers must answer 400 to
// a request without Host (RFC 9112), so every server goes DOWN (haproxy issue 1225).
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { hiddenHeaders, readHttpchk, readSend } from "./httpchk.js";
import { argValue, type HaproxyModel, type SectionModel } from "./model.js";
import { rangeInWord } from "./options.js";
import { effectiveServerOptions, serverLines } from "./proxy-settings.js";

const CHECK_OPTIONS = new Set(["httpchk", "tcp-check", "ssl-hello-chk", "smtpchk", "pgsql-check", "mysql-check", "redis-check", "ldap-check", "spop-check", "external-check"]);

/** The `http-check` lines a backend runs: its own, else those of the nearest defaults that has some. */
function httpCheckRules(model: HaproxyModel, section: SectionModel): readonly Statement[] {
  for (const owner of [section, ...model.defaultsChain(section)]) {
    const rules = model.keywordIn(owner, "http-check");
    if (rules.length > 0) return rules;
  }
  return [];
}

export const httpchkWithoutHost: HaproxyRule = {
  meta: {
    id: "HA048",
    alias: "httpchk-without-host",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "HTTP/1.1 health checks are sent without a Host header, which HTTP/1.1 servers answer with 400",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const reported = new Set<Word>();
    for (const section of model.sectionsOfType("backend", "listen")) {
      const option = model.keywordSetting(section, "option", (s) => CHECK_OPTIONS.has(argValue(s, 0) ?? ""));
      if (!option || option.statement.args[0]!.value !== "httpchk") continue;
      // Without a version word (`option httpchk METHOD URI VERSION`) and without http-check lines there is none to judge.
      if (option.statement.argCount < 4 && !model.has(section, "http-check") && !model.defaultsChain(section).some((owner) => model.has(owner, "http-check"))) continue;

      const httpchk = readHttpchk(option.statement);
      const sends = httpCheckRules(model, section).flatMap((s) => readSend(s) ?? []);
      const send = sends[sends.length - 1];
      const fromSend = send?.version;
      const word = fromSend ?? httpchk.version;
      const version = fromSend ? fromSend.value : httpchk.versionText;
      // Only HTTP/1.1 and HTTP/2 requests need a Host header.
      if (!word || !version || !/^HTTP\/(?:1\.1|2(?:\.0)?)$/i.test(version) || reported.has(word)) continue;

      const hidden = hiddenHeaders(httpchk.hidden) ?? [];
      const hasHost = httpchk.host !== undefined || hidden.some((h) => h.name.toLowerCase() === "host") || sends.some((s) => s.headers.some((h) => h.name.value.toLowerCase() === "host"));
      if (hasHost) continue;
      if (!serverLines(model, section).some((server) => effectiveServerOptions(model, section, server).has("check"))) continue;
      reported.add(word);
      const owner = fromSend ? [section, ...model.defaultsChain(section)].find((s) => s.statements.includes(send!.statement))! : option.section;
      report({
        uri: owner.uri,
        range: fromSend ? word.range : rangeInWord(word, 0, version.length),
        message: `health checks are sent as ${version} without a Host header: HTTP/1.1 servers answer 400 and are marked DOWN; add 'http-check send hdr Host <name>'`,
      });
    }
  },
};
