// HA084: a proxy in mode tcp whose rules read the request's first bytes (`req_ssl_sni`,
// `req_ssl_hello_type`, `req.payload(…)`, `req.len`, …) without a `tcp-request inspect-delay`. haproxy
// then evaluates them as soon as the connection is accepted, on whatever has arrived (usually
// nothing), so SNI routing falls to the default backend at random. haproxy 2.6.12 warns only for a
// `tcp-request content capture` of such data ("a 'tcp-request capture' rule explicitly depending on
// request contents without any 'tcp-request inspect-delay' setting"); the other rules fail the same
// way without a word. A delay in the named defaults section the proxy inherits from counts. Only
// frontends and listen sections: a backend's rules run after its frontend has waited for the data.
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, searchFor, type SectionModel } from "./model.js";
import { RAW_REQUEST_WORDS, readsRawRequest } from "./l6-fetch-in-http.js";
import { samplesOf } from "./samples.js";

searchFor("inspect-delay");

/** The rules of a frontend that run on the request before a backend is chosen, and a backend's. */
const REQUEST_RULES: ReadonlySet<string> = new Set(["tcp-request", "use_backend", "use-server", "stick", "acl"]);

export const inspectDelayMissing: HaproxyRule = {
  meta: {
    id: "HA084",
    alias: "inspect-delay-missing",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "rules of a TCP proxy read the request's first bytes without a tcp-request inspect-delay",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    if (model.mentioning(...RAW_REQUEST_WORDS).length === 0) return;
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
      const raw = samples.find((sample) => sample.kind === "fetch" && readsRawRequest(sample.name));
      if (!raw) continue;
      // A named ACL counts where a rule uses it; its definition alone reads nothing.
      if (placed.keyword === "acl") {
        const name = statement.args[0]?.value;
        if (!name || !model.aclsUsedIn(section).some(({ reference }) => reference.name === name)) continue;
      }
      if (model.mode(section).mode !== "tcp" || hasDelay(section)) continue;
      reported.add(section);
      report({
        uri: section.uri,
        range: raw.range,
        message: `'${raw.name}' reads the first bytes of the request, but ${describe(section)} has no 'tcp-request inspect-delay': haproxy evaluates its rules as soon as the connection is accepted, on whatever has arrived (add 'tcp-request inspect-delay 5s' and 'tcp-request content accept if …' for the data)`,
      });
    }
  },
};
