// HA007: a `bind` or `server` option haproxy does not know, or one missing its value. haproxy
// refuses both ("'bind :80' in section 'frontend': unknown keyword 'foo'").
import { haproxySchema } from "../../facts/haproxy.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { hasVariable } from "./keywords.js";

export const unknownOption: HaproxyRule = {
  meta: {
    id: "HA007",
    alias: "unknown-option",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "an unknown bind or server option, or an option without its value",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    for (const { section, options: line } of model.statements()) {
      if (!line) continue;
      for (const option of line.options) {
        if (hasVariable(option.name)) continue;
        if (!option.spec) {
          const names = (line.kind === "bind" ? haproxySchema().bindOptions : haproxySchema().serverOptions).map((o) => o.name);
          const candidates = suggest(option.name.value, names);
          report({
            uri: section.uri,
            range: option.name.range,
            message: `unknown ${line.kind} option '${option.name.value}'${didYouMean(candidates)}`,
            ...replacementFixes(option.name.range, candidates),
          });
          // The words after an unknown option cannot be told apart from options: stop here, as haproxy does.
          break;
        }
        const min = option.spec.args?.min ?? 0;
        if (option.values.length < min) {
          report({ uri: section.uri, range: option.name.range, message: `${line.kind} option '${option.name.value}' needs a value` });
        }
      }
    }
  },
};
