// HA010: `use_backend` / `default_backend` naming a backend that no `backend` or `listen` defines,
// or the backend or listen it stands in: haproxy 2.6.12 refuses that loop ("Proxy 'b': loop detected
// for default_backend: 'b'"), also in a backend, where it otherwise ignores the line (measured), and
// through a defaults section's `default_backend` that the listen inherits. Only `use_backend` reads its
// name as a log format: `default_backend be_%[req.hdr(host)]` is a name no backend has (measured on
// 2.6.12, 3.0.11 and 3.2.26: "unable to find required default_backend"; the fifteenth mutation round).
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { NameIndex } from "../name-index.js";
import { isDynamic, type HaproxyModel } from "./model.js";
import type { Statement } from "../../../../grammars/haproxy/ast.js";

/** The listen named `name` that inherits the defaults' `statement` as its own default_backend (the first proxy of that name that can be a backend). */
function inheritedLoop(model: HaproxyModel, statement: Statement, name: string): boolean {
  const proxy = model.sectionsOfType("backend", "listen").find((other) => other.name === name);
  return proxy?.type === "listen" && model.keywordSetting(proxy, "default_backend")?.statement === statement;
}

export const undefinedBackend: HaproxyRule = {
  meta: {
    id: "HA010",
    alias: "undefined-backend",
    product: "haproxy",
    severity: "error",
    category: "reference",
    description: "use_backend or default_backend names a backend that is not defined",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    const names = new Set(model.sectionsOfType("backend", "listen").flatMap((s) => (s.name === undefined ? [] : [s.name])));
    let index: NameIndex | undefined;
    for (const { statement, section } of [...model.withKeyword("use_backend"), ...model.withKeyword("default_backend")]) {
      const target = statement.args[0];
      // haproxy resolves the name to the first proxy of that name that can be a backend: when a backend
      // of the same name comes before this listen (which it then accepts, HA013), there is no loop (measured).
      const itself = target !== undefined && target.value === section.name && !isDynamic(target);
      if (itself && model.sectionsOfType("backend", "listen").find((other) => other.name === target.value) === section) {
        report({ range: target.range, uri: section.uri, message: `'${statement.keyword.value}' names ${section.type} '${target.value}' itself; haproxy refuses the loop` });
        continue;
      }
      // A defaults' default_backend that a listen of that name inherits (and does not replace) is a loop too.
      const looped = target !== undefined && section.type === "defaults" && statement.keyword.value === "default_backend" ? inheritedLoop(model, statement, target.value) : undefined;
      if (looped) {
        report({ range: target!.range, uri: section.uri, message: `listen '${target!.value}' inherits this 'default_backend', which names the listen itself; haproxy refuses the loop` });
        continue;
      }
      // A use_backend name with `%[` is a log format computed per request: nothing to check before run time.
      if (!target || (statement.keyword.value === "use_backend" && isDynamic(target)) || names.has(target.value)) continue;
      // A default_backend that a later one in the same section replaces is never looked up (measured).
      if (statement.keyword.value === "default_backend" && model.keywordIn(section, "default_backend").at(-1) !== statement) continue;
      const candidates = (index ??= new NameIndex(names)).suggest(target.value);
      report({
        uri: section.uri,
        range: target.range,
        message: isDynamic(target) ? `backend '${target.value}' is not defined: 'default_backend' takes a name as written, not a log format (a computed name needs 'use_backend')` : `backend '${target.value}' is not defined${didYouMean(candidates)}`,
        ...replacementFixes(target.range, candidates),
      });
    }
  },
};
