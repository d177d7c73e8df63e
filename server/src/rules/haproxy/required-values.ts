// HA004 checks that look past one word: a cache section that never gets its size, and thread
// counts above what haproxy is built for. Measured with haproxy 2.6.12: "Size not specified for
// cache 'c1'" (no total-max-size), "'thread-groups' value must be between
// 1 and 1", "'nbthread' value must be between 1 and 64" (MAX_THREADS of 64-bit builds). From 2.7
// on, thread groups work, up to a build limit (16 in Debian's 3.0.11, 32 in its 3.2.26); threads up
// to a build limit too (256 and 1024), and in 3.0 64 to a group; a `thread-group` line's group and
// threads (the sixteenth mutation round). And `log
// global` in the global section; a program section without its command, a resolvers section
// without a name server. A proxy's email alerts without `from`, `mailers` or `to`, which haproxy
// ignores with a warning (a warning here too; email-alerts.ts).
import type { HaproxyRule } from "../../lint/rule.js";
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { describe, type SectionModel } from "./model.js";
import { incompleteAlertReports } from "./email-alerts.js";

type Context = Parameters<HaproxyRule["check"]>[0];

export function requiredValueReports(model: Context["model"], report: Context["report"]): void {
  for (const section of model.sectionsOfType("cache")) cacheSize(section, model, report);
  for (const section of model.sectionsOfType("program")) programCommand(section, model, report);
  for (const section of model.sectionsOfType("resolvers")) nameservers(section, model, report);
  for (const section of model.sectionsOfType("global")) threadLimits(section, model, report);
  showDescription(model, report);
  incompleteAlertReports(model, report);
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
  const number = (keyword: string): { word: Word; value: number } | undefined => {
    const statements = model.keywordIn(section, keyword);
    const word = statements[statements.length - 1]?.args[0];
    return word && /^\d+$/.test(word.value) ? { word, value: Number(word.value) } : undefined;
  };
  const put = (word: Word, severity: "error" | "warning", message: string): void => report({ uri: section.uri, range: word.range, ...(severity === "warning" ? { severity } : {}), message });
  const groups = number("thread-groups");
  const threads = number("nbthread");
  threadGroupLines(section, model, put);
  if (model.version === "2.6") {
    // 2.6 judges each line as it reads it: a later `thread-groups 1` does not save an earlier `thread-groups 17`.
    for (const word of model.keywordIn(section, "thread-groups").map((s) => s.args[0])) {
      if (word && /^\d+$/.test(word.value) && Number(word.value) > 1) put(word, "error", `'thread-groups ${word.value}' is above 1: haproxy 2.6 runs a single thread group; it refuses the value`);
    }
    for (const word of model.keywordIn(section, "nbthread").map((s) => s.args[0])) {
      if (word && /^\d+$/.test(word.value) && Number(word.value) > 64) put(word, "error", `'nbthread ${word.value}' is above 64: haproxy 2.6 runs at most 64 threads; it refuses the value`);
    }
    return;
  }
  // A thread group's threads are the bits of a long (64), and the groups too: no 64-bit build runs
  // more than 64 groups or 4096 threads. Below that, the limits are the build's: Debian's 3.0.11
  // takes 16 groups and 256 threads, its 3.2.26 32 and 1024 (measured), another build may differ.
  const debian = model.version === "3.0" ? { groups: 16, threads: 256 } : { groups: 32, threads: 1024 };
  const release = model.version === "3.0" ? "3.0" : "3.2";
  if (groups && groups.value > 64) put(groups.word, "error", `'thread-groups ${groups.word.value}' is above 64, the most any build of haproxy runs; it refuses the value`);
  else if (groups && groups.value > debian.groups) put(groups.word, "warning", `'thread-groups ${groups.word.value}' is above ${debian.groups}: haproxy ${release} as Debian builds it runs at most ${debian.groups} thread groups`);
  if (!threads) return;
  // Measured on 3.0.11 and 3.2.26: "More unassigned thread-groups (4) than threads (2)".
  if (groups && groups.value <= 64 && groups.value > threads.value && threads.value >= 1 && model.keywordIn(section, "thread-group").length === 0) {
    return put(groups.word, "error", `'thread-groups ${groups.value}' is more than the ${threads.value} thread${threads.value === 1 ? "" : "s"} 'nbthread' sets: each group needs a thread; haproxy refuses the configuration`);
  }
  if (threads.value > 4096) return put(threads.word, "error", `'nbthread ${threads.word.value}' is above 4096 (64 groups of 64), the most any build of haproxy runs; it refuses the value`);
  // 3.0 puts threads no group names into the groups it has, 64 at most in each ("Too many remaining
  // unassigned threads (65) for thread groups (1)", measured on 3.0.11); 3.2 makes more groups itself.
  const perGroup = 64 * (groups ? Math.min(groups.value, 64) : 1);
  if (model.version === "3.0" && threads.value > perGroup && model.keywordIn(section, "thread-group").length === 0) {
    return put(threads.word, "error", `'nbthread ${threads.word.value}' is above ${perGroup}: haproxy 3.0 puts at most 64 threads in a thread group, and there ${groups ? `are ${groups.value}` : "is one (set more with 'thread-groups')"}; it refuses the value`);
  }
  if (threads.value > debian.threads) put(threads.word, "warning", `'nbthread ${threads.word.value}' is above ${debian.threads}: haproxy ${release} as Debian builds it runs at most ${debian.threads} threads`);
}

/**
 * `thread-group GROUP [THREADS…]`, as haproxy reads each line (2.6.12, 3.0.11, 3.2.26; the sixteenth
 * mutation round): GROUP a number from 1 ("passed a missing or unparsable integer value in 'x'", "…
 * must be between 1 and 1 (was 0)"), 1 alone at 2.6; each THREADS a number or a range `N-M` of numbers
 * from 1 (`2-1` passes; `all`, `1,2`, `0` are "an unparsable or invalid thread number"), 64 at most at
 * 2.6. The later upper limits are the build's, and are left alone.
 */
function threadGroupLines(section: SectionModel, model: Context["model"], put: (word: Word, severity: "error", message: string) => void): void {
  for (const statement of model.keywordIn(section, "thread-group")) {
    const [group, ...threads] = statement.args;
    // Without a group, the argument count speaks (HA003).
    if (!group || group.value.includes("$")) continue;
    if (!/^\d+$/.test(group.value)) {
      put(group, "error", `'${group.value}' is not a thread group number; haproxy refuses the line`);
      continue;
    }
    const number = Number(group.value);
    if (number < 1 || (model.version === "2.6" && number > 1)) {
      put(group, "error", number < 1 ? "thread groups are numbered from 1; haproxy refuses group 0" : `'thread-group ${group.value}': haproxy 2.6 runs a single thread group, number 1; it refuses the line`);
      continue;
    }
    for (const word of threads) {
      if (word.value.includes("$")) break;
      const range = /^(\d+)(?:-(\d+))?$/.exec(word.value);
      const low = range ? Number(range[1]) : 0;
      const high = range?.[2] !== undefined ? Number(range[2]) : low;
      if (range && low >= 1 && high >= 1 && (model.version !== "2.6" || (low <= 64 && high <= 64))) continue;
      put(word, "error", `'${word.value}' is not a thread number or range (N or N-M, from 1${model.version === "2.6" ? " to 64" : ""}); haproxy refuses the line`);
      break;
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
