// Words from the closed lists of haproxy-values.ts (balance algorithms, log facilities, …): the report
// for a word outside its list, with the nearest names as suggestions. Used by HA004.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyValue, HAPROXY_VALUES } from "../../facts/haproxy-values.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { Report } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { hasVariable } from "./keywords.js";
import { atolInt32 } from "./numbers.js";

/** Keywords whose first argument comes from a closed list of haproxy-values.ts. */
export const CLOSED_LISTS: Readonly<Record<string, string>> = { balance: "balance", "hash-type": "hash-type", "http-reuse": "http-reuse", compression: "compression" };

export function closedListReport(list: string, word: Word, what: string): Report | undefined {
  if (hasVariable(word) || haproxyValue(list, word.value)) return undefined;
  const names = (HAPROXY_VALUES[list] ?? []).map((v) => v.value);
  const candidates = suggest(word.value.replace(/\(.*$/, ""), names);
  return {
    range: word.range,
    message: `'${word.value}' is not ${what}${didYouMean(candidates)}`,
    ...(word.value.includes("(") ? {} : replacementFixes(word.range, candidates)),
  };
}


/**
 * The balance algorithms haproxy 2.6.12 reads by their start (measured): `random…` (`randoms` is
 * random, a warning here; in parentheses only digits: `random(x)` is refused), `rdp-cookie(NAME)` and
 * `hdr(NAME)`, after which it reads nothing (`hdr(x)y` passes), but an empty name is refused. The
 * report, or undefined when the closed list decides.
 */
export function balanceArgumentReport(word: Word): Report | undefined {
  const value = word.value;
  if (hasVariable(word)) return undefined;
  if (value.startsWith("random") && value !== "random") {
    if (value[6] !== "(") return { severity: "warning", range: word.range, message: `'${value}' is not a balance algorithm; haproxy reads it as 'random' without a word` };
    // Read as strtol(…, 0) into an int (measured: `random(+5)` and `random(0x5)` pass, `random(4294967296)` is 0 draws).
    const draws = /^random\(([-+]?(?:0[xX][0-9a-fA-F]+|\d+)?)\)/.exec(value);
    if (!draws) return { range: word.range, message: `'${value}': random takes a number of draws in its parentheses (random(2)); haproxy refuses it` };
    return draws[1] !== undefined && draws[1] !== "" && drawCount(draws[1]) < 1 ? { range: word.range, message: `'${value}': random needs at least 1 draw; haproxy refuses it` } : undefined;
  }
  const named = /^(rdp-cookie|hdr)\((.*)$/.exec(value);
  if (!named) return undefined;
  const [, name, rest] = named as unknown as [string, string, string];
  return /^[^)]+\)/.test(rest) ? undefined : { range: word.range, message: `'${value}': the ${name === "hdr" ? "header" : "cookie"} name is missing; haproxy refuses it (${name}(name))` };
}

/** A draw count as haproxy reads it, with strtol() in any base into an int (`random(0x5)` is 5, `random(4294967296)` is 0). */
function drawCount(text: string): number {
  const bare = text.replace(/^\+/, "");
  return atolInt32(/^0x[0-9a-f]+$/i.test(bare) ? BigInt(bare).toString() : bare);
}
