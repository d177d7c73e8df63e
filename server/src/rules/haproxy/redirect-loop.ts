// HA050: a redirect to https that can redirect https requests again. On a frontend with a TLS bind,
// the redirect needs a condition that tells TLS requests apart (`!{ ssl_fc }`). When no bind of the
// whole configuration terminates TLS, https must be terminated in front of haproxy (a cloud load
// balancer, a CDN) and every request arrives as plain http: `ssl_fc` is always false there, and only
// a header set by that proxy (X-Forwarded-Proto, Forwarded…) or the destination port can tell.
// A port-80 frontend that redirects unconditionally while another frontend of the configuration
// serves TLS is the common, correct setup and is not reported (the catalogue flagged any frontend
// without an ssl bind).
import type { Statement, Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import type { HaproxyModel, SectionModel } from "./model.js";
import { bindOptions, spanWords } from "./options.js";
import { conditionWords, effectiveMode } from "./proxy-settings.js";

const FORWARDED = /x-forwarded-proto|x-forwarded-ssl|x-forwarded-scheme|x-forwarded-port|front-end-https|x-url-scheme|\bforwarded\b|\b(?:fc_)?dst_port\b|\bso_name\b/i;
const TLS = /\bssl_fc\b|\bssl_fc_|\bssl_c_|\bssl_f_/i;

function hasTlsBind(model: HaproxyModel, section: SectionModel): boolean {
  return model.keywordIn(section, "bind").some((s) => bindOptions(s).some((o) => o.name === "ssl"));
}

/** The words `redirect scheme https` (or `http-request redirect scheme https`) of a statement. */
function httpsRedirect(statement: Statement): [Word, Word] | undefined {
  const keyword = statement.keyword.value;
  const args = statement.args;
  const at = keyword === "redirect" ? 0 : keyword === "http-request" && args[0]?.value === "redirect" ? 1 : -1;
  if (at < 0 || args[at]?.value !== "scheme" || args[at + 1]?.value.toLowerCase() !== "https") return undefined;
  return [keyword === "redirect" ? statement.keyword : args[0]!, args[at + 1]!];
}

export const redirectLoop: HaproxyRule = {
  meta: {
    id: "HA050",
    alias: "redirect-loop",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a redirect to https can apply to requests that already came over https, redirecting them forever",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const proxies = model.sectionsOfType("frontend", "listen");
    const tlsSomewhere = proxies.some((section) => hasTlsBind(model, section));
    for (const section of proxies) {
      if (effectiveMode(model, section) !== "http") continue;
      const tlsHere = hasTlsBind(model, section);
      if (!tlsHere && tlsSomewhere) continue;
      for (const statement of model.keywordsIn(section, ["redirect", "http-request"])) {
        const words = httpsRedirect(statement);
        // `append-slash` sends the client to another URL, which a path condition no longer matches.
        if (!words || statement.args.some((w) => w.value === "append-slash")) continue;
        const tested = conditionWords(model, section, statement.condition).map((w) => w.value).join(" ");
        const range = spanWords(words[0], words[1]);
        if (tlsHere) {
          if (TLS.test(tested) || FORWARDED.test(tested)) continue;
          report({
            uri: section.uri,
            range,
            message: "this frontend also accepts TLS: without a condition such as '!{ ssl_fc }', requests that came over https are redirected to https again, forever",
          });
        } else {
          if (FORWARDED.test(tested)) continue;
          report({
            uri: section.uri,
            range,
            severity: "info",
            message: TLS.test(tested)
              ? "no bind of this configuration terminates TLS, so 'ssl_fc' is always false here: if TLS ends in front of haproxy, every request is redirected again; test X-Forwarded-Proto instead"
              : "no bind of this configuration terminates TLS: if TLS ends in front of haproxy, every request arrives as http and is redirected again; test X-Forwarded-Proto",
          });
        }
      }
    }
  },
};
