// HA068: a sample fetch or converter given more arguments than it takes, or fewer than it needs.
// haproxy 2.6.12 refuses the line: "fetch method 'url_param' : expected ')' before ',i)'", "invalid
// arg 2 in converter 'field' : missing arguments (got 1/2)". The counts come from haproxy 2.6.12's
// keyword dump, which gives each signature; later versions added arguments to some (url_param's
// `i`), and lblint has no dump of them, so the rule judges only a 2.6 target.
import { haproxyConverter, haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { HAS_PAREN, HAS_PERCENT } from "./model.js";
import { sampleNames } from "./samples.js";

const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;

export const sampleArguments: HaproxyRule = {
  meta: {
    id: "HA068",
    alias: "sample-arguments",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a sample fetch or converter given more arguments than it takes, or fewer than it needs (haproxy 2.6 target)",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    if (model.version !== "2.6") return;
    const placedList = model.statements();
    for (let at = 0; at < placedList.length; at++) {
      const placed = placedList[at]!;
      // Most lines hold no sample at all; sampleNames returns at once for them.
      for (const sample of sampleNames(placed.statement, placed.reading, placed.mayHold(HAS_PERCENT))) {
        if (sample.name.startsWith("lua.")) continue;
        const spec = sample.kind === "fetch" ? haproxyFetch(sample.name) : haproxyConverter(sample.name);
        const args = spec?.args;
        if (!args) continue;
        // Without a '(' on the line no call has arguments; only a missing one can be wrong.
        const count = args.min > 0 || placed.mayHold(HAS_PAREN) ? sample.argumentCount : 0;
        const what = sample.kind === "fetch" ? "sample fetch" : "converter";
        if (args.max >= 0 && count > args.max) {
          report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' takes at most ${plural(args.max)} in haproxy 2.6, and is given ${count}; haproxy refuses the line` });
        } else if (count < args.min) {
          report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' needs ${args.min === args.max ? "" : "at least "}${plural(args.min)}, and is given ${count}; haproxy refuses the line` });
        }
      }
    }
  },
};
