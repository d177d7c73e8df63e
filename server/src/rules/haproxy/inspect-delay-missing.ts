// HA084: a proxy in mode tcp whose rules read the request's first bytes (`req_ssl_sni`,
// `req_ssl_hello_type`, `req.payload(…)`, `req.len`, …) without a `tcp-request inspect-delay`. haproxy
// then evaluates them as soon as the connection is accepted, on whatever has arrived (usually
// nothing), so SNI routing falls to the default backend at random. haproxy 2.6.12 warns only for a
// `tcp-request content capture` of such data ("a 'tcp-request capture' rule explicitly depending on
// request contents without any 'tcp-request inspect-delay' setting"); the other rules fail the same
// way without a word. A delay in the named defaults section the proxy inherits from counts. Only
// frontends and listen sections: a backend's rules run after its frontend has waited for the data.
// The same holds for a fetch of the HTTP request (`path_beg`, `hdr(host)`) in a proxy left in mode
// tcp: haproxy parses the request from the bytes that have arrived, none at first, so
// `use_backend api if { path_beg /api }` never matches there (measured with haproxy 2.6.12: the
// connection is closed; with `tcp-request inspect-delay 2s` it reaches the backend). Not after a
// `tcp-request content switch-mode http`, which makes the proxy an HTTP one.
import { haproxyAclFetch, haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, searchFor, type SectionModel } from "./model.js";
import { RAW_REQUEST_WORDS, readsRawRequest } from "./l6-fetch-in-http.js";
import { samplesOf } from "./samples.js";

searchFor("inspect-delay");

/** The rules of a frontend that run on the request before a backend is chosen, and a backend's. */
const REQUEST_RULES: ReadonlySet<string> = new Set(["tcp-request", "use_backend", "use-server", "stick", "acl"]);

/** Where haproxy 2.6.12 lets a fetch of the request's HTTP contents be used: request rules only. */
const HTTP_REQUEST_ONLY = "..YYYYYYYYY...........";

/** Whether a fetch (or the ACL keyword standing for one) reads the HTTP request: `path`, `req.hdr`, `url_param` … */
function readsHttpRequest(name: string): boolean {
  const fetch = haproxyFetch(haproxyAclFetch(name));
  return fetch?.doc?.chapter === "7.3.6" && fetch.usable === HTTP_REQUEST_ONLY;
}

export const inspectDelayMissing: HaproxyRule = {
  meta: {
    id: "HA084",
    alias: "inspect-delay-missing",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "rules of a TCP proxy read the request's first bytes or its HTTP contents without a tcp-request inspect-delay",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    const raw = model.mentioning(...RAW_REQUEST_WORDS).length > 0;
    // An HTTP fetch matters only in a frontend or listen section left in mode tcp.
    const tcpProxies = [...model.sectionsOfType("frontend"), ...model.sectionsOfType("listen")].some((section) => model.mode(section).mode === "tcp");
    if (!raw && !tcpProxies) return;
    const delayed = new Map<SectionModel, boolean>();
    const hasDelay = (section: SectionModel) => {
      let found = delayed.get(section);
      if (found === undefined) {
        found = [section, ...model.defaultsChain(section)].some((holder) =>
          model.keywordIn(holder, "tcp-request").some((statement) => statement.wordIs(1, "inspect-delay")),
        );
        delayed.set(section, found);
      }
      return found;
    };
    const reported = new Set<SectionModel>();
    for (const { placed, samples } of samplesOf(model)) {
      const { section, statement } = placed;
      // A backend's rules run once a frontend has chosen it, after that frontend's own wait for data.
      if (reported.has(section) || !REQUEST_RULES.has(placed.keyword) || (section.type !== "frontend" && section.type !== "listen")) continue;
      if (placed.keyword === "tcp-request" && !statement.wordIs(1, "content")) continue;
      const found = samples.find((sample) => sample.kind === "fetch" && (readsRawRequest(sample.name) || (tcpProxies && readsHttpRequest(sample.name))));
      if (!found) continue;
      // A named ACL counts where a rule uses it; its definition alone reads nothing.
      if (placed.keyword === "acl") {
        const name = statement.args[0]?.value;
        if (!name || !model.aclsUsedIn(section).some(({ reference }) => reference.name === name)) continue;
      }
      if (model.mode(section).mode !== "tcp" || hasDelay(section)) continue;
      // `tcp-request content switch-mode http` makes the proxy parse the request as HTTP first.
      if (!readsRawRequest(found.name) && model.keywordIn(section, "tcp-request").some((rule) => rule.wordIs(2, "switch-mode"))) continue;
      reported.add(section);
      report({
        uri: section.uri,
        range: found.range,
        message: readsRawRequest(found.name)
          ? `'${found.name}' reads the first bytes of the request, but ${describe(section)} has no 'tcp-request inspect-delay': haproxy evaluates its rules as soon as the connection is accepted, on whatever has arrived (add 'tcp-request inspect-delay 5s' and 'tcp-request content accept if …' for the data)`
          : `'${found.name}' reads the HTTP request, but ${describe(section)} is in mode tcp without a 'tcp-request inspect-delay': haproxy evaluates its rules as soon as the connection is accepted, before a request has arrived, so the fetch finds nothing and a condition on it never matches (set 'mode http', or add 'tcp-request inspect-delay 5s')`,
      });
    }
  },
};
