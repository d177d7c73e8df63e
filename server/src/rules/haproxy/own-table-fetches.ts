// Part of HA019 (undefined-reference): fetches and converters that read the stick table of the
// proxy they stand in, where that proxy has none. Kept apart to keep the rule's module short.
import { haproxyConverter, haproxyFetch } from "../../facts/haproxy.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { describe, type HaproxyModel, type SectionModel } from "./model.js";
import { samplesOf, type SampleName } from "./samples.js";

/**
 * `src_conn_rate`, `src_http_req_rate`, `table_cnt` … without their optional table argument read
 * the stick table of the proxy they are in: haproxy 2.6.12 refuses them where it has none ("unable
 * to find table 'fe' referenced in arg 1 of ACL keyword 'src_conn_rate'"), in an ACL, a condition,
 * an action's expression or a log format alike. (`sc0_*` and `sc_*` read the tracked counter's.)
 */
export function ownTableFetches(model: HaproxyModel, report: Parameters<HaproxyRule["check"]>[0]["report"]): void {
  const hasTable = new Map<SectionModel, boolean>();
  for (const { placed, samples } of samplesOf(model)) {
    const { section } = placed;
    if ((section.type !== "frontend" && section.type !== "backend" && section.type !== "listen") || placed.statement.guard !== undefined) continue;
    for (const sample of samples) {
      if (!readsOwnTable(sample)) continue;
      let has = hasTable.get(section);
      if (has === undefined) hasTable.set(section, (has = model.has(section, "stick-table")));
      if (has) continue;
      report({
        range: sample.range,
        uri: section.uri,
        message: `'${sample.name}' without a table argument reads the stick table of ${describe(section)}, which has none; haproxy refuses it (add a 'stick-table' here, or name one: ${sample.name}(TABLE))`,
      });
    }
  }
}

/** Per kind, by name: the position of the table argument, or -1 (the same few names recur). */
const TABLE_ARGUMENT = { fetch: new Map<string, number>(), converter: new Map<string, number>() };

/**
 * Whether a fetch or converter reads the stick table of the proxy it stands in: its table argument
 * (2.6.12's dump types it) left out or empty. Measured on 2.6.12: `table_cnt`, `table_cnt()`,
 * `in_table` and `table_gpc0()` read the proxy's own table; `sc_get_gpc0(0)` and `sc0_http_req_rate`
 * read the tracked counter's, but `sc_get_gpc0(0,)` and `sc0_http_req_rate()` the proxy's
 * ("unable to find table 'fe' referenced in arg 2 of sample fetch keyword 'sc_get_gpc0'").
 */
function readsOwnTable(sample: SampleName): boolean {
  const known = TABLE_ARGUMENT[sample.kind];
  let at = known.get(sample.name);
  if (at === undefined) {
    const spec = sample.kind === "fetch" ? haproxyFetch(sample.name) : haproxyConverter(sample.name);
    // The dump types some; the others take the table alone (`src_conn_rate([<table>])`, `table_cnt([<table>])`, `in_table(<table>)`).
    const alone = /^(?:src_|table_|in_table$|sc\d_)/.test(sample.name) && spec?.args?.min === 0 && spec.args.max === 1;
    known.set(sample.name, (at = spec?.argTypes ? spec.argTypes.indexOf("table") : alone ? 0 : -1));
  }
  if (at < 0) return false;
  const given = sample.arguments()[at];
  if (given === undefined) return !(sample.kind === "fetch" && /^sc\d*_/.test(sample.name)) && sample.argumentCount <= at;
  const text = given.text.trim();
  return !text.includes("$") && (text === "" || text === '""' || text === "''");
}
