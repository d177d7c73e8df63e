// HA062: TLS set up halfway. A `bind … ssl` needs a certificate (`crt`, `crt-list`, or in 3.x
// `default-crt`), and a `server … ssl` must either verify the server's certificate against a CA
// (`ca-file`) or say `verify none` (or `ssl-server-verify none` in global): haproxy 2.6 verifies by
// default and refuses a server line with neither ("verify is enabled by default but no CA file
// specified") and a bind with no certificate ("no SSL certificate specified for bind").
import type { HaproxyRule } from "../../lint/rule.js";
import { searchFor } from "./model.js";
import { bindOptions } from "./options.js";
import { defaultServersSet, effectiveServerOptions, globalStatements, serverLines } from "./proxy-settings.js";

searchFor("ssl");

const CERTIFICATE_OPTIONS = ["crt", "crt-list", "default-crt"];

export const sslIncomplete: HaproxyRule = {
  meta: {
    id: "HA062",
    alias: "ssl-incomplete",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a TLS bind without a certificate, or a TLS server with neither a CA file nor 'verify none'",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const globalVerifyNone = globalStatements(model).some(
      ({ statement }) => statement.keyword.value === "ssl-server-verify" && statement.args[0]?.value === "none",
    );
    for (const section of model.sectionsOfType("frontend", "listen")) {
      for (const statement of model.keywordIn(section, "bind")) {
        const options = bindOptions(statement);
        const ssl = options.find((o) => o.name === "ssl");
        if (!ssl || options.some((o) => CERTIFICATE_OPTIONS.includes(o.name))) continue;
        report({ uri: section.uri, range: ssl.word.range, message: "this TLS listener has no certificate: add 'crt /path/to/cert.pem' (or 'crt-list'); haproxy refuses it" });
      }
    }
    if (globalVerifyNone) return;
    // Only servers that can have `ssl`: on their line, or from a default-server line.
    const saying = new Set(model.mentioning("ssl").map((placed) => placed.statement));
    for (const section of model.sectionsOfType("backend", "listen")) {
      const inherited = defaultServersSet(model, section, "ssl");
      for (const server of serverLines(model, section)) {
        if (!inherited && !saying.has(server)) continue;
        const options = effectiveServerOptions(model, section, server);
        // `ssl` may come from a default-server line; `no-ssl` on the server turns it off again.
        if (!options.has("ssl") || server.args.some((w) => w.value === "no-ssl")) continue;
        if (options.has("ca-file") || options.get("verify")?.value?.value === "none") continue;
        const own = server.args.find((w) => w.value === "ssl");
        report({
          uri: section.uri,
          range: (own ?? server.keyword).range,
          message: "haproxy verifies TLS servers by default, and this one has no 'ca-file' to verify against: add 'ca-file /path/to/ca.pem' (or '@system-ca'), or 'verify none' if its certificate cannot be checked; haproxy refuses it",
        });
      }
    }
  },
};
