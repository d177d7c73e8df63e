// HA026: a frontend (or listen) sending traffic to a backend of another `mode`, through
// default_backend (its own or inherited) or a use_backend with a fixed name. Measured with 2.6:
//   - http frontend → tcp backend: refused ("tries to use incompatible tcp backend"), an error;
//   - tcp frontend → http backend: accepted silently. haproxy documents it as a deliberate way to
//     upgrade a connection to HTTP (manual 4, "HTTP upgrade"), so it is only advice (info): the
//     frontend's HTTP rules do not run, which is usually not what a missing `mode http` intended.
//     A tcp frontend that switches itself with `tcp-request content switch-mode http` may use
//     backends of either mode: haproxy takes both.
//   - from 3.0 (measured on 3.0.11 and 3.2.26): a tcp or http frontend → a backend in mode log (3.0
//     on) or spop (3.2 on): refused ("tcp frontend 'f' tries to use incompatible syslog backend 'b'");
//     and a frontend of its own in either mode: "unknown proxy mode 'log'" (a listen section or
//     defaults may be).
// Modes decided inside `.if` blocks are not compared.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, isDynamic, type HaproxyModel, type SectionModel } from "./model.js";

function effectiveMode(model: HaproxyModel, section: SectionModel): string | undefined {
  const { mode, from } = model.mode(section);
  if (from?.statement.guard) return undefined;
  return mode;
}

function switchesToHttp(model: HaproxyModel, section: SectionModel): boolean {
  return model.keywordIn(section, "tcp-request").some((s) => s.args[0]?.value === "content" && s.args[1]?.value === "switch-mode" && s.args[2]?.value === "http");
}

/** Modes only a proxy with servers takes: a log backend (3.0 on) and an SPOE agents' backend (3.2 on). */
const BACKEND_ONLY_MODES: ReadonlySet<string> = new Set(["log", "spop"]);

export const modeMismatch: HaproxyRule = {
  meta: {
    id: "HA026",
    alias: "mode-mismatch",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a frontend sends traffic to a backend of another mode",
    fixable: false,
    native: "partly",
  },
  check({ model, report }) {
    if (model.version !== "2.6") {
      for (const frontend of model.sectionsOfType("frontend")) {
        const own = model.keywordIn(frontend, "mode");
        for (const statement of own) {
          const value = statement.args[0];
          if (!value || !BACKEND_ONLY_MODES.has(value.value)) continue;
          report({ uri: frontend.uri, range: value.range, message: `a frontend cannot be in mode ${value.value}: only a backend, a listen section or defaults can (a frontend has no servers to send to); haproxy refuses the line` });
        }
        // Taken from its defaults section (measured on 3.2.26: "in frontend 'f': \"balance\" only supports 'roundrobin', …").
        const { mode, from } = model.mode(frontend);
        if (own.length > 0 || !mode || !BACKEND_ONLY_MODES.has(mode) || !from || from.statement.guard || from.section === frontend || !frontend.section.name) continue;
        report({
          uri: frontend.uri,
          range: frontend.section.name.range,
          message: `${describe(frontend)} takes mode ${mode} from its defaults section, and a frontend cannot be in that mode; haproxy refuses it (set 'mode tcp' or 'mode http' in the frontend, or give it other defaults)`,
          related: [{ uri: from.section.uri, range: from.statement.range, message: `mode ${mode}` }],
        });
      }
    }
    // The first backend or listen of each name, as haproxy finds it.
    const backends = new Map<string, SectionModel>();
    for (const section of model.sectionsOfType("backend", "listen")) if (section.name !== undefined && !backends.has(section.name)) backends.set(section.name, section);
    for (const frontend of model.sectionsOfType("frontend", "listen")) {
      const mode = effectiveMode(model, frontend);
      // A tcp frontend that switches itself to HTTP may use backends of either mode: haproxy checks
      // the modes the proxies are declared with, and both pass (measured with 2.6.12).
      if (mode === "tcp" && switchesToHttp(model, frontend)) continue;
      if (mode !== "tcp" && mode !== "http") continue;
      const targets: { word: Word; uri: string; how: string; own: boolean }[] = [];
      // Of several default_backend lines only the last is used (HA022 reports the others).
      const defaults = model.keywordIn(frontend, "default_backend");
      const lastDefault = defaults[defaults.length - 1];
      for (const statement of model.keywordsIn(frontend, ["use_backend", "default_backend"])) {
        if (statement.wordIs(0, "default_backend") && statement !== lastDefault && statement.guard === lastDefault?.guard) continue;
        if (statement.args[0]) targets.push({ word: statement.args[0], uri: frontend.uri, how: statement.keyword.value, own: true });
      }
      const inherited = model.keywordSetting(frontend, "default_backend");
      if (inherited && inherited.section !== frontend && inherited.statement.args[0]) targets.push({ word: inherited.statement.args[0], uri: inherited.section.uri, how: "default_backend", own: false });
      for (const { word, uri, how, own } of targets) {
        if (isDynamic(word) || word.variables.length > 0) continue;
        const backend = backends.get(word.value);
        if (!backend || backend === frontend) continue;
        const backendMode = effectiveMode(model, backend);
        if (backendMode === undefined || backendMode === mode) continue;
        const related0 = { uri: backend.uri, range: backend.section.name!.range, message: `${describe(backend)} (mode ${backendMode})` };
        if (BACKEND_ONLY_MODES.has(backendMode)) {
          report({
            range: own ? word.range : frontend.section.name!.range,
            uri: frontend.uri,
            message: `${describe(frontend)} is in mode ${mode} and cannot use ${describe(backend)}, which is in mode ${backendMode} (${how}); haproxy refuses it`,
            related: own ? [related0] : [related0, { uri, range: word.range, message: `the inherited '${how} ${word.value}'` }],
          });
          continue;
        }
        if (backendMode !== "tcp" && backendMode !== "http") continue;
        const range = own ? word.range : frontend.section.name!.range;
        const related = [{ uri: backend.uri, range: backend.section.name!.range, message: `${describe(backend)} (mode ${backendMode})` }];
        if (!own) related.push({ uri, range: word.range, message: `the inherited '${how} ${word.value}'` });
        const refused = mode === "http";
        report({
          range,
          uri: frontend.uri,
          severity: refused ? "error" : "info",
          message: refused
            ? `${describe(frontend)} is in mode http and cannot use ${describe(backend)}, which is in mode tcp (${how}); haproxy refuses it`
            : `${describe(frontend)} is in mode tcp but ${describe(backend)} is in mode http (${how}): haproxy upgrades the connection to HTTP there, and the frontend's HTTP processing never runs; set 'mode http' on the frontend unless this upgrade is intended`,
          related,
        });
      }
    }
  },
};
