// HA004 checks of the set-bandwidth-limit action (haproxy 2.7 on): `set-bandwidth-limit NAME
// [limit SIZE|EXPR] [period TIME|EXPR]`. Measured on 3.0.11 and 3.2.26: a word other than `limit`
// and `period` is "expects either 'if' or 'unless'", either of them without a value, or with one
// that is neither a size (a time) nor a sample expression, "'limit': invalid size value or unknown
// fetch method '10x'" (the size is held to 32 bits: `4g` fails, `4294967295` passes), and a proxy
// that declares no bandwidth filter at all "unable to find bwlim filter 'NAME' referenced by
// set-bandwidth-limit rule" (any bwlim filter of the proxy will do, whatever its name).
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyFetch } from "../../facts/haproxy.js";
import { checkShape } from "../../facts/shapes.js";
import type { Report } from "../../lint/rule.js";
import { describe, type HaproxyModel, type Placed } from "./model.js";

const CONDITION = new Set(["if", "unless"]);
const UNITS: Readonly<Record<string, number>> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** What is wrong with the value of `limit` or `period`, or undefined. */
function valueProblem(option: "limit" | "period", value: string): string | undefined {
  if (value.includes("$")) return undefined;
  if (/^[A-Za-z_]/.test(value)) {
    const fetch = value.replace(/[(,].*$/s, "");
    return haproxyFetch(fetch) === undefined ? `'${value}' is neither a ${option === "limit" ? "size" : "time"} nor an expression (there is no sample fetch '${fetch}')` : undefined;
  }
  const problem = checkShape(option === "limit" ? "size" : "time", value, "haproxy");
  if (problem) return `'${value}' ${problem}`;
  if (option === "limit") {
    const bytes = Number(/^\d+/.exec(value)![0]) * (UNITS[value.slice(-1).toLowerCase()] ?? 1);
    if (bytes > 4294967295) return `'${value}' is more than haproxy's largest limit, 4294967295 bytes`;
  }
  return undefined;
}

export function bandwidthLimitReports(model: HaproxyModel, placed: Placed, words: readonly Word[]): Report[] {
  if (model.version === "2.6") return [];
  const name = words[1];
  // A missing name is HA003's.
  if (!name || CONDITION.has(name.value)) return [];
  const reports: Report[] = [];
  for (let i = 2; i < words.length && !CONDITION.has(words[i]!.value); i += 2) {
    const option = words[i]!;
    if (option.value.includes("$")) break;
    if (option.value !== "limit" && option.value !== "period") {
      reports.push({ range: option.range, message: `'${option.value}' is not an option of set-bandwidth-limit ('limit SIZE' or 'period TIME'), nor 'if' or 'unless'; haproxy refuses the line` });
      break;
    }
    const value = words[i + 1];
    if (!value) {
      reports.push({ range: option.range, message: `'${option.value}' needs a value (${option.value === "limit" ? "a size" : "a time"} or a sample expression); haproxy refuses the line` });
      break;
    }
    const problem = valueProblem(option.value, value.value);
    if (problem) reports.push({ range: value.range, message: `${problem}; haproxy refuses the line` });
  }
  const section = placed.section;
  if (section.type !== "defaults" && !model.keywordIn(section, "filter").some((filter) => /^bwlim-(?:in|out)$/.test(filter.args[0]?.value ?? ""))) {
    reports.push({ range: name.range, message: `${describe(section)} declares no bandwidth limitation filter ('filter bwlim-in' or 'filter bwlim-out'), so there is no '${name.value}' to apply; haproxy refuses the configuration` });
  }
  return reports;
}
