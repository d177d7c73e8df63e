// HA020: haproxy 2.6's "missing timeouts for frontend 'x'" warning, with the same test as its
// source: a proxy in mode tcp or http warns when, after inheritance from its defaults section,
//   - it has the frontend side (frontend, listen) and no `timeout client`, or
//   - it has the backend side (backend, listen), at least one server, and no `timeout connect`, or
//     no `timeout server` (in mode tcp a `timeout tunnel` stands in for `timeout server`).
// A value of 0 is no timeout at all. Reported once per proxy, on its name, like haproxy.
// A ring that forwards to a server is a backend to haproxy too: it warns unless the ring itself
// (defaults do not apply to it) sets `timeout connect` and `timeout server`.
import { indentOf, insertLinesFix, replaceRange } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { describe, parseTime, type HaproxyModel, type SectionModel } from "./model.js";

/** Usual values, as in haproxy's own examples: a connection is made fast or not at all. */
const USUAL: Readonly<Record<string, string>> = { client: "30s", connect: "5s", server: "30s" };

/**
 * Sets the missing timeouts in `target` (the proxy, or the defaults section it inherits from): a
 * timeout `target` itself sets to 0 gets a value, the others are added after its header.
 */
function setTimeouts(model: HaproxyModel, target: SectionModel, missing: readonly string[]): Fix | undefined {
  const lines = model.linesOf(target.uri);
  if (!lines) return undefined;
  const edits = [];
  const added: string[] = [];
  for (const name of missing) {
    const own = model.timeout(target, name);
    const value = own?.section === target ? own.statement.args[1] : undefined;
    if (value) edits.push(...replaceRange(value.range, USUAL[name]!, "").edits);
    else added.push(`timeout ${name} ${USUAL[name]}`);
  }
  const first = target.statements[0];
  const insert = added.length > 0 ? insertLinesFix(lines, target.section.header.range, added, (first && indentOf(lines, first.keyword.range)) || "    ", "") : undefined;
  if (insert) edits.push(...insert.edits);
  const described = missing.map((name) => `'timeout ${name} ${USUAL[name]}'`).join(", ").replace(/, ([^,]*)$/, " and $1");
  return { description: `set ${described} in ${describe(target)}`, edits };
}

/**
 * Offered in an editor, not applied by --fix: the right values depend on the service. In the
 * proxy, and in its defaults section (for every proxy that inherits from it) unless the proxy sets
 * one of them to 0 itself, which would still win.
 */
function timeoutSuggestions(model: HaproxyModel, section: SectionModel, missing: readonly string[]): { suggestions?: Fix[] } {
  const defaults = section.defaults;
  const overridden = missing.some((name) => model.timeout(section, name)?.section === section);
  const suggestions = [setTimeouts(model, section, missing), defaults && !overridden ? setTimeouts(model, defaults, missing) : undefined].filter((fix): fix is Fix => fix !== undefined);
  return suggestions.length > 0 ? { suggestions } : {};
}

function isSet(model: HaproxyModel, section: SectionModel, name: string, zeros: Map<string, boolean>): boolean {
  const located = model.timeout(section, name);
  const value = located?.statement.args[1]?.value;
  if (value === undefined) return false;
  // An unreadable value is some other rule's business: count it as set. Proxies share a few values.
  let zero = zeros.get(value);
  if (zero === undefined) zeros.set(value, (zero = parseTime(value)?.ms === 0));
  return !zero;
}

export const missingTimeouts: HaproxyRule = {
  meta: {
    id: "HA020",
    alias: "missing-timeouts",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a proxy lacks timeout client, connect or server after inheritance",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const zeros = new Map<string, boolean>();
    for (const section of model.sectionsOfType("frontend", "backend", "listen")) {
      const nameWord = section.section.name;
      if (!nameWord) continue;
      const { mode } = model.mode(section);
      if (mode !== "tcp" && mode !== "http") continue;
      const missing: string[] = [];
      if (section.type !== "backend" && !isSet(model, section, "client", zeros)) missing.push("client");
      const hasServers = model.has(section, "server") || model.has(section, "server-template");
      if (section.type !== "frontend" && hasServers) {
        if (!isSet(model, section, "connect", zeros)) missing.push("connect");
        if (!isSet(model, section, "server", zeros) && (mode === "http" || !isSet(model, section, "tunnel", zeros))) missing.push("server");
      }
      if (missing.length === 0) continue;
      const list = listed(missing);
      report({
        range: nameWord.range,
        uri: section.uri,
        message: `${describe(section)} has no ${list} in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts`,
        ...timeoutSuggestions(model, section, missing),
      });
    }
    for (const ring of model.sectionsOfType("ring")) {
      const nameWord = ring.section.name;
      if (!nameWord || !model.has(ring, "server")) continue;
      const missing = ["connect", "server"].filter((name) => !ringTimeout(ring, name, zeros));
      if (missing.length === 0) continue;
      const fix = setTimeouts(model, ring, missing);
      report({
        range: nameWord.range,
        uri: ring.uri,
        message: `ring '${nameWord.value}' forwards to a server but has no ${listed(missing)} of its own (not 0; defaults do not apply to a ring): its connections may hang forever, and haproxy warns about missing timeouts`,
        ...(fix ? { suggestions: [fix] } : {}),
      });
    }
  },
};

function listed(missing: readonly string[]): string {
  return missing.map((name) => `'timeout ${name}'`).join(", ").replace(/, ([^,]*)$/, " and $1");
}

/** Whether the ring sets this timeout itself, to something other than 0 (the last one counts). */
function ringTimeout(ring: SectionModel, name: string, zeros: Map<string, boolean>): boolean {
  let value: string | undefined;
  for (const statement of ring.statements) if (statement.wordIs(0, "timeout") && statement.wordIs(1, name)) value = statement.args[1]?.value;
  if (value === undefined) return false;
  let zero = zeros.get(value);
  if (zero === undefined) zeros.set(value, (zero = parseTime(value)?.ms === 0));
  return !zero;
}
