// `no` and `default` before a keyword: haproxy 2.6 reads them only before options, `log` and five
// global switches (busy-polling, set-dumpable, strict-limits, insecure-fork-wanted, numa-cpu-mapping),
// and refuses them anywhere else ("negation/default currently supported only for …"), as it refuses
// them before the options that take parameters or pick a check or log format (`no option httplog`:
// "negation/default is not supported for option"). The keyword tables mark what may be negated; an
// fcgi-app's and a program's options are read by parsers of their own, which take `no` before the ones
// that take no value (asked of haproxy 2.6.12: test/rules/HA001-negation-oracle.test.ts).
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { Report } from "../../lint/rule.js";
import { keywordRange, type StatementReading } from "./keywords.js";
import type { SectionModel } from "./model.js";

const OWN_OPTION_PARSERS = new Set(["fcgi-app", "program"]);

/** The report for a `no`/`default` haproxy refuses before this keyword, if any. */
export function negationReport(statement: Statement, reading: StatementReading, section: SectionModel): Report | undefined {
  if (reading.kind !== "known" || !reading.match.negated) return undefined;
  const keyword = reading.match.keyword;
  if (keyword.negatable === true) return undefined;
  const option = keyword.name.startsWith("option ");
  if (option && OWN_OPTION_PARSERS.has(section.type) && (keyword.args?.min ?? 0) === 0) return undefined;
  const prefix = statement.keyword.value;
  return {
    uri: section.uri,
    range: keywordRange(statement, reading.match),
    message: option
      ? `haproxy cannot turn '${keyword.name}' off with '${prefix}' and refuses the line; remove the line, or the '${keyword.name}' it would undo`
      : `haproxy takes '${prefix}' only before an option, 'log' and a few global switches, and refuses '${prefix} ${keyword.name}'; remove the line, or the '${keyword.name}' it would undo`,
  };
}
