// HA023: a frontend or listen without a `bind` line never receives a connection. haproxy 2.6 warns
// ("has no 'bind' directive. Please declare it as a backend if this was intended.") and, when no
// proxy listens at all, `haproxy -c` exits 2 ("will not start (no listener)").
import { replaceRange } from "../../lint/fixes.js";
import type { Fix, HaproxyRule } from "../../lint/rule.js";
import { describe, type HaproxyModel, type SectionModel } from "./model.js";

const listens = (section: SectionModel): boolean =>
  !section.statements.some((s) => s.keyword.value === "disabled") && section.statements.some((s) => s.keyword.value === "bind" || s.keyword.value === "dgram-bind");

// haproxy 2.6.12 counts the global 'stats socket' (the CLI) as a listener, and in master-worker mode
// it has the master's: `haproxy -c` then exits 0 on a file without any proxy (measured).
const globalListens = (model: HaproxyModel): boolean =>
  model
    .sectionsOfType("global")
    .some((g) => g.statements.some((s) => (s.keyword.value === "stats" && s.args[0]?.value === "socket") || s.keyword.value === "master-worker"));

/**
 * The first section of a configuration in which no proxy listens, when it has no frontend or listen
 * (those are reported one by one), no peers section (whose listener depends on the host's name) and
 * no other listener.
 */
function noListenerAt(model: HaproxyModel): SectionModel | undefined {
  const first = model.sections[0];
  if (!first || model.sectionsOfType("frontend", "listen", "peers").length > 0 || globalListens(model)) return undefined;
  return model.sectionsOfType("log-forward").some(listens) ? undefined : first;
}

/**
 * A listen without a bind already serves only as a backend: offered (not applied by --fix) where
 * every keyword of the section is one a backend takes, so the change is only in name.
 */
function asBackend(model: HaproxyModel, section: SectionModel): { suggestions?: Fix[] } {
  const fits = model.placedIn(section).every(({ reading }) => reading.kind === "known" && reading.match.keyword.sections.includes("backend"));
  return fits ? { suggestions: [replaceRange(section.section.header.keyword.range, "backend", "declare it as a backend")] } : {};
}

export const noBind: HaproxyRule = {
  meta: {
    id: "HA023",
    alias: "no-bind",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a frontend or listen has no bind line",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // A file with no section at all (comments only, or nothing): haproxy reads no proxy either. A
    // template may make its sections when it is rendered: it is left alone.
    const first = model.files[0];
    if (first && model.sections.length === 0 && !/\{\{|\{%|<%/.test(first.parse.lines.text)) {
      const lines = first.parse.lines;
      const text = lines.text;
      const end = text.search(/\r?\n|$/);
      report({ range: lines.range(0, end), uri: first.uri, message: "this configuration has no section, so no proxy listens: haproxy -c exits 2 and haproxy will not start" });
    }
    const alone = noListenerAt(model);
    if (alone) {
      report({
        range: alone.section.header.keyword.range,
        uri: alone.uri,
        message: "no proxy of this configuration listens (no frontend or listen with a 'bind' line): haproxy -c exits 2 and haproxy will not start",
      });
    }
    for (const section of model.sectionsOfType("frontend", "listen")) {
      const nameWord = section.section.name;
      if (!nameWord || section.statements.some((s) => s.keyword.value === "bind")) continue;
      report({
        range: nameWord.range,
        uri: section.uri,
        message:
          section.type === "listen"
            ? `${describe(section)} has no 'bind' line, so it never receives a connection; declare it as a backend if only other proxies should use it`
            : `${describe(section)} has no 'bind' line, so it never receives a connection`,
        ...(section.type === "listen" ? asBackend(model, section) : {}),
      });
    }
  },
};
