// Hover text for haproxy's sample fetches that summaries-haproxy-samples.mjs leaves out: connection
// and stream internals, timers and timeouts, CPU figures, HTX internals, and the older or rarer
// request and response fetches. In lblint's own words.

/** `be_connect_timeout`, `cur_connect_timeout`…: the configured and the applied value of a timeout. */
const timeouts = Object.fromEntries(
  [
    ["fe", "client"],
    ["fe", "tarpit"],
    ["be", "connect"],
    ["be", "queue"],
    ["be", "server"],
    ["be", "tarpit"],
    ["be", "tunnel"],
  ].flatMap(([side, name]) => [
    [`${side}_${name}_timeout`, `\`timeout ${name}\` as the ${side === "fe" ? "frontend" : "backend"} configures it, in milliseconds.`],
    [`cur_${name}_timeout`, `\`timeout ${name}\` applied to this stream right now, after any \`set-timeout\`, in milliseconds.`],
  ]),
);

/** Kernel TCP_INFO counters of the client connection, as `fc_<name>([<unit>])`. */
const tcpInfo = Object.fromEntries(
  [
    ["fc_fackets", "forward-acknowledged segments"],
    ["fc_lost", "lost segments (lost packets on QUIC)"],
    ["fc_reordering", "reordered segments (packets on QUIC)"],
    ["fc_retrans", "retransmitted segments"],
    ["fc_sacked", "selectively acknowledged segments"],
    ["fc_unacked", "segments sent and not yet acknowledged"],
  ].map(([name, what]) => [name, `Kernel count of ${what} on the client connection (TCP_INFO).`]),
);

/** The HTX message (haproxy's internal HTTP form) of the channel a rule looks at: developers' fetches. */
const htx = Object.fromEntries(
  [
    ["data", "Bytes of data in the HTX message of the current direction"],
    ["free", "Free bytes in the HTX message of the current direction"],
    ["free_data", "Room left for data in the HTX message of the current direction"],
    ["has_eom", "Whether the HTX message of the current direction holds its end"],
    ["nbblks", "Blocks in the HTX message of the current direction"],
    ["size", "Total size of the HTX message of the current direction"],
    ["used", "Bytes used (data and metadata) in the HTX message of the current direction"],
  ]
    .map(([name, text]) => [`internal.htx.${name}`, `${text}; for debugging.`])
    .concat(
      [
        ["data", "Content of the DATA block at a position"],
        ["hdrname", "Header name of the HEADER block at a position"],
        ["hdrval", "Header value of the HEADER block at a position"],
        ["size", "Size of the block at a position"],
        ["start_line", "Start line held by the block at a position"],
        ["type", "Type of the block at a position"],
      ].map(([name, text]) => [`internal.htx_blk.${name}`, `${text} in the HTX message (\`head\`, \`tail\` or a number); for debugging.`]),
    ),
);

export const runtimeFetchSummaries = {
  ...timeouts,
  ...tcpInfo,
  ...htx,
  "internal.strm.is_htx": "Whether the stream carries its data in haproxy's internal HTTP form (HTX); for debugging.",
  // the process
  act_conn: "Connections open on the whole process right now.",
  proc: "Always 1 (once the process number, before multi-process mode went away).",
  tgroup: "Thread group running the rule, from 0 (`thread-groups`).",
  quic_enabled: "Whether this haproxy supports QUIC and `tune.quic.listen` leaves its listeners on.",
  cpu_usage_thr: "CPU usage of the current thread over the last polling loop, 0 to 100.",
  cpu_usage_grp: "CPU usage averaged over the current thread group's threads, 0 to 100.",
  cpu_usage_proc: "CPU usage averaged over all running threads, 0 to 100.",
  cpu_calls: "Times the task handling the stream ran so far (reset per request).",
  cpu_ns_avg: "Average CPU time, in nanoseconds, of each run of the stream's task.",
  cpu_ns_tot: "Total CPU time, in nanoseconds, spent by the stream's task so far.",
  lat_ns_avg: "Average time, in nanoseconds, the stream's task waited between wake-up and run.",
  lat_ns_tot: "Total time, in nanoseconds, the stream's task waited between wake-ups and runs.",
  // connections
  bc_dst_port: "Server port of the connection to the server.",
  bc_src_port: "Local port haproxy connected to the server from.",
  bc_err: "Error code of the server connection, 0 if none.",
  bc_err_name: "Error of the server connection as one word (`CO_ER_…` without the prefix), empty if none.",
  bc_err_str: "Error of the server connection, as text.",
  fc_err_name: "Error of the client connection as one word, empty if none.",
  bc_glitches: "Protocol glitches (anomalies, violations) counted on the server connection.",
  fc_glitches: "Protocol glitches (anomalies, violations) counted on the client connection.",
  bc_nb_streams: "Streams open on the server connection (several with HTTP/2 or HTTP/3).",
  fc_nb_streams: "Streams open on the client connection (several with HTTP/2 or HTTP/3).",
  bc_settings_streams_limit: "Most streams the server connection allows at once (1 for TCP and HTTP/1).",
  fc_settings_streams_limit: "Most streams the client connection allows at once (1 for TCP and HTTP/1).",
  bc_reused: "Whether the request went over a server connection that was reused.",
  bc_rtt: "Round-trip time of the server connection as the kernel measures it (ms unless a unit is given).",
  bc_rttvar: "Variance of the server connection's round-trip time (ms unless a unit is given).",
  fc_rttvar: "Variance of the client connection's round-trip time (ms unless a unit is given).",
  bc_be_queue: "Streams that left the backend's queue before this one got a slot (`%bq`).",
  bc_srv_queue: "Streams that left the server's queue before this one got a slot (`%sq`).",
  fc_dst_is_local: "Whether the client connection's destination address belongs to this host.",
  fc_src_is_local: "Whether the client connection's source address belongs to this host.",
  fc_pp_unique_id: "Unique id TLV of the client's PROXY v2 header.",
  fc_saved_syn: "Client's SYN packet as the kernel kept it (bind `tcp-ss`); read it with the `eth.*`, `ip.*` and `tcp.*` converters.",
  // streams of a multiplexed connection
  "fs.id": "Stream id on the client connection (0 without multiplexing).",
  "bs.id": "Stream id on the server connection (0 without multiplexing).",
  "fs.aborted": "Whether the client aborted this stream.",
  "bs.aborted": "Whether the server aborted this stream.",
  "fs.rst_code": "Reset code the client sent for this stream (HTTP/2 RST_STREAM, QUIC STOP_SENDING).",
  "bs.rst_code": "Reset code the server sent for this stream (HTTP/2 RST_STREAM, QUIC STOP_SENDING).",
  "fs.debug_str": "Internal states of the client side of the stream as text; for developers.",
  "bs.debug_str": "Internal states of the server side of the stream as text; for developers.",
  last_entity: "Last rule or filter evaluated for the stream (the one that ended processing, often).",
  waiting_entity: "Rule or filter the stream was waiting on when an error or a timeout struck.",
  // timers, as the log's %T… fields, in milliseconds
  accept_date: "When the connection was accepted, as a Unix time (seconds unless a unit is given).",
  request_date: "When the first byte of the HTTP request came, as a Unix time (seconds unless a unit is given).",
  "bc.timer.connect": "Time to connect to the server, in milliseconds (`%Tc`).",
  "fc.timer.handshake": "Time of the client's handshakes (PROXY header, TLS), in milliseconds (`%Th`).",
  "fc.timer.total": "Whole duration of the stream, in milliseconds (`%Tt`).",
  "req.timer.idle": "Idle time before the HTTP request began, in milliseconds (`%Ti`).",
  "req.timer.tq": "Time to receive the request, counted from the accept or the previous response (`%Tq`).",
  "res.timer.data": "Time to send the response body, in milliseconds (`%Td`).",
  "txn.timer.user": "Duration of the stream seen from the client, without idle time, in milliseconds (`%Tu`).",
  // byte counts
  "req.bytes_in": "Bytes received from the client so far.",
  "req.bytes_out": "Bytes sent to the server so far.",
  "res.bytes_in": "Bytes received from the server so far.",
  "res.bytes_out": "Bytes sent to the client so far.",
  bytes_in: "Bytes received from the client; another name of `req.bytes_in` (the log's `%U`).",
  bytes_out: "Bytes received from the server; another name of `res.bytes_in` (the log's `%B`).",
  // proxies, servers, tables
  fe_defbe: "Name of the frontend's `default_backend`.",
  srv_conn_free: "Connections a server (`backend/server`) can still take before its `maxconn`.",
  srv_iweight: "Weight a server (`backend/server`) has in the configuration.",
  srv_uweight: "Weight of a server (`backend/server`) as set by hand (`set weight`).",
  table_avl: "Free entries in a stick-table (this proxy's unless named).",
  table_cnt: "Entries in use in a stick-table (this proxy's unless named).",
  prio_class: "Priority class of the stream (`set-priority-class`).",
  prio_offset: "Priority offset of the stream (`set-priority-offset`).",
  dump_all_vars: "Every variable of a scope as `name=value` pairs, optionally only names with a prefix.",
  wait_end: "True once the `inspect-delay` is over; lets a rule wait until then.",
  // HTTP request and response
  baseq: "Host header and path with the query string.",
  url32: "Hash of the Host header and the whole URL as a 32-bit integer.",
  "url32+src": "Hash of the Host header and URL followed by the client address, as binary.",
  urlp_val: "Value of a query-string parameter as an integer.",
  cookie: "Value of a cookie in the request's Cookie or the response's Set-Cookie header; deprecated for `req.cook`/`res.cook`.",
  "capture.req.ver": "HTTP version of the request as `HTTP/1.1`, kept for logs.",
  "capture.res.ver": "HTTP version of the response as `HTTP/1.1`, kept for logs.",
  "capture.res.hdr": "Response header captured by `capture response header`, by slot.",
  "req.fhdr_cnt": "Number of request header lines of a name (commas do not split), or of all lines.",
  "res.fhdr_cnt": "Number of response header lines of a name (commas do not split), or of all lines.",
  "res.cook_names": "Names of the cookies the response sets, joined by a delimiter (`,` by default).",
  "res.hdrs": "All response headers as one block of text.",
  "res.hdrs_bin": "All response headers in a binary encoding.",
  "res.body_size": "Announced length of the response body (Content-Length, or the data there with chunks).",
  resp_ver: "HTTP version of the response; old name of `res.ver`.",
  server_status: "HTTP status the server answered (before any `set-status`).",
  req_proto_http: "Whether the request buffer holds what parses as HTTP (TCP mode).",
  // payload and other protocols in the buffer
  payload: "Bytes of the request or response buffer at an offset; old name of `req.payload`/`res.payload`.",
  payload_lv: "Bytes whose length is read from the buffer; old name of `req.payload_lv`/`res.payload_lv`.",
  "res.payload_lv": "Bytes of the response buffer whose length is read from the buffer itself.",
  rdp_cookie: "Value of the RDP cookie in the request buffer; old name of `req.rdp_cookie`.",
  rdp_cookie_cnt: "Number of RDP cookies in the request buffer; old name of `req.rdp_cookie_cnt`.",
  "req.rdp_cookie_cnt": "Number of RDP cookies in the request buffer (of one name if given).",
  distcc_body: "Body of a token of a distcc message in the request buffer.",
  distcc_param: "Parameter of a token of a distcc message in the request buffer.",
  // FastCGI and device detection
  "fcgi.docroot": "Document root the `fcgi-app` applies to the request.",
  "fcgi.index": "Index script the `fcgi-app` applies to the request.",
  "51d.all": "Device properties 51Degrees finds from all the request's headers, joined by its separator.",
};
