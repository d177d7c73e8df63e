// HA068: a sample fetch or converter given more arguments than it takes, or fewer than it needs.
// haproxy 2.6.12 refuses the line: "fetch method 'url_param' : expected ')' before ',i)'", "invalid
// arg 2 in converter 'field' : missing arguments (got 1/2)". For a 2.6 target the counts come from
// haproxy 2.6.12's keyword dump, which gives each signature. Later versions added arguments to some
// (url_param's `i`): for them, a call may have as many as the 3.4 manual's signature allows, and
// as few as either source requires; a fetch or converter that manual gives no signature for is not
// judged. At 2.6, the arguments 2.6.12's dump types as `integer` must be integer literals: haproxy
// refuses `bytes(txn.len)` ("failed to parse 'txn.len' as type 'integer'"); later versions read
// variables in some of them, which no source here lists, so they are not judged.
import { haproxyConverter, haproxyFetch } from "../../facts/haproxy.js";
import type { ArgSpec } from "../../facts/types.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { HAS_PAREN } from "./model.js";
import { samplesOf } from "./samples.js";

const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;

/** What haproxy 2.6's argument parser takes as an integer: digits with a sign, in quotes or not; empty is "not given". */
function readsAsInteger(text: string): boolean {
  const bare = text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0] ? text.slice(1, -1) : text;
  // An environment variable may hold a number: haproxy expands it before reading.
  return bare === "" || bare.includes("$") || /^[+-]?\d+$/.test(bare);
}

/** The counts both sources allow: the larger maximum (-1: none) and the smaller minimum. */
function loosest(a: ArgSpec, b: ArgSpec): ArgSpec {
  return { min: Math.min(a.min, b.min), max: a.max < 0 || b.max < 0 ? -1 : Math.max(a.max, b.max) };
}

export const sampleArguments: HaproxyRule = {
  meta: {
    id: "HA068",
    alias: "sample-arguments",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a sample fetch or converter given more arguments than it takes, or fewer than it needs",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const dumped = model.version === "2.6";
    for (const { placed, samples } of samplesOf(model)) {
      for (const sample of samples) {
        if (sample.name.startsWith("lua.")) continue;
        const spec = sample.kind === "fetch" ? haproxyFetch(sample.name) : haproxyConverter(sample.name);
        const args = spec && (dumped ? spec.args : spec.args && spec.laterArgs ? loosest(spec.args, spec.laterArgs) : undefined);
        if (!args) continue;
        // Without a '(' on the line no call has arguments; only a missing one can be wrong.
        const count = args.min > 0 || placed.mayHold(HAS_PAREN) ? sample.argumentCount : 0;
        const what = sample.kind === "fetch" ? "sample fetch" : "converter";
        if (args.max >= 0 && count > args.max) {
          report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' takes at most ${plural(args.max)} in haproxy ${dumped ? "2.6" : "up to 3.4"}, and is given ${count}; haproxy refuses the line` });
        } else if (count < args.min) {
          report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' needs ${args.min === args.max ? "" : "at least "}${plural(args.min)}, and is given ${count}; haproxy refuses the line` });
        } else if (dumped && spec.integerArgs && count > 0) {
          const given = sample.arguments();
          for (const at of spec.integerArgs) {
            const argument = given[at];
            if (!argument || readsAsInteger(argument.text)) continue;
            report({
              uri: placed.section.uri,
              range: argument.range,
              message: `${what} '${sample.name}' takes an integer as argument ${at + 1} in haproxy 2.6, not '${argument.text}'; haproxy refuses the line`,
            });
          }
        }
      }
    }
  },
};
