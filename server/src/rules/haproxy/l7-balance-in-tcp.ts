// HA032: a load-balancing algorithm that reads the HTTP request (`uri`, `url_param`, `hdr(…)`) in
// a backend in mode tcp. haproxy 2.6 warns "Layer 7 hash not possible for backend 'x' (needs 'mode
// http'). Falling back to round robin." (measured; `url_param` included). `rdp-cookie` reads a TCP
// payload and is fine in mode tcp; `hash <expression>` is not checked by haproxy and not here.
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, where } from "./model.js";

function isLayer7(algorithm: string): boolean {
  return algorithm === "uri" || algorithm === "url_param" || algorithm.startsWith("hdr(");
}

export const l7BalanceInTcp: HaproxyRule = {
  meta: {
    id: "HA032",
    alias: "l7-balance-in-tcp",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "balance uri, url_param or hdr() in a backend in mode tcp, where haproxy falls back to round robin",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const section of model.sectionsOfType("backend", "listen")) {
      const { mode, from } = model.mode(section);
      if (mode !== "tcp" || from?.statement.guard) continue;
      const balance = model.keywordSetting(section, "balance", (s) => s.args.length > 0);
      const algorithm = balance?.statement.args[0];
      if (!balance || !algorithm || !isLayer7(algorithm.value)) continue;
      const own = balance.section === section;
      const modeNote = from ? `mode tcp` : "mode tcp (haproxy's default)";
      report({
        range: own ? algorithm.range : section.section.name!.range,
        uri: section.uri,
        message: own
          ? `'balance ${algorithm.value}' needs HTTP, but ${describe(section)} is in ${modeNote}: haproxy falls back to round robin`
          : `${describe(section)} is in ${modeNote} and inherits 'balance ${algorithm.value}' from ${describe(balance.section)} (${where(balance.section.uri, balance.statement.range, section.uri)}): haproxy falls back to round robin`,
        ...(own ? {} : { related: [{ uri: balance.section.uri, range: algorithm.range, message: "the inherited algorithm" }] }),
      });
    }
  },
};
