// HA045: a `map*` converter without a default value in a log-format expression. On a miss the
// converter returns nothing, so the header is set empty, the redirect has no target, or
// `use_backend %[…]` falls back to `default_backend` — a 503 when there is none. Conditions and
// ACLs are left alone: there a miss simply does not match, which is what people mean. So is a
// statement whose condition looks the same map up first.
import type { HaproxyRule } from "../../lint/rule.js";
import { rangeInWord } from "./options.js";
import { HAS_PERCENT } from "./model.js";
import { conditionWords } from "./proxy-settings.js";
import { converterCalls, logFormatSegments } from "./sample-expr.js";

const MAP = /^map(?:_[a-z]+){0,2}$/;

/** Keywords whose log-format strings only feed logs: an empty field there is harmless. */
const LOG_ONLY = new Set(["log-format", "log-format-sd", "error-log-format", "unique-id-format", "log-tag"]);

export const mapWithoutDefault: HaproxyRule = {
  meta: {
    id: "HA045",
    alias: "map-without-default",
    product: "haproxy",
    severity: "info",
    category: "best-practice",
    description: "a map converter has no default value, so a key missing from the map gives an empty result",
    fixable: false,
    native: "silent",
  },
  check({ model, report }) {
    for (const section of model.sections) {
      if (!section.isProxy) continue;
      let hasDefault: boolean | undefined;
      for (const placed of model.placedIn(section)) {
        // Only `%[…]` parts are looked at: most lines have none.
        if (!placed.mayHold(HAS_PERCENT)) continue;
        const { statement, keyword } = placed;
        if (keyword === "acl" || LOG_ONLY.has(keyword)) continue;
        // `redirect … ignore-empty`: an empty location skips the rule, which is the point.
        if (statement.args.some((w) => w.value === "ignore-empty")) continue;
        const switching = keyword === "use_backend";
        if (switching && (hasDefault ??= model.keywordSetting(section, "default_backend") !== undefined)) continue;
        for (const word of statement.args) {
          for (const segment of logFormatSegments(word.value)) {
            for (const call of converterCalls(segment.text, MAP)) {
              if (call.args.length > 1) continue;
              // `… %[path,map(f)] if { path,map(f) -m found }`: the condition makes sure the key is there.
              const file = call.args[0]?.text.trim() ?? "";
              if (file !== "" && conditionWords(model, section, statement.condition).some((w) => w.value.includes(file))) continue;
              const start = segment.start + call.start;
              const end = segment.start + call.end;
              report({
                uri: section.uri,
                range: rangeInWord(word, start, end),
                message: switching
                  ? `'${word.value.slice(start, end)}' has no default value: a key missing from the map leaves the request without a backend (503), as there is no default_backend`
                  : `'${word.value.slice(start, end)}' has no default value: a key missing from the map gives an empty result`,
              });
            }
          }
        }
      }
    }
  },
};
