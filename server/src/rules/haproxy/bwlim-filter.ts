// HA069's reading of a bandwidth limitation filter (`filter bwlim-in|bwlim-out NAME …`, haproxy 2.7
// on), which works one of two ways: per stream (`default-limit SIZE default-period TIME`) or shared
// through a stick table (`limit SIZE key EXPR [table NAME]`); `min-size` goes with either. Measured on
// 3.0.11 and 3.2.26: "cannot mix per-stream and shared parameter", "<default-period> option is
// missing" (a zero counts as missing), "<key> option is missing", "<limit> option is missing",
// "invalid value for option 'default-limit'", "unknown fetch method 'nosuch'", and without `table`
// "unable to find table 'f' referenced by bwlim filter" in a proxy with no stick-table of its own.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyFetch } from "../../facts/haproxy.js";
import { checkShape } from "../../facts/shapes.js";
import type { Report } from "../../lint/rule.js";

const PER_STREAM = ["default-limit", "default-period"] as const;
const SHARED = ["limit", "key", "table"] as const;
const SHAPES: Readonly<Record<string, string>> = { "default-limit": "size", "default-period": "time", limit: "size", "min-size": "size" };

/** The problems of a bwlim filter whose options are all known and valued: `args` start at the filter's kind. */
export function bwlimReports(args: readonly Word[], hasOwnTable: boolean, proxy: string): Report[] {
  const kind = args[0]!;
  const values = new Map<string, Word>();
  for (let i = 2; i + 1 < args.length; i += 2) values.set(args[i]!.value, args[i + 1]!);
  const reports: Report[] = [];
  for (const [option, word] of values) {
    const shape = SHAPES[option];
    const problem = shape ? checkShape(shape, word.value, "haproxy") : undefined;
    if (problem) reports.push({ range: word.range, message: `'${word.value}' ${problem}; haproxy refuses the filter's '${option}'` });
    const fetch = option === "key" ? word.value.replace(/[(,].*$/s, "") : undefined;
    if (fetch !== undefined && haproxyFetch(fetch) === undefined) reports.push({ range: word.range, message: `'${fetch}' is not a sample fetch: the key of a shared bandwidth limit is a sample expression; haproxy refuses the filter` });
  }
  if (reports.length > 0) return reports;
  const perStream = PER_STREAM.filter((option) => values.has(option));
  const shared = SHARED.filter((option) => values.has(option));
  if (perStream.length > 0 && shared.length > 0) {
    return [{ range: kind.range, message: `filter '${kind.value}' mixes a per-stream limit ('${perStream.join("', '")}') with a shared one ('${shared.join("', '")}'); haproxy refuses it (per stream: default-limit and default-period; shared: limit, key and table)` }];
  }
  if (shared.length > 0) {
    const missing = ["limit", "key"].filter((option) => !values.has(option));
    if (missing.length > 0) return [{ range: kind.range, message: `a shared bandwidth limit needs '${missing.join("' and '")}' (limit SIZE key EXPR [table NAME]); haproxy refuses the filter` }];
    if (!values.has("table") && !hasOwnTable) return [{ range: kind.range, message: `a shared bandwidth limit without 'table' counts in the stick table of ${proxy}, which has none; haproxy refuses it (add a 'stick-table' here, or 'table NAME')` }];
    return [];
  }
  const missing = PER_STREAM.filter((option) => !values.has(option) || /^0+[a-z]*$/i.test(values.get(option)!.value));
  if (missing.length === 0) return [];
  return [{ range: kind.range, message: `a per-stream bandwidth limit needs '${missing.join("' and '")}' above zero (or 'limit SIZE key EXPR' for a shared one); haproxy refuses the filter` }];
}
