// Hover text for the stick-table counter family, in lblint's own words: one phrase per stored
// counter, combined with whose entry is read — `src_*` (the client address), `sc_*`/`sc0_*`…
// (a tracked entry) or the `table_*` converters (the entry keyed by the input).

/** What each counter holds, as a noun phrase. */
const COUNTERS = {
  bytes_in_rate: "rate of bytes received from the client",
  bytes_out_rate: "rate of bytes sent to the client",
  conn_cnt: "cumulated number of connections",
  conn_cur: "number of connections open right now",
  conn_rate: "connection rate",
  glitch_cnt: "cumulated number of protocol glitches (suspicious or broken requests)",
  glitch_rate: "rate of protocol glitches",
  gpc0_rate: "increment rate of counter gpc0",
  gpc1_rate: "increment rate of counter gpc1",
  http_err_cnt: "cumulated number of HTTP client errors (4xx)",
  http_err_rate: "rate of HTTP client errors (4xx)",
  http_fail_cnt: "cumulated number of HTTP server failures (5xx)",
  http_fail_rate: "rate of HTTP server failures (5xx)",
  http_req_cnt: "cumulated number of HTTP requests",
  http_req_rate: "HTTP request rate",
  kbytes_in: "cumulated kilobytes received from the client",
  kbytes_out: "cumulated kilobytes sent to the client",
  sess_cnt: "cumulated number of sessions (accepted connections)",
  sess_rate: "session rate",
  get_gpc0: "value of counter gpc0",
  get_gpc1: "value of counter gpc1",
  get_gpt0: "value of tag gpt0",
  trackers: "number of streams tracking this entry right now",
  get_gpc: "value of general purpose counter `<idx>`",
  get_gpt: "value of general purpose tag `<idx>`",
  gpc_rate: "increment rate of general purpose counter `<idx>`",
};

/** Counters that change the entry as they are read. */
const UPDATING = {
  inc_gpc0: "Increments counter gpc0 and returns its new value",
  inc_gpc1: "Increments counter gpc1 and returns its new value",
  clr_gpc0: "Resets counter gpc0 to 0 and returns its former value",
  clr_gpc1: "Resets counter gpc1 to 0 and returns its former value",
  inc_gpc: "Increments general purpose counter `<idx>` and returns its new value",
  clr_gpc: "Resets general purpose counter `<idx>` to 0 and returns its former value",
};

const capital = (text) => text[0].toUpperCase() + text.slice(1);

/**
 * Summaries for every counter under a prefix; names the daemon lacks (`sc0_inc_gpc`) are harmless,
 * as only existing items are looked up. The `table_*` converters drop the `get_` (`table_gpc0`).
 */
function family(prefix, whose) {
  const out = {};
  for (const [name, what] of Object.entries(COUNTERS)) {
    const period = name.endsWith("_rate") ? ", over the period the table declares" : "";
    out[`${prefix}${prefix === "table_" ? name.replace(/^get_/, "") : name}`] = `${capital(what)} of ${whose}${period}.`;
  }
  for (const [name, what] of Object.entries(UPDATING)) out[`${prefix}${name}`] = `${what}, in ${whose}.`;
  return out;
}

export const counterFetchSummaries = {
  ...family("src_", "the client address's entry (current proxy's table unless one is named)"),
  src_updt_conn_cnt: "Counts one more connection for the client address's entry and returns the new count.",
  ...family("sc_", "the entry tracked by `track-sc<ctr>`"),
  sc_tracked: "Whether counter `<ctr>` currently tracks an entry.",
  sc_key: "Key of the entry tracked by counter `<ctr>`.",
  ...Object.assign(
    {},
    ...[0, 1, 2].map((n) => ({
      ...family(`sc${n}_`, `the entry tracked by \`track-sc${n}\``),
      [`sc${n}_tracked`]: `Whether \`track-sc${n}\` currently tracks an entry.`,
      [`sc${n}_key`]: `Key of the entry tracked by \`track-sc${n}\`.`,
    })),
  ),
};

export const counterConverterSummaries = {
  ...family("table_", "the entry whose key is the input, in the named table"),
  table_expire: "Time left before the entry keyed by the input expires, in milliseconds.",
  table_idle: "Time since the entry keyed by the input was last updated, in milliseconds.",
  table_server_id: "Id of the server stored in the entry keyed by the input.",
};
