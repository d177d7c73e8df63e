// HA062: TLS set up halfway. A `bind … ssl` needs a certificate (`crt`, `crt-list`, or in 3.x
// `default-crt`), and a `server … ssl` (or `check-ssl`) must either verify the server's certificate
// against a CA (`ca-file`) or say `verify none` (or `ssl-server-verify none` in global): haproxy 2.6
// verifies by default and refuses a server line with neither ("verify is enabled by default but no
// CA file specified") and a bind with no certificate ("no SSL certificate specified for bind"). A
// check's `connect … ssl` step asks the same of every server. A bind with a certificate but no `ssl`
// is the other half, which haproxy takes silently (a warning).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { searchFor, type HaproxyModel, type SectionModel } from "./model.js";
import { bindOptions, serverOptions } from "./options.js";
import { effectiveServerOptions, globalStatements, withDefaults } from "./proxy-settings.js";

searchFor("ssl");
searchFor("check-ssl");

/** What the default-server lines before a server leave on: the last of `ssl`/`no-ssl`, of `check-ssl`/`no-check-ssl`. */
interface TlsDefaults {
  readonly ssl: boolean;
  readonly check: boolean;
}

const NONE: TlsDefaults = { ssl: false, check: false };

function afterLine(state: TlsDefaults, line: Statement): TlsDefaults {
  let { ssl, check } = state;
  for (const option of serverOptions(line)) {
    if (option.name === "ssl" || option.name === "no-ssl") ssl = option.name === "ssl";
    else if (option.name === "check-ssl" || option.name === "no-check-ssl") check = option.name === "check-ssl";
  }
  return { ssl, check };
}

/**
 * The line of a `tcp-check connect … ssl` or `http-check connect … ssl` step of the proxy or its
 * defaults. Measured on haproxy 2.6.12: with one, every server of the proxy needs a CA file or
 * `verify none`, whatever the check type (rules of the other kind, ignored, count too) and whatever
 * `no-ssl` or `no-check-ssl` it says.
 */
function tlsConnectStep(model: HaproxyModel, section: SectionModel): Statement | undefined {
  for (const owner of withDefaults(model, section)) {
    for (const line of model.keywordsIn(owner, ["tcp-check", "http-check"])) {
      if (line.args[0]?.value === "connect" && line.args.some((word, i) => i > 0 && word.value === "ssl")) return line;
    }
  }
  return undefined;
}

/**
 * Each server line of a proxy with whether it needs a certificate check, in one pass over its
 * default-server lines (its defaults' first). Measured on haproxy 2.6.12: `ssl` from a
 * default-server line stays on for this check even when the server says `no-ssl` (haproxy keeps a
 * TLS context for it), while the server's own `ssl no-ssl` and a later `default-server no-ssl` turn
 * it off; `check-ssl` needs the same, and `no-check-ssl` after it turns it off.
 */
function serversNeedingVerification(model: HaproxyModel, section: SectionModel): { readonly server: Statement; readonly by: string; readonly noSslIgnored: boolean }[] {
  let state = NONE;
  for (const owner of withDefaults(model, section)) {
    if (owner !== section) for (const line of model.keywordIn(owner, "default-server")) state = afterLine(state, line);
  }
  const lines = model.keywordsIn(section, ["default-server", "server", "server-template"]);
  const found: { server: Statement; by: string; noSslIgnored: boolean }[] = [];
  const connect = tlsConnectStep(model, section);
  for (const line of lines) {
    if (line.keyword.value === "default-server") {
      state = afterLine(state, line);
      continue;
    }
    const own = afterLine(NONE, line);
    const ownSsl = serverOptions(line).some((option) => option.name === "ssl" || option.name === "no-ssl");
    const ownCheck = serverOptions(line).some((option) => option.name === "check-ssl" || option.name === "no-check-ssl");
    if (state.ssl || (ownSsl && own.ssl)) found.push({ server: line, by: "ssl", noSslIgnored: state.ssl && ownSsl && !own.ssl });
    else if (ownCheck ? own.check : state.check) found.push({ server: line, by: "check-ssl", noSslIgnored: false });
    else if (connect) found.push({ server: line, by: `connect:${connect.range.start.line + 1}`, noSslIgnored: false });
  }
  return found;
}

const CERTIFICATE_OPTIONS = ["crt", "crt-list", "default-crt"];

const TLS_VERSIONS = ["SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

/**
 * The last `ssl-min-ver` above the last `ssl-max-ver` of a line's options (measured on 2.6.12, 3.0.11
 * and 3.2.26: `ssl-min-ver TLSv1.3 ssl-max-ver TLSv1.2` on a TLS bind or server is "all SSL/TLS
 * versions are disabled"; the server's own and its default-server's together). Unknown versions are
 * HA004's.
 */
function emptyVersionRange(options: readonly { readonly name: string; readonly word: { readonly range: Statement["range"] }; readonly value?: { readonly value: string } }[]): { readonly range: Statement["range"]; readonly text: string } | undefined {
  const last = (name: string) => [...options].reverse().find((o) => o.name === name);
  const min = last("ssl-min-ver");
  const max = last("ssl-max-ver");
  const low = TLS_VERSIONS.indexOf(min?.value?.value ?? "");
  const high = TLS_VERSIONS.indexOf(max?.value?.value ?? "");
  if (!min || !max || low < 0 || high < 0 || low <= high) return undefined;
  return { range: min.word.range, text: `'ssl-min-ver ${min.value!.value}' is above 'ssl-max-ver ${max.value!.value}'` };
}

export const sslIncomplete: HaproxyRule = {
  meta: {
    id: "HA062",
    alias: "ssl-incomplete",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a TLS bind without a certificate (or a certificate without 'ssl'), or a TLS server with neither a CA file nor 'verify none'",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const globalVerifyNone = globalStatements(model).some(
      ({ statement }) => statement.keyword.value === "ssl-server-verify" && statement.args[0]?.value === "none",
    );
    // A log-forward section's TLS listeners too (measured: "Proxy 'lf': no SSL certificate specified for bind").
    for (const section of model.sectionsOfType("frontend", "listen", "log-forward")) {
      for (const statement of model.keywordIn(section, "bind")) {
        const options = bindOptions(statement);
        const ssl = options.find((o) => o.name === "ssl");
        const certificate = options.find((o) => CERTIFICATE_OPTIONS.includes(o.name));
        // The other half: a certificate without `ssl`. haproxy 2.6.12 loads it without a word and the
        // listener speaks plain text (measured: plain HTTP answered, a TLS handshake fails).
        // QUIC listeners are left alone: the haproxy measured here is built without QUIC.
        if (!ssl && certificate && !/^quic/.test(statement.args[0]?.value ?? "")) {
          report({ uri: section.uri, range: certificate.word.range, severity: "warning", message: `this listener has a certificate ('${certificate.name}') but no 'ssl': haproxy loads it and still speaks plain text here, so TLS clients fail; add 'ssl'` });
          continue;
        }
        if (!ssl) continue;
        if (!certificate) {
          report({ uri: section.uri, range: ssl.word.range, message: "this TLS listener has no certificate: add 'crt /path/to/cert.pem' (or 'crt-list'); haproxy refuses it" });
          continue;
        }
        // Client certificates checked against no CA. Measured on 2.6.12, 3.0.11 and 3.2.26: `verify
        // optional` or `required` without a `ca-file` is "verify is enabled but no CA file specified for
        // bind", a `crt-list` or not; `ca-verify-file` is a CA too (a `crl-file` is not).
        const verify = [...options].reverse().find((o) => o.name === "verify");
        const mode = verify?.value?.value;
        if (verify && (mode === "optional" || mode === "required") && !options.some((o) => o.name === "ca-file" || o.name === "ca-verify-file")) {
          report({ uri: section.uri, range: verify.word.range, message: `'verify ${mode}' checks client certificates, and this listener has no 'ca-file' to check them against: add 'ca-file /path/to/ca.pem'; haproxy refuses it` });
        }
        const empty = emptyVersionRange(options);
        if (empty) report({ uri: section.uri, range: empty.range, message: `${empty.text}: no TLS version is left for this listener; haproxy refuses it ("all SSL/TLS versions are disabled")` });
      }
    }
    // Only proxies where `ssl` or `check-ssl` is written, on a server or a default-server line.
    const sections = new Set([...model.mentioning("ssl"), ...model.mentioning("check-ssl")].map((placed) => placed.section));
    for (const section of model.sectionsOfType("backend", "listen")) {
      if (!sections.has(section) && !withDefaults(model, section).some((owner) => sections.has(owner))) continue;
      for (const { server, by, noSslIgnored } of serversNeedingVerification(model, section)) {
        const options = effectiveServerOptions(model, section, server);
        if (by === "ssl") {
          const versions = ["ssl-min-ver", "ssl-max-ver"].map((name) => options.get(name)).filter((o) => o !== undefined);
          const empty = emptyVersionRange(versions);
          if (empty) report({ uri: section.uri, range: server.keyword.range, message: `${empty.text}: no TLS version is left for this server; haproxy refuses it ("all SSL/TLS versions are disabled")` });
        }
        const verify = options.get("verify")?.value?.value;
        if (options.has("ca-file") || verify === "none") continue;
        // `ssl-server-verify none` in global spares the servers that do not ask for verification
        // themselves (measured: `ssl verify required` without a ca-file is still refused).
        if (globalVerifyNone && verify !== "required") continue;
        const own = [...server.args].reverse().find((w) => w.value === by);
        const inherited = noSslIgnored ? " ('no-ssl' does not spare it: the 'ssl' of a default-server line still makes haproxy check it)" : "";
        const step = by.startsWith("connect:") ? ` (the TLS health checks of the 'connect … ssl' step on line ${by.slice(8)})` : "";
        const asked = globalVerifyNone ? "'verify required' makes haproxy verify this TLS server" : `haproxy verifies TLS servers${by === "check-ssl" ? " (and the TLS health checks of 'check-ssl')" : step} by default`;
        report({
          uri: section.uri,
          range: (own ?? server.keyword).range,
          message: `${asked}, and this one has no 'ca-file' to verify against: add 'ca-file /path/to/ca.pem' (or '@system-ca'), or 'verify none' if its certificate cannot be checked; haproxy refuses it${inherited}`,
        });
      }
    }
  },
};
