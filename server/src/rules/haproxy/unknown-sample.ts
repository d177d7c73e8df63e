// HA060: a sample fetch or converter haproxy does not know — in an ACL, an inline `{ … }`
// condition, a `%[…]` log-format part or an action's expression — or one newer than the target
// version. haproxy refuses the line ("unknown fetch method", "unknown converter").
import { haproxyConverter, haproxyFetch, haproxySchema, isHaproxyAclKeyword } from "../../facts/haproxy.js";
import { MODULE_CONVERTERS, MODULE_FETCHES } from "./build-modules.js";
import { availabilityAt, certainlyAbsent, type AvailabilityState } from "../../facts/versions.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { samplesOf } from "./samples.js";
import { EXACT_HAPROXY } from "./versions.js";

let fetchNames: readonly string[] | undefined;
let converterNames: readonly string[] | undefined;
const FETCHES = () => (fetchNames ??= haproxySchema().fetches.map((s) => s.name));
const CONVERTERS = () => (converterNames ??= haproxySchema().converters.map((s) => s.name));

export const unknownSample: HaproxyRule = {
  meta: {
    id: "HA060",
    alias: "unknown-sample",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a sample fetch or converter haproxy does not know",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    // Availability per table entry: many lines use the same fetches.
    const states = new Map<object, AvailabilityState>();
    for (const { placed, samples } of samplesOf(model)) {
      const { section } = placed;
      for (const sample of samples) {
        // Lua scripts register their own fetches and converters; optional modules' are HA091's.
        if (sample.name.startsWith("lua.") || (sample.kind === "fetch" ? MODULE_FETCHES : MODULE_CONVERTERS).has(sample.name)) continue;
        const spec = sample.kind === "fetch" ? haproxyFetch(sample.name) : haproxyConverter(sample.name);
        if (!spec && sample.aclCriterion && isHaproxyAclKeyword(sample.name)) continue;
        const what = sample.kind === "fetch" ? "sample fetch" : "converter";
        if (spec) {
          let state = states.get(spec);
          if (state === undefined) states.set(spec, (state = availabilityAt(spec.availability, model.version)));
          if (state !== "not-yet") continue;
          report({
            uri: section.uri,
            range: sample.range,
            severity: certainlyAbsent(spec.availability, model.version, EXACT_HAPROXY) ? "error" : "warning",
            message: `${what} '${sample.name}' is not in haproxy ${model.version} (lblint knows it from ${spec.availability?.since})`,
          });
          continue;
        }
        const candidates = suggest(sample.name, sample.kind === "fetch" ? FETCHES() : CONVERTERS());
        report({
          uri: section.uri,
          range: sample.range,
          message: `unknown ${what} '${sample.name}'${didYouMean(candidates)}`,
          ...replacementFixes(sample.range, candidates),
        });
      }
    }
  },
};
