// HA069: a `filter` line haproxy cannot read: a filter it does not know (in the target version),
// an argument the filter does not take or one left without its value, a missing required part
// (`spoe` and `opentracing` without `config FILE`, `cache` and `fcgi-app` without a name), or a
// second compression filter in one proxy. haproxy 2.6.12 refuses each: "'filter' : unknown keyword
// 'foo'", "'filter trace' : unknown keyword 'bogus'", "''spoe' : missing config file", "'cache :
// expects a <name> argument", "Proxy supports only one compression filter". Filters and their
// arguments: configuration manual section 9 (2.6 and 3.4) and haproxy 2.6.12's list of filters.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { suggest } from "../../lint/suggest.js";
import { describe, searchFor, type HaproxyModel } from "./model.js";
import { bwlimReports } from "./bwlim-filter.js";

searchFor("send-spoe-group");

interface FilterShape {
  /** The first version (of those lblint targets) that has it. */
  readonly since?: string;
  /** How many names follow the filter's own word (`cache NAME`). */
  readonly names?: number;
  /** Options with a value, and options alone. */
  readonly valued: readonly string[];
  readonly flags: readonly string[];
  /** An option that must be there. */
  readonly required?: string;
  /** Options of later versions only. */
  readonly newer?: Readonly<Record<string, string>>;
}

const BWLIM: FilterShape = { since: "2.8", names: 1, valued: ["default-limit", "default-period", "min-size", "limit", "key", "table"], flags: [] };
const FILTERS: Readonly<Record<string, FilterShape>> = {
  trace: { valued: ["name", "max-fwd"], flags: ["random-forwarding", "hexdump", "quiet"], newer: { "max-fwd": "2.8" } },
  compression: { valued: [], flags: [] },
  "comp-req": { since: "2.8", valued: [], flags: [] },
  "comp-res": { since: "2.8", valued: [], flags: [] },
  spoe: { valued: ["engine", "config"], flags: [], required: "config" },
  opentracing: { valued: ["id", "config"], flags: [], required: "config" },
  cache: { names: 1, valued: [], flags: [] },
  "fcgi-app": { names: 1, valued: [], flags: [] },
  "bwlim-in": BWLIM,
  "bwlim-out": BWLIM,
};

const atLeast = (version: string, since: string | undefined) => since === undefined || Number(version) >= Number(since);

function lineReports(args: readonly Word[], version: string): Report[] {
  const kind = args[0]!;
  const shape = FILTERS[kind.value];
  if (!shape || !atLeast(version, shape.since)) {
    const known = Object.keys(FILTERS).filter((name) => atLeast(version, FILTERS[name]!.since));
    const candidates = suggest(kind.value, known);
    const later = shape ? ` (it comes with haproxy ${shape.since})` : "";
    return [{ range: kind.range, message: `haproxy ${version} has no filter '${kind.value}'${later}${later ? "" : didYouMean(candidates)}`, ...(later ? {} : replacementFixes(kind.range, candidates)) }];
  }
  const names = shape.names ?? 0;
  for (let i = 1; i <= names; i++) {
    if (!args[i]) return [{ range: kind.range, message: `filter '${kind.value}' needs the name of its section after it; haproxy refuses the line` }];
  }
  const seen = new Set<string>();
  for (let i = 1 + names; i < args.length; i++) {
    const word = args[i]!;
    const option = word.value;
    const since = shape.newer?.[option];
    if (since && !atLeast(version, since)) return [{ range: word.range, message: `filter '${kind.value}' takes '${option}' from haproxy ${since} on, not in ${version}` }];
    if (shape.flags.includes(option)) continue;
    if (!shape.valued.includes(option)) {
      const candidates = suggest(option, [...shape.valued, ...shape.flags]);
      return [{ range: word.range, message: `filter '${kind.value}' takes no '${option}'${didYouMean(candidates)}; haproxy refuses the line`, ...replacementFixes(word.range, candidates) }];
    }
    if (!args[i + 1]) return [{ range: word.range, message: `'${option}' needs a value; haproxy refuses the line` }];
    seen.add(option);
    i++;
  }
  if (shape.required && !seen.has(shape.required)) {
    return [{ range: kind.range, message: `filter '${kind.value}' needs '${shape.required} FILE'; haproxy refuses the line without it` }];
  }
  return [];
}

/**
 * `send-spoe-group ENGINE GROUP` in a proxy with no `filter spoe` of that engine: haproxy 2.6.12 says
 * "Proxy 'f': unable to find SPOE engine 'e' used by the send-spoe-group 'g'" and does not start. A
 * `filter spoe` without `engine`, or any word holding a variable, leaves the name open.
 */
function spoeEngineReports(model: HaproxyModel, report: (problem: Report & { uri: string }) => void): void {
  const actions = model.mentioning("send-spoe-group");
  if (actions.length === 0) return;
  const engines = new Map<object, Set<string> | "open">();
  for (const { statement, section } of model.withKeyword("filter")) {
    if (statement.args[0]?.value !== "spoe") continue;
    const at = statement.args.findIndex((word) => word.value === "engine");
    const name = at > 0 ? statement.args[at + 1] : undefined;
    const known = engines.get(section);
    if (!name || name.text.includes("$") || known === "open") engines.set(section, "open");
    else engines.set(section, (known ?? new Set<string>()).add(name.value));
  }
  for (const { statement, section, keyword } of actions) {
    if (!/^(http|tcp)-(request|response)$/.test(keyword)) continue;
    const at = statement.args.findIndex((word, index) => index < 2 && word.value === "send-spoe-group");
    const engine = at >= 0 ? statement.args[at + 1] : undefined;
    if (!engine || !section.isProxy || section.type === "defaults" || engine.text.includes("$") || statement.guard !== undefined) continue;
    const known = engines.get(section);
    if (known === "open" || known?.has(engine.value)) continue;
    report({
      uri: section.uri,
      range: engine.range,
      message: `${describe(section)} has no 'filter spoe engine ${engine.value}'; haproxy does not start ("unable to find SPOE engine '${engine.value}'")`,
    });
  }
}

export const filterArguments: HaproxyRule = {
  meta: {
    id: "HA069",
    alias: "filter-arguments",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a filter haproxy does not know, a filter argument it does not take or that lacks its value or file, or a second compression filter",
    fixable: true,
    native: "reports",
  },
  check({ model, report }) {
    spoeEngineReports(model, report);
    const compression = new Map<object, Word>();
    for (const placed of model.withKeyword("filter")) {
      const { statement, section } = placed;
      if (!section.isProxy || statement.args.length === 0 || statement.words.some((word) => word.text.includes("$"))) continue;
      // Lua scripts register filters of their own (`filter lua.NAME`).
      if (statement.args[0]!.value.startsWith("lua.")) continue;
      const found = lineReports(statement.args, model.version);
      if (found.length === 0 && /^bwlim-(?:in|out)$/.test(statement.args[0]!.value) && section.type !== "defaults") found.push(...bwlimReports(statement.args, model.has(section, "stick-table"), describe(section)));
      for (const problem of found) report({ uri: section.uri, ...problem });
      if (statement.args[0]!.value !== "compression" || statement.guard !== undefined) continue;
      const first = compression.get(section);
      if (!first) compression.set(section, statement.args[0]!);
      else
        report({
          uri: section.uri,
          range: statement.args[0]!.range,
          message: `${describe(section)} already has a compression filter (line ${first.range.start.line + 1}); haproxy takes one per proxy`,
          related: [{ uri: section.uri, range: first.range, message: "the first compression filter" }],
        });
    }
  },
};
