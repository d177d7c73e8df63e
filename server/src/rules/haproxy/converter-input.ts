// HA085: a converter whose input the value before it cannot become: `method,not` (a method is no
// integer), `req.body,add(1)` (nor is binary data), `always_true,ipmask(24)` (a boolean is no address). haproxy casts
// a value to the type a converter takes where it can; where no cast exists it refuses the line
// ("converter 'not' cannot be applied", haproxy 2.6.12). The types are haproxy 2.6.12's keyword
// dump's (fetch and converter outputs, converter inputs). The casts that do not exist were measured
// with haproxy 2.6.12, one fetch of each type before one converter of each input type (the oracle
// test does it again); the 3.4 sources have no cast for them either. A value whose type is not
// known (a variable, `any`, a Lua fetch) is not judged.
// From a 3.0 target: 3.0.11's and 3.2.26's dumps give the address fetches (`src`, `dst`, `hdr_ip`…) and
// `ipmask` the type "address" (2.6.12: IPv4), which neither casts to an integer or a boolean (measured:
// `src,add(1)`, `fc_src,not`, `src,ipmask(24),add(1)` are "cannot be applied" there; 2.6.12 takes them).
import { haproxyAclFetch, haproxyConverter, haproxyFetch } from "../../facts/haproxy.js";
import { compareVersions } from "../../facts/versions.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { samplesOf } from "./samples.js";

/** The input types each value type cannot be cast to (measured, see above). */
export const NO_CAST: Readonly<Record<string, readonly string[]>> = {
  bool: ["addr"],
  ipv4: ["bool"],
  ipv6: ["bool", "sint"],
  bin: ["bool", "sint", "addr"],
  meth: ["bool", "sint", "addr"],
};

/** The casts from 3.0 on: an address is no integer nor boolean. */
const NO_CAST_LATER: Readonly<Record<string, readonly string[]>> = { ...NO_CAST, addr: ["bool", "sint"] };
/** What 3.0.11's and 3.2.26's dumps type as an address, where 2.6.12's said otherwise. */
const ADDRESS_LATER: ReadonlySet<string> = new Set(["bc_dst", "bc_src", "dst", "fc_dst", "fc_src", "hdr_ip", "req.hdr_ip", "res.hdr_ip", "shdr_ip", "src", "ipmask"]);

/** How a message names a type. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  bool: "a boolean",
  sint: "an integer",
  addr: "an address",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  bin: "binary data",
  meth: "an HTTP method",
  str: "a string",
};

export const converterInput: HaproxyRule = {
  meta: {
    id: "HA085",
    alias: "converter-input",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a converter applied to a value haproxy cannot cast to its input type",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const later = compareVersions(model.version, "3.0") >= 0;
    const noCast = later ? NO_CAST_LATER : NO_CAST;
    const output = (name: string, type: string | undefined) => (later && ADDRESS_LATER.has(name) ? "addr" : type);
    for (const { placed, samples } of samplesOf(model)) {
      // The type of the value so far in the chain, or undefined where it is not known.
      let type: string | undefined;
      let from = "";
      for (const sample of samples) {
        if (sample.kind === "fetch") {
          const fetch = haproxyFetch(sample.name) ?? (sample.aclCriterion ? haproxyFetch(haproxyAclFetch(sample.name)) : undefined);
          type = output(!haproxyFetch(sample.name) && sample.aclCriterion ? haproxyAclFetch(sample.name) : sample.name, fetch?.output);
          from = `sample fetch '${sample.name}'`;
          continue;
        }
        const converter = haproxyConverter(sample.name);
        const input = converter?.input;
        if (type !== undefined && input !== undefined && noCast[type]?.includes(input)) {
          report({
            uri: placed.section.uri,
            range: sample.range,
            message: `converter '${sample.name}' takes ${TYPE_NAMES[input] ?? input}, and ${from} gives ${TYPE_NAMES[type] ?? type}, which haproxy cannot cast to it: haproxy refuses the line`,
          });
        }
        type = converter?.output === "any" ? undefined : output(sample.name, converter?.output);
        from = `converter '${sample.name}'`;
      }
    }
  },
};
