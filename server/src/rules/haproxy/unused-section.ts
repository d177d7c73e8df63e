// HA086: a userlist, resolvers, peers, cache, http-errors, fcgi-app or mailers section that nothing
// names. haproxy reads it and keeps it without a word, so it does nothing: often a name was changed
// on one side only, or the line that used it was removed. (A backend is HA015's; a ring may be
// read from the runtime API alone, so it is not judged.) What names a section is what HA019 checks
// the other way (`references`), plus `httpclient.resolvers.id`; a peers section that holds its own
// stick tables is in use, and a userlist when a `program` section runs (the Data Plane API reads
// its users from one). A name made at run time may be any section of its kind, and a file without
// a frontend or listen is a fragment of a larger configuration: the rule then says nothing.
import type { HaproxyRule } from "../../lint/rule.js";
import { referringLines, references } from "./undefined-reference.js";

const KINDS = ["userlist", "resolvers", "peers", "cache", "http-errors", "fcgi-app", "mailers"];

export const unusedSection: HaproxyRule = {
  meta: {
    id: "HA086",
    alias: "unused-section",
    product: "haproxy",
    severity: "info",
    category: "reference",
    description: "a userlist, resolvers, peers, cache, http-errors, fcgi-app or mailers section that nothing names",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const sections = model.sectionsOfType(...KINDS);
    if (sections.length === 0 || model.sectionsOfType("frontend", "listen").length === 0) return;
    const named = new Map<string, Set<string>>(KINDS.map((kind) => [kind, new Set<string>()]));
    const anyOf = new Set<string>();
    for (const placed of referringLines(model)) {
      for (const reference of references(placed)) {
        if (reference.dynamic) anyOf.add(reference.kind);
        else named.get(reference.kind)?.add(reference.name);
      }
    }
    for (const placed of model.withKeyword("httpclient.resolvers.id")) {
      const name = placed.value(0);
      if (name !== undefined) named.get("resolvers")!.add(name);
    }
    const programs = model.sectionsOfType("program").length > 0;
    for (const section of sections) {
      const name = section.name;
      const word = section.section.name;
      if (name === undefined || !word || word.variables.length > 0 || anyOf.has(section.type) || named.get(section.type)!.has(name)) continue;
      if (section.type === "peers" && model.has(section, "table")) continue;
      // The Data Plane API, run from a `program` section, reads its users from a userlist.
      if (section.type === "userlist" && programs) continue;
      report({ range: word.range, uri: section.uri, message: `${section.type} section '${name}' is never used: ${USED_BY[section.type]}` });
    }
  },
};

/** What would name each kind of section, for the message. */
const USED_BY: Readonly<Record<string, string>> = {
  userlist: "no http_auth() or http_auth_group() names it (unless a program outside this file, such as the Data Plane API, reads it)",
  resolvers: "no server line names it with 'resolvers', and no do-resolve action or httpclient.resolvers.id",
  peers: "no stick-table names it with 'peers', and it holds no table of its own",
  cache: "no 'filter cache', 'http-request cache-use' or 'http-response cache-store' names it",
  "http-errors": "no 'errorfiles' names it",
  "fcgi-app": "no 'use-fcgi-app' or 'filter fcgi-app' names it",
  mailers: "no 'email-alert mailers' names it",
};
