// HA041: TLS towards servers without checking their certificate. haproxy 2.6 verifies server
// certificates by default and refuses a `server … ssl` line without a CA file (h14b); `verify none`
// and global `ssl-server-verify none` are the ways out, accepted silently (h38). Loopback and UNIX
// socket servers are left alone: nobody stands between haproxy and them.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import { replaceRange } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { searchFor, type HaproxyModel, type SectionModel } from "./model.js";
import { parseAddress, serverAddressWord, serverOptions, spanWords } from "./options.js";
import { describe, effectiveServerOptions, globalStatements, serverLines } from "./proxy-settings.js";

// The words this rule looks for (see `mentioning`).
searchFor("verify");

function speaksTls(options: { has(name: string): boolean }): boolean {
  return options.has("ssl") || options.has("check-ssl");
}

function isLocal(server: Statement): boolean {
  const address = serverAddressWord(server);
  if (address === undefined) return false;
  const parsed = parseAddress(address.value);
  return parsed.loopback || parsed.kind === "other";
}

/** Servers that take their settings from a default-server line: later servers of its section, and servers of heirs of a defaults section. */
function serversUnder(model: HaproxyModel, section: SectionModel, line: Statement): { server: Statement; section: SectionModel }[] {
  const found = serverLines(model, section)
    .filter((s) => s.range.startOffset > line.range.startOffset)
    .map((server) => ({ server, section }));
  if (section.type === "defaults") {
    for (const heir of model.heirs(section)) if (heir !== section) found.push(...serverLines(model, heir).map((server) => ({ server, section: heir })));
  }
  return found;
}

export const sslVerifyNone: HaproxyRule = {
  meta: {
    id: "HA041",
    alias: "ssl-verify-none",
    product: "haproxy",
    severity: "warning",
    category: "security",
    description: "TLS connections to servers do not verify the server certificate",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    // Only the lines that say `verify`.
    for (const { statement, keyword, section } of model.mentioning("verify")) {
      if (section.type !== "defaults" && section.type !== "backend" && section.type !== "listen") continue;
      if (keyword !== "server" && keyword !== "server-template" && keyword !== "default-server") continue;
      const verify = serverOptions(statement).find((o) => o.name === "verify");
      if (!verify?.value || verify.value.value !== "none") continue;
      const range = spanWords(verify.word, verify.value);
      const suggestions = [replaceRange(verify.value.range, "required ca-file @system-ca", "verify against the system's CA store")];
      if (keyword === "default-server") {
        const tls = speaksTls(new Map(serverOptions(statement).map((o) => [o.name, o])));
        const affected = serversUnder(model, section, statement).filter(
          ({ server, section: owner }) => !isLocal(server) && speaksTls(effectiveServerOptions(model, owner, server)) && !serverOptions(server).some((o) => o.name === "verify"),
        );
        if (!tls && affected.length === 0) continue;
        report({ uri: section.uri, range, suggestions, message: `'verify none' on default-server turns certificate checks off for the TLS servers of ${describe(section)}` });
        continue;
      }
      const options = effectiveServerOptions(model, section, statement);
      if (isLocal(statement) || !speaksTls(options)) continue;
      const name = statement.args[0]?.value ?? "";
      const address = serverAddressWord(statement)?.value ?? "";
      // `check-ssl` without `ssl`: only the health checks use TLS, the traffic itself does not.
      const checksOnly = !options.has("ssl");
      report({
        uri: section.uri,
        range,
        suggestions,
        ...(checksOnly ? { severity: "info" as const } : {}),
        message: checksOnly
          ? `the TLS health checks of server '${name}' do not check its certificate: a machine posing as it would be marked UP`
          : `server '${name}' uses TLS to '${address}' without checking its certificate: anyone on the path can pose as it`,
      });
    }
    for (const { statement, section } of globalStatements(model)) {
      if (statement.keyword.value !== "ssl-server-verify" || statement.args[0]?.value !== "none") continue;
      report({
        uri: section.uri,
        range: statement.args[0].range,
        suggestions: [replaceRange(statement.args[0].range, "required", "verify server certificates")],
        message: "'ssl-server-verify none' turns certificate checks off for every TLS server that does not say 'verify required' itself",
      });
    }
  },
};
