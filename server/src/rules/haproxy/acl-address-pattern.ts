// HA073: a pattern that cannot be an address, for an ACL whose fetch gives one (`src 10.0.0.0/33`,
// `src 10.0.0.300`, `src 1.2.3.4-1.2.3.9`). haproxy 2.6.12 refuses it: "'10.0.0.0/33' is not a
// valid IPv4 or IPv6 address". What it takes, measured: IPv4 in the short forms inet_aton reads
// (`10`, `10.0.0`, octal `010.0.0.1`; not hexadecimal), IPv6, with an optional mask (a length, or a dotted mask for
// IPv4), and host names, which it resolves when it starts. Whether a name resolves depends on the
// machine: a name is a warning (haproxy 2.6.12, 3.0.11 and 3.2.26: "'myhost.example' is not a valid
// IPv4 or IPv6 address" where it does not resolve), `localhost` nothing; patterns written with the
// characters of an address are judged, and those with a character no host name has (`;`). Fetches followed by converters, and other matching methods than `-m ip`, are left
// alone; an explicit `-m ip` is checked whatever the fetch.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { isIpv6 } from "../../facts/shapes.js";
import { haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { forEachAclCriterion } from "./acl-criteria.js";
import { rangeInWord } from "./options.js";
import { atolInt32 } from "./numbers.js";
import { converterOutput, hasConverter, readCriterion } from "./sample-expr.js";

const ADDRESS_OUTPUTS = new Set(["ipv4", "ipv6", "addr"]);

/** A number as haproxy reads one part of an IPv4 address: decimal, or octal after a 0 (measured). */
function part(text: string): number | undefined {
  if (/^0[0-7]*$/.test(text)) return Number.parseInt(text, 8);
  if (/^[1-9]\d*$/.test(text)) return Number(text);
  return undefined;
}

/** Whether inet_aton reads `text` (`a`, `a.b`, `a.b.c` or `a.b.c.d`, the last part filling what is left). */
function readsAsIpv4(text: string): boolean {
  const parts = text.split(".").map(part);
  if (parts.length > 4 || parts.some((n) => n === undefined)) return false;
  const last = parts[parts.length - 1]!;
  const leading = parts.slice(0, -1) as number[];
  return leading.every((n) => n <= 255) && last < 2 ** (8 * (5 - parts.length));
}

/** What is wrong with a pattern written like an address, or undefined (a name, or a valid address). */
export function addressProblem(pattern: string): string | undefined {
  const slash = pattern.indexOf("/");
  const address = slash < 0 ? pattern : pattern.slice(0, slash);
  const mask = slash < 0 ? undefined : pattern.slice(slash + 1);
  if (/^[0-9.]+-[0-9.]+$/.test(pattern)) return "address ranges are not patterns haproxy takes (write a network with its mask, or several addresses)";
  // Nothing before the '/': no address and no host name (measured: "'/x' is not a valid IPv4 or IPv6 address").
  if (address === "") return "no address before its '/'";
  if (/^[0-9.]+$/.test(address)) {
    if (!readsAsIpv4(address)) return "not an IPv4 address";
    if (mask === undefined) return undefined;
    // A length is read with atoi() into an int (measured: `/+24`, `/024` and `/4294967296`, which is 0, pass).
    const length = /^\+?\d+$/.test(mask) ? atolInt32(mask) : -1;
    return (length >= 0 && length <= 32) || (/^\d+\.\d+\.\d+\.\d+$/.test(mask) && readsAsIpv4(mask)) ? undefined : `'/${mask}' is not an IPv4 mask (a length up to 32, or a dotted mask)`;
  }
  // No host name holds a colon.
  if (address.includes(":")) {
    if (!isIpv6(address)) return "not an IPv6 address";
    if (mask === undefined) return undefined;
    return /^\d{1,3}$/.test(mask) && Number(mask) <= 128 ? undefined : `'/${mask}' is not an IPv6 mask (a length up to 128)`;
  }
  return undefined;
}

/**
 * The host name a valid pattern names (before any mask), or undefined for an address. `localhost`
 * resolves everywhere, in any case (measured: `src LOCALHOST` passes).
 */
function hostName(pattern: string): string | undefined {
  const slash = pattern.indexOf("/");
  const host = slash < 0 ? pattern : pattern.slice(0, slash);
  if (!/[A-Za-z_-]/.test(host) || host.includes(":") || host.toLowerCase() === "localhost") return undefined;
  return host;
}

function patternReports(words: readonly Word[]): Report[] {
  const criterion = readCriterion(words);
  if (!criterion || criterion.word.value.includes("$")) return [];
  // After converters, the last one's type decides, and an ACL keyword's own method no longer applies.
  const converted = hasConverter(criterion.word.value);
  const output = converted ? converterOutput(criterion.word.value) : haproxyFetch(criterion.fetch)?.output;
  const explicit = criterion.explicitMethod;
  if (explicit !== undefined && explicit !== "ip") return [];
  if (!converted && criterion.method !== undefined && criterion.method !== "ip" && !haproxyFetch(criterion.fetch)) return [];
  // A fetch whose name ends like a match method (`url_ip`) is still that fetch.
  if (explicit !== "ip" && ((!converted && criterion.base !== criterion.fetch && !haproxyFetch(criterion.fetch)) || !ADDRESS_OUTPUTS.has(output ?? ""))) return [];
  const reports: Report[] = [];
  for (const pattern of criterion.patterns) {
    if (pattern.value.includes("$")) continue;
    // A host name holds letters, digits, '.', '-' and '_' only: a pattern with any other character
    // (a `;` meant as a comment) is no name to resolve (measured: "';' is not a valid IPv4 or IPv6 address").
    // Nor does a name start with a dot or hold two in a row, an empty label no resolver looks up
    // (measured: "'.jpg' is not a valid IPv4 or IPv6 address", `path_end,ipmask(24) .jpg`).
    // No name starts with '-' either: a flag written after a pattern is one more pattern (measured:
    // `src 10.0.0.0/8 -m beg` is "'-m' is not a valid IPv4 or IPv6 address").
    const problem = addressProblem(pattern.value) ?? (/^[A-Za-z0-9._\-/:]+$/.test(pattern.value.replace(/\/\+(?=\d+$)/, "/")) && !/^[.-]|\.\./.test(pattern.value) ? undefined : "neither an address nor a host name");
    if (!problem) {
      const host = hostName(pattern.value);
      if (host !== undefined) {
        reports.push({
          range: rangeInWord(pattern, 0, host.length),
          severity: "warning",
          message: `'${host}' is a host name, which haproxy resolves while it reads the configuration to match '${criterion.fetch}' against its address then; where it does not resolve, haproxy refuses the ACL: write the address`,
        });
      }
      continue;
    }
    reports.push({
      range: rangeInWord(pattern, 0, pattern.value.length),
      message: `'${pattern.value}': ${problem}, which '${criterion.fetch}' is matched against; haproxy refuses the ACL`,
    });
  }
  return reports;
}

export const aclAddressPattern: HaproxyRule = {
  meta: {
    id: "HA073",
    alias: "acl-address-pattern",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "an ACL pattern written like an address that is none, for a fetch that gives an address",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    forEachAclCriterion(model.statements(), (words, section) => {
      for (const found of patternReports(words)) report({ uri: section.uri, ...found });
    });
  },
};
