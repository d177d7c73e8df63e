// HA015: a backend that nothing sends traffic to. A backend is reached through use_backend and
// default_backend (in frontends, listens and defaults); it is also "used" when another proxy names
// it for its stick table (`table NAME`), tracks one of its servers (`track NAME/srv`) or reads its
// state with a sample fetch (`nbsrv(NAME)`, `srv_is_up(NAME/srv)`, `sc_…(0,NAME)`). A listen is
// never reported: it has its own bind, nor is a backend that only holds a stick table. When a
// use_backend computes its name (`%[…]`), or a SPOE filter names backends in its own file, any
// backend may be the target, and a file without any frontend or listen is a fragment of a larger
// configuration: in these cases the rule says nothing.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { searchFor, isDynamic, type SectionModel } from "./model.js";

// The words this rule looks for (see `mentioning`).
searchFor("(", "table", "track");

/**
 * The backend names a statement refers to in other ways than use_backend/default_backend: the
 * word after `table`, the backend part of `track BACKEND/server`, and the arguments of sample
 * fetches and converters (`nbsrv(NAME)`, `srv_is_up(NAME/server)`, `sc_http_req_rate(0,NAME)`).
 * `calls` keeps what the calls of each word value name: a large file repeats a few (`hdr(host)`).
 */
function mentions(statement: Statement, calls: Map<string, readonly string[]>, found: string[]): void {
  const words = statement.words;
  for (let i = 1; i < words.length; i++) {
    const value = words[i]!.value;
    const previous = words[i - 1]!.value;
    if (previous === "table") found.push(value);
    else if (previous === "track") found.push(value.split("/")[0]!);
    if (!value.includes("(")) continue;
    let named = calls.get(value);
    if (named === undefined) calls.set(value, (named = callArguments(value)));
    for (let j = 0; j < named.length; j++) found.push(named[j]!);
  }
}

/** The names in the innermost calls of a word (each `(…)` without a parenthesis inside), before any `/`. */
function callArguments(value: string): string[] {
  const found: string[] = [];
  for (const group of value.matchAll(/\(([^()]*)\)/g)) {
    for (const argument of group[1]!.split(",")) found.push(argument.trim().split("/")[0]!);
  }
  return found;
}

export const unusedBackend: HaproxyRule = {
  meta: {
    id: "HA015",
    alias: "unused-backend",
    product: "haproxy",
    severity: "info",
    category: "reference",
    description: "a backend that no use_backend or default_backend names",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    const routed = new Set<string>();
    // Name → the sections that mention it otherwise (a backend's own mentions do not count).
    const mentionedBy = new Map<string, Set<SectionModel>>();
    for (const { statement } of [...model.withKeyword("use_backend"), ...model.withKeyword("default_backend")]) {
      const target = statement.args[0];
      if (!target) continue;
      // A computed name may reach any backend.
      if (isDynamic(target) || target.variables.length > 0) return;
      routed.add(target.value);
    }
    // SPOE agents name their backend in a separate file lblint does not read.
    if (model.withKeyword("filter").some(({ statement }) => statement.args[0]?.value === "spoe")) return;
    // Only the lines where `mentions` can find something: a `(`, a `table` or a `track` word.
    const calls = new Map<string, readonly string[]>();
    const found: string[] = [];
    for (const placed of model.mentioning("(", "table", "track")) {
      const keyword = placed.keyword;
      if (keyword === "use_backend" || keyword === "default_backend") continue;
      found.length = 0;
      mentions(placed.statement, calls, found);
      for (const name of found) (mentionedBy.get(name) ?? mentionedBy.set(name, new Set()).get(name)!).add(placed.section);
    }
    // A file without a frontend or listen is a fragment of a configuration split over several files.
    if (model.sectionsOfType("frontend", "listen").length === 0) return;
    for (const backend of model.sectionsOfType("backend")) {
      const name = backend.name;
      if (name === undefined || !backend.section.name || backend.section.name.variables.length > 0 || routed.has(name)) continue;
      // A backend that only holds a stick table is not meant to receive traffic.
      if (model.has(backend, "stick-table") && !model.has(backend, "server") && !model.has(backend, "server-template")) continue;
      const by = mentionedBy.get(name);
      if (by && [...by].some((section) => section !== backend)) continue;
      report({
        range: backend.section.name.range,
        uri: backend.uri,
        message: `backend '${name}' is never used: no use_backend or default_backend names it`,
      });
    }
  },
};
