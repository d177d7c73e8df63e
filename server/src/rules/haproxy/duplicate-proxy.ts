// HA013: two proxies that haproxy cannot tell apart. haproxy 2.6 looks a new proxy's name up among
// the earlier proxies of its first side only: a frontend or listen among frontends and listens, a
// backend among backends and listens. So `backend app` then `listen app` is accepted (the listen is
// looked up as a frontend) while `listen app` then `backend app` is refused — measured with
// `haproxy -c`. The accepted case still leaves `use_backend app` ambiguous: a warning.
// Named defaults with one name are refused once a `from` refers to that name.
import type { HaproxyRule } from "../../lint/rule.js";
import { isGuarded, type SectionModel } from "./model.js";
import { leadingInteger } from "./numbers.js";

const SIDES: Readonly<Record<string, readonly string[]>> = {
  frontend: ["frontend"],
  backend: ["backend"],
  listen: ["frontend", "backend"],
  defaults: ["defaults"],
};

export const duplicateProxy: HaproxyRule = {
  meta: {
    id: "HA013",
    alias: "duplicate-proxy",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "two frontends, backends or named defaults share a name",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const seen = new Map<string, SectionModel>();
    const referencedDefaults = new Set(model.sections.flatMap((s) => (s.section.from ? [s.section.from.value] : [])));
    for (const section of model.sections) {
      const sides = SIDES[section.type];
      const nameWord = section.section.name;
      if (!sides || section.name === undefined || !nameWord) continue;
      // Alternatives of one `.if` block are never both read.
      if (isGuarded(section.section.header)) continue;
      const lookedUp = seen.get(`${sides[0]}:${section.name}`);
      const otherSide = sides.length > 1 ? seen.get(`${sides[1]}:${section.name}`) : undefined;
      const clash = lookedUp ?? otherSide;
      if (clash) {
        const refused = lookedUp !== undefined && (section.type !== "defaults" || referencedDefaults.has(section.name));
        const where = clash.uri === section.uri ? `line ${clash.section.header.range.start.line + 1}` : clash.uri;
        report({
          range: nameWord.range,
          uri: section.uri,
          severity: refused ? "error" : "warning",
          message: refused
            ? `${section.type} '${section.name}' has the same name as the ${clash.type} on ${where}`
            : section.type === "defaults"
              ? `defaults '${section.name}' has the same name as the defaults on ${where}; a 'from ${section.name}' would be refused as ambiguous`
              : `${section.type} '${section.name}' has the same name as the ${clash.type} on ${where}; haproxy accepts it, but which one 'use_backend ${section.name}' reaches is not obvious`,
          related: [{ uri: clash.uri, range: clash.section.name!.range, message: `the other ${clash.type} '${section.name}'` }],
        });
      }
      for (const side of sides) if (!seen.has(`${side}:${section.name}`)) seen.set(`${side}:${section.name}`, section);
    }
    reportSharedIds(model, report);
  },
};

/**
 * Two proxies with one `id`, as haproxy reads it: haproxy 2.6.12 refuses the second ("backend b
 * reuses same custom id as frontend a"). A proxy's own repeated `id` line is HA022's.
 */
function reportSharedIds(model: Parameters<HaproxyRule["check"]>[0]["model"], report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  const byId = new Map<string, { section: SectionModel; placed: ReturnType<typeof model.withKeyword>[number] }>();
  for (const placed of model.withKeyword("id")) {
    const { section, reading } = placed;
    if (!section.isProxy || section.type === "defaults" || reading.kind !== "known" || isGuarded(placed.statement)) continue;
    const value = reading.value(0);
    if (value === undefined || value.includes("$")) continue;
    // haproxy reads the id with atol() (measured: `10x`, `010`, `+10` and `10.5` all clash with 10);
    // what reads as 0 or less is refused on its own (HA004).
    const read = leadingInteger(value);
    if (read <= 0) continue;
    const key = String(read);
    const first = byId.get(key);
    if (!first) {
      byId.set(key, { section, placed });
      continue;
    }
    if (first.section === section) continue;
    report({
      uri: section.uri,
      range: reading.args[0]!.range,
      message: `${section.type} '${section.name ?? ""}' has the same id (${value === key ? key : `'${value}', read as ${key}`}) as ${first.section.type} '${first.section.name ?? ""}'; haproxy refuses it`,
      related: [{ uri: first.section.uri, range: first.placed.reading.kind === "known" ? first.placed.reading.args[0]!.range : first.placed.statement.range, message: `id ${value} of ${first.section.type} '${first.section.name ?? ""}'` }],
    });
  }
}
