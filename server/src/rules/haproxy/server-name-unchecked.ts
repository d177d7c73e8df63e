// HA071: a TLS server whose certificate is checked against a CA but not against a name. haproxy
// matches the certificate's names with the SNI it sends (`sni`) or, without one, with `verifyhost`;
// with neither, it ignores the names, so any certificate the CA file trusts is taken (with a public
// CA bundle, anyone's). haproxy 2.6.12 accepts such a line without a word. From 3.4 (`sni-auto`),
// an HTTP proxy sends the request's Host as SNI by default, which the certificate is then held to.
import type { Range } from "../../../../grammars/common/text.js";
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { haproxyServerOption } from "../../facts/haproxy.js";
import { availabilityAt } from "../../facts/versions.js";
import { replaceRange } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { searchFor, type HaproxyModel, type SectionModel } from "./model.js";
import { parseAddress, serverAddressWord, serverOptions } from "./options.js";
import { effectiveMode, effectiveServerOptions, globalStatements, serverLines, type EffectiveOptions } from "./proxy-settings.js";

// Only servers with a CA file can be reported: the lines that name one are where to start.
searchFor("ca-file");

/**
 * The servers a `ca-file` line can concern, with their sections, in configuration order: server
 * lines that name a CA file, and the servers that a default-server line naming one stands before
 * (in its section, or in every proxy that inherits from its defaults section).
 */
function candidates(model: HaproxyModel): { server: Statement; section: SectionModel }[] {
  const found = new Map<Statement, SectionModel>();
  for (const { statement, keyword, section } of model.mentioning("ca-file")) {
    if (keyword === "server" || keyword === "server-template") {
      if (section.type === "backend" || section.type === "listen") found.set(statement, section);
      continue;
    }
    if (keyword !== "default-server") continue;
    const proxies = section.type === "defaults" ? model.heirs(section) : [section];
    for (const proxy of proxies) {
      if (proxy.type !== "backend" && proxy.type !== "listen") continue;
      for (const server of serverLines(model, proxy)) {
        if (proxy === section && server.range.startOffset < statement.range.startOffset) continue;
        found.set(server, proxy);
      }
    }
  }
  return [...found].map(([server, section]) => ({ server, section }));
}

/** Whether certificates are checked unless a server says otherwise (global `ssl-server-verify`). */
function verifiesByDefault(model: HaproxyModel): boolean {
  for (const { statement } of globalStatements(model)) {
    if (statement.wordIs(0, "ssl-server-verify")) return !statement.wordIs(1, "none");
  }
  return true;
}

/** Whether the server's traffic (not only its checks) uses TLS, its certificate checked against a CA file. */
function checksChainOnly(options: EffectiveOptions, verifyDefault: boolean): boolean {
  const ssl = options.get("ssl");
  const noSsl = options.get("no-ssl");
  if (!ssl || (noSsl && noSsl.word.range.start.offset > ssl.word.range.start.offset)) return false;
  const verify = options.get("verify")?.value?.value;
  if (verify === "none" || (verify === undefined && !verifyDefault)) return false;
  // Without a CA file haproxy 2.6 refuses the line (HA062's business), later ones the handshake.
  if (!options.has("ca-file")) return false;
  return !options.has("sni") && !options.has("verifyhost");
}

/** From 3.4 an HTTP proxy's servers send the request's Host as SNI unless told not to. */
function sendsHostAsSni(model: HaproxyModel, section: SectionModel, options: EffectiveOptions): boolean {
  if (availabilityAt(haproxyServerOption("sni-auto")?.availability, model.version) !== "ok") return false;
  return effectiveMode(model, section) === "http" && !options.has("no-sni-auto");
}

function endOf(statement: Statement): Range {
  const last = statement.words[statement.words.length - 1]!.range.end;
  return { start: last, end: last };
}

export const serverNameUnchecked: HaproxyRule = {
  meta: {
    id: "HA071",
    alias: "server-name-unchecked",
    product: "haproxy",
    severity: "warning",
    category: "security",
    description: "a TLS server's certificate is checked against the CA file but not against the server's name",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const servers = candidates(model);
    if (servers.length === 0) return;
    const verifyDefault = verifiesByDefault(model);
    for (const { server, section } of servers) {
      const options = effectiveServerOptions(model, section, server);
      if (!checksChainOnly(options, verifyDefault) || sendsHostAsSni(model, section, options)) continue;
      const address = serverAddressWord(server);
      const parsed = address && parseAddress(address.value);
      if (!parsed || parsed.kind !== "inet" || parsed.loopback) continue;
      const name = server.args[0]?.value ?? "";
      const own = serverOptions(server).find((option) => option.name === "ssl");
      const suggestions = parsed.hostname
        ? [
            replaceRange(endOf(server), ` verifyhost ${parsed.host}`, `check the certificate against '${parsed.host}'`),
            replaceRange(endOf(server), ` sni str(${parsed.host})`, `send '${parsed.host}' as SNI and check the certificate against it`),
          ]
        : [];
      report({
        uri: section.uri,
        range: (own?.word ?? server.args[0] ?? server.keyword).range,
        suggestions,
        message: `server '${name}' takes any certificate its CA file trusts, whoever it was issued to: without 'sni' or 'verifyhost' haproxy does not check the certificate's names`,
      });
    }
  },
};
