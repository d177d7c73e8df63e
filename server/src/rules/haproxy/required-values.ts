// HA004 checks that look past one word: a cache section that never gets its size, and thread
// counts above what haproxy is built for. Measured with haproxy 2.6.12: "Size not specified for
// cache 'c1'" (no total-max-size), "'thread-groups' value must be between
// 1 and 1", "'nbthread' value must be between 1 and 64" (MAX_THREADS of 64-bit builds). From 2.7
// on, thread groups work, up to a build limit whose default the manual gives as 16; threads up to a
// build limit too (256 in Debian's 3.0.11, 1024 in its 3.2.26). And `log
// global` in the global section; a program section without its command, a resolvers section
// without a name server.
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, type SectionModel } from "./model.js";

type Context = Parameters<HaproxyRule["check"]>[0];

export function requiredValueReports(model: Context["model"], report: Context["report"]): void {
  for (const section of model.sectionsOfType("cache")) cacheSize(section, model, report);
  for (const section of model.sectionsOfType("program")) programCommand(section, model, report);
  for (const section of model.sectionsOfType("resolvers")) nameservers(section, model, report);
  for (const section of model.sectionsOfType("global")) threadLimits(section, model, report);
  showDescription(model, report);
  // `log global` takes the global section's log targets: the global section itself has none to
  // take ("'global' is not supported for a global syslog server").
  for (const placed of model.withKeyword("log")) {
    if (placed.section.type !== "global" || placed.value(0) !== "global") continue;
    report({ uri: placed.section.uri, range: placed.statement.args[0]!.range, message: "'log global' copies the global section's log targets into a proxy; in the global section itself haproxy refuses it (name a target: log 127.0.0.1 local0)" });
  }
}

function cacheSize(section: SectionModel, model: Context["model"], report: Context["report"]): void {
  // A value read as 0 is the range check's to report, a missing value the argument count's.
  if (model.has(section, "total-max-size") || section.statements.some((s) => s.guard !== undefined)) return;
  report({
    uri: section.uri,
    range: section.section.name?.range ?? section.section.header.keyword.range,
    message: `${describe(section)} has no total-max-size; haproxy refuses a cache without its size (in megabytes)`,
  });
}

function threadLimits(section: SectionModel, model: Context["model"], report: Context["report"]): void {
  const limits: [string, number, string][] =
    model.version === "2.6"
      ? [
          ["thread-groups", 1, "haproxy 2.6 runs a single thread group"],
          ["nbthread", 64, "haproxy 2.6 runs at most 64 threads"],
        ]
      : [
          ["thread-groups", 16, "haproxy is built for at most 16 thread groups unless compiled with a higher MAX_TGROUPS"],
          // Measured with Debian's builds: 3.0.11 "'nbthread' value must be between 1 and 256", 3.2.26
          // "between 1 and 1024"; another build may set MAX_THREADS otherwise, hence a warning. 2.8 was not measured.
          ...(model.version === "3.0" ? [["nbthread", 256, "haproxy 3.0 as Debian builds it runs at most 256 threads"] as [string, number, string]] : []),
          ...(model.version === "3.2" || model.version === "3.4" ? [["nbthread", 1024, "haproxy 3.2 as Debian builds it runs at most 1024 threads"] as [string, number, string]] : []),
        ];
  for (const [keyword, max, why] of limits) {
    for (const statement of model.keywordIn(section, keyword)) {
      const word = statement.args[0];
      if (!word || !/^\d+$/.test(word.value)) continue;
      if (Number(word.value) <= max) continue;
      report({
        uri: section.uri,
        range: word.range,
        ...(model.version === "2.6" ? {} : { severity: "warning" as const }),
        message: `'${keyword} ${word.value}' is above ${max}: ${why}${model.version === "2.6" ? "; it refuses the value" : ""}`,
      });
    }
  }
}

/** A program section without `command` (measured: "The program section 'p' lacks a command to launch."). */
function programCommand(section: SectionModel, model: Context["model"], report: Context["report"]): void {
  if (model.has(section, "command") || section.statements.some((s) => s.guard !== undefined)) return;
  report({ uri: section.uri, range: section.section.name?.range ?? section.section.header.keyword.range, message: `${describe(section)} has no 'command'; haproxy refuses a program section without the command to launch` });
}

/**
 * A resolvers section without any `nameserver` or `parse-resolv-conf`: haproxy 2.6.12 warns
 * ("resolvers 'dns' has no nameservers configured!") and the servers that use it never resolve.
 */
function nameservers(section: SectionModel, model: Context["model"], report: Context["report"]): void {
  if (model.has(section, "nameserver") || model.has(section, "parse-resolv-conf") || section.statements.some((s) => s.guard !== undefined)) return;
  report({
    uri: section.uri,
    severity: "warning",
    range: section.section.name?.range ?? section.section.header.keyword.range,
    message: `${describe(section)} has no 'nameserver' and no 'parse-resolv-conf': haproxy warns, and the servers that use it never resolve their names`,
  });
}

/**
 * `stats show-desc` without a text shows the global section's `description`; without one haproxy
 * 2.6.12 warns ("'show-desc' requires a parameter or 'desc' to be set in the global section") and the
 * page shows none. haproxy reads the global description set before the line (tenth real-world round).
 */
function showDescription(model: Context["model"], report: Context["report"]): void {
  const bare = model.withKeyword("stats").filter((placed) => placed.value(0) === "show-desc" && placed.statement.argCount === 1);
  if (bare.length === 0) return;
  const described = model.withKeyword("description").filter((placed) => placed.section.type === "global");
  for (const placed of bare) {
    const line = placed.statement.range.start.line;
    // A description in another file of the configuration is not ordered here: taken as set.
    if (described.some((d) => d.statement.argCount > 0 && (d.section.uri !== placed.section.uri || d.statement.range.start.line < line))) continue;
    report({
      uri: placed.section.uri,
      range: placed.statement.args[0]!.range,
      severity: "warning",
      message: "'stats show-desc' without a text shows the global section's 'description', and none is set before it: the statistics page shows no description (give the text here, or set 'description' in global)",
    });
  }
}
