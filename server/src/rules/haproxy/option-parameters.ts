// The named parameters some proxy keywords take after their own words, as haproxy 2.6.12 reads
// them (each measured with `haproxy -c`):
//   option forwardfor [except NET] [header NAME] [if-none]   option originalto [except NET] [header NAME]
//   option mysql-check [user NAME [post-41|pre-41]]           option pgsql-check user NAME   (required)
//   compression algo ALGO…  |  type MIME…  |  offload
// A parameter it does not know, one left without its value, or a missing required one makes it
// refuse the line ("'option originalto except' expects <address>[/mask] as argument", "'option
// pgsql-check' expects 'user <username>' as argument", "'compression' expects <algorithm>").
// HA003 reports these counts; HA004 an algorithm haproxy does not have.
import type { HaproxyRule, Report } from "../../lint/rule.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import type { Placed } from "./model.js";

type Context = Parameters<HaproxyRule["check"]>[0];

interface NamedParameters {
  readonly valued: readonly string[];
  readonly flags: readonly string[];
  readonly required?: string;
  /** The parameter the flags must follow (`option mysql-check user NAME post-41`). */
  readonly flagsAfter?: string;
}

const OPTIONS: Readonly<Record<string, NamedParameters>> = {
  forwardfor: { valued: ["except", "header"], flags: ["if-none"] },
  originalto: { valued: ["except", "header"], flags: [] },
  // Measured: `option mysql-check post-41` is "only supports optional values: 'user' (got 'post-41')".
  "mysql-check": { valued: ["user"], flags: ["post-41", "pre-41"], flagsAfter: "user" },
  "pgsql-check": { valued: ["user"], flags: [], required: "user" },
};

/** Compression algorithms of haproxy 2.6.12 (built with SLZ or zlib alike). */
const ALGORITHMS = ["identity", "gzip", "deflate", "raw-deflate"];

function optionReports(placed: Placed): Report[] {
  const { statement } = placed;
  if (placed.keyword !== "option") return [];
  const name = placed.value(0);
  const spec = name === undefined ? undefined : OPTIONS[name];
  if (!spec) return [];
  const args = statement.args;
  const seen = new Set<string>();
  for (let i = 1; i < args.length; i++) {
    const word = args[i]!;
    if (spec.flags.includes(word.value)) {
      if (spec.flagsAfter && !seen.has(spec.flagsAfter)) return [{ range: word.range, message: `'${word.value}' comes after '${spec.flagsAfter} NAME' in 'option ${name}'; haproxy refuses the line` }];
      continue;
    }
    if (!spec.valued.includes(word.value)) {
      const candidates = suggest(word.value, [...spec.valued, ...spec.flags]);
      return [{ range: word.range, message: `'option ${name}' takes ${[...spec.valued, ...spec.flags].map((p) => `'${p}'`).join(", ")}, not '${word.value}'${didYouMean(candidates)}; haproxy refuses the line`, ...replacementFixes(word.range, candidates) }];
    }
    if (!args[i + 1]) return [{ range: word.range, message: `'option ${name} ${word.value}' needs a value; haproxy refuses the line` }];
    seen.add(word.value);
    i++;
  }
  if (spec.required && !seen.has(spec.required)) {
    return [{ range: { start: statement.keyword.range.start, end: args[0]!.range.end }, message: `'option ${name}' needs '${spec.required} NAME'; haproxy refuses the line without it` }];
  }
  return [];
}

/** HA003: named parameters without their value, unknown ones, and required ones missing. */
export function parameterCountReports(model: Context["model"], report: Context["report"]): void {
  for (const placed of model.withKeyword("option")) {
    if (!placed.plain || placed.statement.guard !== undefined) continue;
    for (const found of optionReports(placed)) report({ uri: placed.section.uri, ...found });
  }
  for (const placed of model.withKeyword("compression")) {
    const what = placed.value(0);
    if ((what === "algo" || what === "type") && placed.statement.args.length === 1) {
      report({ uri: placed.section.uri, range: placed.statement.args[0]!.range, message: `'compression ${what}' needs at least one ${what === "algo" ? "algorithm" : "MIME type"}; haproxy refuses the line` });
    }
  }
}

/** HA004: a compression algorithm haproxy does not have. */
export function compressionAlgorithmReports(model: Context["model"], report: Context["report"]): void {
  for (const placed of model.withKeyword("compression")) {
    if (placed.value(0) !== "algo") continue;
    const args = placed.statement.args;
    for (let i = 1; i < args.length; i++) {
      const word = args[i]!;
      if (ALGORITHMS.includes(word.value) || word.text.includes("$")) continue;
      const candidates = suggest(word.value, ALGORITHMS);
      report({ uri: placed.section.uri, range: word.range, message: `'${word.value}' is not a compression algorithm (${ALGORITHMS.join(", ")})${didYouMean(candidates)}`, ...replacementFixes(word.range, candidates) });
    }
  }
}
