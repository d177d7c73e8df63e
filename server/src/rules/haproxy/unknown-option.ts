// HA007: a `bind` or `server` option haproxy does not know, or one missing its value. haproxy
// refuses both ("'bind :80' in section 'frontend': unknown keyword 'foo'"), except a few numeric
// server options it reads as 0 when their value is missing (a warning).
import { haproxySchema } from "../../facts/haproxy.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { hasVariable } from "./keywords.js";
import { NOTHING_WHEN_MISSING, ZERO_WHEN_MISSING } from "./numbers.js";
import type { OptionShape } from "./option-words.js";

let bindNames: readonly string[] | undefined;
let serverNames: readonly string[] | undefined;
const BIND_OPTIONS = () => (bindNames ??= haproxySchema().bindOptions.map((o) => o.name));
const SERVER_OPTIONS = () => (serverNames ??= haproxySchema().serverOptions.map((o) => o.name));

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
    // Shapes of plain lines found to hold nothing wrong: the lines that share them are not read again.
    const clean = new Set<OptionShape>();
    // An indexed loop: a for...of over 100,000 statements allocates an iterator result per step.
    const placedList = model.statements();
    for (let placedAt = 0; placedAt < placedList.length; placedAt++) {
      const placed = placedList[placedAt]!;
      const line = placed.options;
      if (!line || clean.has(line) || placed.reading.kind !== "known") continue;
      const args = placed.reading.args;
      let found = false;
      for (const option of line.options) {
        const name = args[option.at]!;
        if (hasVariable(name)) continue;
        if (!option.spec) {
          const candidates = suggest(name.value, line.kind === "bind" ? BIND_OPTIONS() : SERVER_OPTIONS());
          report({
            uri: placed.section.uri,
            range: name.range,
            message: `unknown ${line.kind} option '${name.value}'${didYouMean(candidates)}`,
            ...replacementFixes(name.range, candidates),
          });
          found = true;
          // The words after an unknown option cannot be told apart from options: stop here, as haproxy does.
          break;
        }
        const min = option.spec.args?.min ?? 0;
        if (option.count < min) {
          // haproxy 2.6.12 reads a missing `maxconn`, `weight`, … as 0 (numbers.ts): a trap, not a refusal.
          const zero = line.kind !== "bind" && ZERO_WHEN_MISSING.has(name.value);
          const nothing = line.kind !== "bind" && option.at === args.length - 1 && NOTHING_WHEN_MISSING.has(name.value);
          report({
            uri: placed.section.uri,
            range: name.range,
            ...(zero || nothing ? { severity: "warning" as const } : {}),
            message: zero
              ? `${line.kind} option '${name.value}' has no value; haproxy reads it as 0`
              : nothing
                ? `${line.kind} option '${name.value}' has no value; haproxy accepts it at the end of the line as if it were not written`
                : `${line.kind} option '${name.value}' needs a value`,
          });
          found = true;
        }
      }
      if (!found && placed.plain) clean.add(line);
    }
  },
};
