// HA078: a frontend or listen section that says how to log (`log-format`, `option httplog`,
// `option httpslog`, `option tcplog`, its own or its defaults') but has nowhere to send logs: no
// `log` line of its own or inherited (or `no log`), or only `log global` where the global section
// has none.
// haproxy 2.6.12 warns ("log format ignored for frontend 'f' since it has no log address") and logs
// nothing for it: the format was written for logs nobody gets.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, isGuarded, optionOf, type HaproxyModel, type Located, type SectionModel } from "./model.js";

const LOG_OPTIONS: ReadonlySet<string> = new Set(["httplog", "httpslog", "tcplog"]);

/** The statement that gives a proxy its log format, or undefined when it has none. */
function logFormat(model: HaproxyModel, proxy: SectionModel): Located | undefined {
  const own = model.keywordSetting(proxy, "log-format");
  if (own) return own;
  const option = model.optionSetting(proxy, (found) => LOG_OPTIONS.has(found.name));
  return option && !optionOf(option.statement)?.negated ? option : undefined;
}

/** The `log` lines a proxy sends its logs by: its own, else its nearest defaults section's. */
function logLines(model: HaproxyModel, proxy: SectionModel): readonly Statement[] {
  for (const holder of [proxy, ...model.defaultsChain(proxy)]) {
    const lines = model.keywordIn(holder, "log");
    if (lines.length > 0) return lines;
  }
  return [];
}

/** From the first word of a line to its last (a line's range runs to its line break). */
function wordsRange(statement: Statement) {
  const words = statement.words;
  return { start: words[0]!.range.start, end: words[words.length - 1]!.range.end };
}

export const logFormatWithoutLog: HaproxyRule = {
  meta: {
    id: "HA078",
    alias: "log-format-without-log",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a frontend sets a log format but has no log target, so nothing is logged",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    const globalLogs = model.sectionsOfType("global").some((global) => model.keywordIn(global, "log").length > 0);
    for (const proxy of model.sectionsOfType("frontend", "listen")) {
      const format = logFormat(model, proxy);
      if (!format || isGuarded(format.statement)) continue;
      // `no log` drops the log lines a proxy inherits (haproxy then warns about the format all the same).
      const noLog = model.keywordIn(proxy, "no").some((statement) => statement.wordIs(1, "log"));
      const lines = noLog ? model.keywordIn(proxy, "log") : logLines(model, proxy);
      // A line under `.if` may or may not be read: not judged.
      if (lines.some(isGuarded)) continue;
      if (lines.some((line) => !line.wordIs(1, "global")) || (lines.length > 0 && globalLogs)) continue;
      const why = lines.length > 0 ? "it has only 'log global' and the global section has no 'log' line" : noLog ? "'no log' turns its logging off" : "no 'log' line applies to it";
      const inherited = format.section !== proxy;
      report({
        uri: proxy.uri,
        range: inherited ? (proxy.section.name ?? proxy.section.header.keyword).range : wordsRange(format.statement),
        message: `${describe(proxy)} sets a log format${inherited ? ` (from ${describe(format.section)})` : ""} but has no log target: ${why}, so haproxy ignores the format and logs nothing for it`,
        ...(inherited ? { related: [{ uri: format.section.uri, range: wordsRange(format.statement), message: "the log format it inherits" }] } : {}),
      });
    }
  },
};
