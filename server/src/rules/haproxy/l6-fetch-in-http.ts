// HA083: a condition of an HTTP proxy that reads the raw bytes of the request (`req_ssl_sni`,
// `req.payload(…)`, `req.len`, `rdp_cookie`, the predefined REQ_CONTENT and RDP_COOKIE). In mode
// http haproxy has parsed the request before any rule runs, and it ignores such fetches with a
// warning ("Proxy 'fe': L6 sample fetches ignored on HTTP proxies (declared at …)"): the fetch finds
// nothing, and `use_backend be if { req_ssl_sni -i a.example }` sends nothing to `be`. A
// frontend that terminates TLS reads the name with `ssl_fc_sni`. Named ACLs are reported where a
// condition uses them, as haproxy does; an expression outside a condition is not (haproxy is silent).
import { haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, searchFor, type SectionModel } from "./model.js";
import { readCriterion } from "./sample-expr.js";
import { samplesOf } from "./samples.js";

/** Names of fetches that read the request's bytes before HTTP parsing (checked one by one against haproxy 2.6.12). */
const RAW_REQUEST_NAME = /^(?:req[._](?:payload(?:_lv)?|len|ssl_[a-z_]+|rdp_cookie(?:_cnt)?)|req_ssl_[a-z_]+|req_len|payload(?:_lv)?|rdp_cookie(?:_cnt)?)$/;

/** Whether a fetch reads the raw request: one of those names that haproxy knows (an unknown one is HA060's). */
export function readsRawRequest(name: string): boolean {
  return RAW_REQUEST_NAME.test(name) && haproxyFetch(name) !== undefined;
}
/** Predefined ACLs that read them: REQ_CONTENT is `req.len gt 0`, RDP_COOKIE `req.rdp_cookie_cnt gt 0`. */
const RAW_PREDEFINED: ReadonlySet<string> = new Set(["REQ_CONTENT", "RDP_COOKIE"]);

/** What a line that reads the raw request holds (see `mentioning`). */
export const RAW_REQUEST_WORDS = ["req_ssl", "req.ssl", "payload", "req.len", "req_len", "rdp_cookie", "REQ_CONTENT", "RDP_COOKIE"];
searchFor(...RAW_REQUEST_WORDS);

const ADVICE = "in mode http haproxy has parsed the request already and ignores the fetch, which finds nothing, so the condition does not test what it says (read a TLS server name with ssl_fc_sni where haproxy terminates TLS)";

export const l6FetchInHttp: HaproxyRule = {
  meta: {
    id: "HA083",
    alias: "l6-fetch-in-http",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a condition of an HTTP proxy reads the raw request bytes, which haproxy ignores there",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // One scan of the text: most configurations read no raw request bytes at all.
    if (model.mentioning(...RAW_REQUEST_WORDS).length === 0) return;
    const http = new Map<SectionModel, boolean>();
    const isHttp = (section: SectionModel) => {
      let found = http.get(section);
      if (found === undefined) http.set(section, (found = section.isProxy && section.type !== "defaults" && model.mode(section).mode === "http"));
      return found;
    };
    // Anonymous ACLs in conditions.
    for (const { placed, samples } of samplesOf(model)) {
      if (placed.keyword === "acl" || placed.statement.condition === undefined || !isHttp(placed.section)) continue;
      for (const sample of samples) {
        if (sample.kind !== "fetch" || !sample.aclCriterion || !readsRawRequest(sample.name)) continue;
        report({ uri: placed.section.uri, range: sample.range, message: `'${sample.name}' reads the raw bytes of the request: ${ADVICE}` });
      }
    }
    // Named ACLs, where a condition of an HTTP proxy uses them.
    for (const section of model.sectionsOfType("frontend", "backend", "listen")) {
      if (!isHttp(section)) continue;
      const uses = model.aclsUsedIn(section);
      if (uses.length === 0) continue;
      const defined = model.aclsDefinedIn(section);
      for (const { reference } of uses) {
        const definitions = defined.get(reference.name);
        let fetch: string | undefined;
        if (definitions && definitions.length > 0) {
          const fetches = definitions.map((definition) => readCriterion(definition.args.slice(1))?.fetch);
          if (fetches.every((name) => name !== undefined && readsRawRequest(name))) fetch = fetches[0];
        } else if (RAW_PREDEFINED.has(reference.name)) fetch = reference.name === "REQ_CONTENT" ? "req.len" : "req.rdp_cookie_cnt";
        if (fetch === undefined) continue;
        report({
          uri: section.uri,
          range: reference.nameRange,
          message: `acl '${reference.name}' of ${describe(section)} reads the raw bytes of the request ('${fetch}'): ${ADVICE}`,
        });
      }
    }
  },
};
