// Mutation kinds of the thirteenth round for haproxy (scripts/mutations.mjs applies them after the twelfth
// round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips no earlier
// kind makes. A server's address options made wrong (`addr 10.0.0.300`, `agent-addr`, `source`, `usesrc`
// without `source`), its health options (`observe layer8`, `check-proto`, `error-limit -1`, `on-error
// restart`), an `http-check` / `tcp-check` step broken, a peers section's `peer` / `server` lines, a
// `filter` or a service (`use-service prometheus_exporter`), error pages (`errorfile 999`, `errorfiles
// nowhere`, an `http-errors` section), a `log` target or its options (`local8`, `format rfc5425x`,
// `len abc`, `sample 0:1`), a stick-table's `store` list or a `track-sc` line's options. Each takes the
// file's lines and the kind's seeded `pick`/`random`, changes one place, and returns the index of the
// changed line (undefined when the file has nothing to change).

import { indentOf, numbered } from "./mutations-round7.mjs";

export const code = (line) => line.replace(/(^|\s)#.*$/, "");
const replaceAt = (line, at, length, text) => line.slice(0, at) + text + line.slice(at + length);
const SECTION = /^\s*(global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers|fcgi-app|log-forward|crt-store|traces)(?=\s|$)/;

/** The file's sections: kind, name, the line of their head and the line after their last. */
export function sections(lines) {
  const found = [];
  lines.forEach((line, index) => {
    const head = SECTION.exec(line);
    if (!head) return;
    if (found.length > 0) found[found.length - 1].end = index;
    found.push({ kind: head[1], name: code(line).trim().split(/\s+/)[1] ?? "", index, end: lines.length });
  });
  return found;
}

/** A line to put into a section: after its head, indented like its first line. */
export function insertInto(lines, section, text) {
  const indent = indentOf(lines[section.index + 1] ?? "") || "    ";
  lines.splice(section.index + 1, 0, `${indent}${text}`);
  return section.index + 1;
}

const BAD_ADDRESSES = ["10.0.0.300", "10.0.0", "::1::2", "10.0.0.1:99999", "10.0.0.1:", ":", "10.0.0.1:80x", "no-such-host.invalid", "10.0.0.1/24", "*", ""];
const GOOD_ADDRESSES = ["10.0.0.9", "127.0.0.1", "::1", "192.168.1.10"];
const SERVER_ADDRESS = [
  () => `addr ${pick13(BAD_ADDRESSES.concat(GOOD_ADDRESSES))}`,
  () => `agent-addr ${pick13(BAD_ADDRESSES.concat(GOOD_ADDRESSES, ["agent.example.com"]))}`,
  () => `source ${pick13(BAD_ADDRESSES.concat(GOOD_ADDRESSES, ["0.0.0.0", "10.0.0.9:1024-65535", "10.0.0.9:0-x"]))}`,
  () => `source ${pick13(GOOD_ADDRESSES)} usesrc ${pick13(["clientip", "client", "10.0.0.300", "hdr_ip(x-forwarded-for)", "hdr_ip(x-forwarded-for,-1)", "hdr_ip(", ""])}`,
  () => `usesrc ${pick13(["clientip", "client", "10.0.0.9"])}`,
  () => `source ${pick13(GOOD_ADDRESSES)} interface`,
  () => `agent-port ${pick13(["0", "65536", "x", ""])}`,
  () => `addr`,
  () => `agent-addr`,
];
const HEALTH = [
  () => `observe ${pick13(["layer4", "layer7", "layer8", "l7", "http", ""])}`,
  () => `check-proto ${pick13(["h2", "h3", "h1", "fcgi", "http2", "HTTP/2", ""])}`,
  () => `error-limit ${pick13(["0", "-1", "abc", "10", "5x", ""])}`,
  () => `on-error ${pick13(["fastinter", "fail-check", "sudden-death", "mark-down", "restart", "fast-inter", ""])}`,
  () => `on-marked-down ${pick13(["shutdown-sessions", "shutdown-session", "kill", ""])}`,
  () => `on-marked-up ${pick13(["shutdown-backup-sessions", "shutdown-sessions", ""])}`,
  () => `observe layer7 error-limit ${pick13(["10", "x"])} on-error ${pick13(["mark-down", "markdown"])}`,
  () => `check-send-proxy ${pick13(["1", "on"])}`,
  () => `agent-inter ${pick13(["5s", "abc", "0", "-1"])}`,
  () => `agent-send ${pick13(['"ping\\n"', ""])}`,
];
let pick13 = (list) => list[0];

/** Broken or near-missed `http-check` and `tcp-check` steps. */
const HTTP_CHECKS = [
  "http-check expect",
  "http-check expect status",
  "http-check expect status abc",
  "http-check expect status 200-x",
  "http-check expect rstatus (",
  "http-check expect string",
  "http-check expect ! status 200",
  "http-check expect min-recv 10",
  "http-check expect statuses 200",
  "http-check send meth GET uri /health",
  "http-check send method GET url /health",
  "http-check send hdr Host",
  "http-check send uri",
  "http-check send ver HTTP/3.0",
  "http-check connect port abc",
  "http-check connect port 70000",
  "http-check connect addr 10.0.0.300",
  "http-check connect proto h3",
  "http-check connect ssl sni",
  "http-check set-var(check.x)",
  "http-check set-var(txn.x) int(1)",
  "http-check unset-var(check.x) x",
  "http-check comment",
  "http-check disable-on-404 yes",
  "http-check send-state yes",
  "http-check sned",
  "http-check expect status 200 comment",
];
const TCP_CHECKS = [
  "tcp-check expect",
  "tcp-check expect string",
  "tcp-check expect rstring (",
  "tcp-check expect binary zz",
  "tcp-check expect binary 0",
  "tcp-check expect status 200",
  "tcp-check expect min-recv x string OK",
  "tcp-check send",
  "tcp-check send-binary zz",
  "tcp-check send-binary",
  "tcp-check send-lf",
  "tcp-check connect port x",
  "tcp-check connect port 0",
  "tcp-check connect addr 10.0.0.300",
  "tcp-check connect send-proxy yes",
  "tcp-check connect proto h3",
  "tcp-check set-var(check.x)",
  "tcp-check comment",
  "tcp-check expect string OK on-success",
  "tcp-check expect string OK error-status X",
  "tcp-check expect string OK status-code x",
  "tcp-check exepct string OK",
];

/** A peers section's lines made wrong. */
const PEER_WAYS = ["name", "address", "port", "drop-local", "double", "server-address", "table", "bind", "keyword"];

/** `filter` lines, and services. */
const FILTERS = [
  "filter compression x",
  "filter compresion",
  "filter trace name",
  "filter trace name T random-parsing yes",
  "filter trace",
  "filter cache",
  "filter cache nowhere",
  "filter spoe",
  "filter spoe engine x",
  "filter spoe config /nonexistent/spoe.conf",
  "filter bwlim-in",
  "filter bwlim-in lim default-limit 1m",
  "filter bwlim-out lim limit 1m",
  "filter bwlim-in lim default-limit x default-period 1s",
  "filter fcgi-app nowhere",
  "filter opentracing",
  "filter",
];
const SERVICES = [
  "http-request use-service prometheus_exporter",
  "http-request use-service prometheus-exporter",
  "http-request use-service prometheus-exporter if { path /metrics }",
  "http-request use-service prometheus-exporter if",
  "http-request use-service prometheus-exporter /metrics",
  "http-request use-service prometheus",
  "http-request use-service",
  "http-request use-service lua.nowhere",
  "tcp-request content use-service prometheus-exporter",
  "http-request use-service prometheus-exporter if { path /metrics } || { path /stats }",
];

/** Error pages. */
const ERROR_PAGES = [
  () => `errorfile ${pick13(["999", "200", "abc", "5O3", "503x", "302", "404"])} /etc/haproxy/errors/503.http`,
  () => `errorfile 503`,
  () => `errorfile 503 /nonexistent/503.http`,
  () => `errorfile 503 ""`,
  () => `errorfiles ${pick13(["nowhere", "", "nowhere 503", "nowhere 999"])}`.trimEnd(),
  () => `errorloc ${pick13(["503", "503 /sorry", "999 http://example.com/", "503 ''"])}`,
  () => `errorloc302 503`,
  () => `errorloc303 ${pick13(["503 /sorry.html", "abc /x"])}`,
  () => `http-error status ${pick13(["999", "abc", "503 content-type", "503 errorfile", "503 errorfiles nowhere", "503 default-errorfiles x", "503 string"])}`,
  () => `http-error`,
  () => `errorfile 503 /etc/haproxy/errors/503.http 503`,
];
const HTTP_ERRORS_WAYS = ["code", "file", "keyword", "empty-name", "double-name"];

/** `log` targets and options. */
const LOG_TARGETS = [
  () => `log ${pick13(["10.0.0.300", "127.0.0.1:99999", "127.0.0.1:", "udp@", "tcp@10.0.0.1", "unix@", "stdout:514", "stderr2", "/dev/nolog", "ring@nowhere", "fd@x"])} local0`,
  () => `log 127.0.0.1 ${pick13(["local8", "locl0", "local", "LOCAL0", "syslog", "kern", "user", "-", "daemon"])}`,
  () => `log 127.0.0.1 local0 ${pick13(["notice", "notce", "warn", "warning", "info debug", "err crit", "emerg debug", "debug err", "info x", "all"])}`,
  () => `log stdout format ${pick13(["raw", "rfc5424", "rfc3164", "short", "priority", "timed", "iso", "local", "rfc5425", "json", "", "raw daemon"])} ${pick13(["daemon", "local0", ""])}`.trimEnd(),
  () => `log 127.0.0.1 len ${pick13(["abc", "0", "80", "65536", "1024x", "-1", ""])} local0`,
  () => `log 127.0.0.1 sample ${pick13(["0:1", "1:0", "2:1", "1-2:3", "1:2,x", "x:2", "1:", ":2", "3:2"])} local0`,
  () => `log 127.0.0.1 profile x local0`,
  () => `log global ${pick13(["local0", "x", "global"])}`,
  () => `log ${pick13(["127.0.0.1", "stdout", "/dev/log"])}`,
  () => `log`,
  () => `log-format`,
  () => `log-format ${pick13(['"%ci:%cp [%t]"', "%{+Q}o %ci", '"%[src"', '"%{+X}o %ci"', '"%ci %ZZ"', '"%ci %[nosuchfetch]"'])}`,
  () => `log-tag ${pick13(["", "a b", "haproxy"])}`.trimEnd(),
  () => `log-format-sd ${pick13(['"[exampleSDID@1234 bytes=\\"%B\\"]"', '"%[src"'])}`,
  () => `no log ${pick13(["x", ""])}`.trimEnd(),
];

/** Stick-table `store` types and tracking options. */
const STORE_TYPES = ["gpc0", "gpc1", "gpc(2)", "gpc(x)", "gpc", "gpc0_rate", "gpc0_rate(10s)", "gpc_rate(2,10s)", "gpt0", "gpt(3)", "conn_cnt", "conn_cur", "conn_rate", "conn_rate(10s)", "conn_rate(x)", "http_req_rate(10s)", "http_req_rate", "http_err_rate(1m)", "bytes_in_rate(1s)", "server_id", "server_key", "sess_cnt", "sess_rate(10)", "glitch_cnt", "http_fail_rate(10s)", "bytes_out_cnt", "foo", "http_req_cnt(10s)", ""];
const TRACK_WAYS = [
  (key) => `track-sc0 ${key} table nowhere`,
  (key) => `track-sc0 ${key} table`,
  () => `track-sc0`,
  (key) => `track-sc0 ${key},lower`,
  (key) => `track-sc0 ${key} if`,
  (key) => `track-sc0 ${key} tabel x`,
  (key) => `track-sc${pick13(["0", "1", "2"])} ${key} ${pick13(["table", "if", "unless"])}`,
];

export function haproxyRound13({ pick, random }) {
  pick13 = pick;
  return {
    serverAddress(lines) {
      // `addr 10.0.0.300`, `agent-addr ::1::2`, `source 10.0.0.9:80x`, `source … usesrc hdr_ip(`, `usesrc` without `source`
      const chosen = pick(numbered(lines, (line) => /^\s*(server|default-server)\s/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const text = code(line).trimEnd();
      const present = /\s(addr|agent-addr|source)\s+(\S+)/.exec(text);
      if (present && random() < 0.5) {
        const start = present.index + present[0].length - present[2].length;
        lines[index] = replaceAt(line, start, present[2].length, pick(BAD_ADDRESSES.filter(Boolean)));
        return index;
      }
      lines[index] = `${text} ${pick(SERVER_ADDRESS)()}`.trimEnd();
      return lines[index] === line ? undefined : index;
    },
    serverHealth(lines) {
      // `observe layer8`, `check-proto h3`, `error-limit -1`, `on-error restart`, `on-marked-down kill`, `agent-inter abc`
      const chosen = pick(numbered(lines, (line) => /^\s*(server|default-server)\s/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      lines[index] = `${code(line).trimEnd()} ${pick(HEALTH)()}`.trimEnd();
      return lines[index] === line ? undefined : index;
    },
    checkSequence(lines) {
      // an `http-check` / `tcp-check` step broken, changed or added to a backend (`http-check expect status abc`, `tcp-check send-binary zz`)
      const present = numbered(lines, (line) => /^\s*(http-check|tcp-check)\s/.test(code(line)));
      if (present.length > 0 && random() < 0.6) {
        const [line, index] = pick(present);
        const tcp = /^\s*tcp-check/.test(line);
        lines[index] = `${indentOf(line)}${pick(tcp ? TCP_CHECKS : HTTP_CHECKS)}`;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(sections(lines).filter((s) => /^(backend|listen|defaults)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, pick(random() < 0.6 ? HTTP_CHECKS : TCP_CHECKS));
    },
    peersSection(lines) {
      // a peers section's `peer` / `server` line made wrong (its name, address, port), the local peer dropped, a name doubled
      const all = sections(lines);
      const peers = pick(all.filter((s) => s.kind === "peers"));
      if (!peers) {
        // a peers section added, named by a stick-table, with one slip in it
        const target = pick(all.filter((s) => /^(backend|listen|frontend)$/.test(s.kind)));
        if (!target) return undefined;
        const slip = pick([
          ["peer local 127.0.0.1:10000", "peer other 127.0.0.1:10000"],
          ["peer local 127.0.0.1:10000", "peer local 127.0.0.2:10000"],
          ["peer local 10.0.0.300:10000"],
          ["peer local 127.0.0.1"],
          ["peer local 127.0.0.1:0"],
          ["peer local"],
          ["peer 127.0.0.1:10000"],
          ["server local", "server other"],
          ["server local 127.0.0.1:10000", "server other"],
          ["bind 127.0.0.1:10000", "server local"],
          ["peer local 127.0.0.1:10000", "table t type ip size 1k", "table t type ip size 1k"],
          ["peer local 127.0.0.1:10000", "table t type ipx size 1k"],
          ["peer local 127.0.0.1:10000", "table t size 1k"],
          ["peer local 127.0.0.1:10000 check"],
          ["peer local 127.0.0.1:10000", "disabled x"],
        ]);
        const at = all[all.length - 1].end;
        lines.splice(at, 0, "", "peers mypeers", ...slip.map((entry) => `    ${entry}`));
        const tableLine = lines.findIndex((line, i) => i > target.index && i < target.end + 0 && /^\s*stick-table\s/.test(line));
        if (tableLine < 0) lines.splice(target.index + 1, 0, `${indentOf(lines[target.index + 1] ?? "") || "    "}stick-table type ip size 1k expire 30s peers mypeers`);
        else lines[tableLine] = `${code(lines[tableLine]).trimEnd()}${/\speers\s/.test(lines[tableLine]) ? "" : " peers mypeers"}`;
        return at + 2 + (tableLine < 0 ? 1 : 0);
      }
      const entries = numbered(lines, () => true).filter(([, i]) => i > peers.index && i < peers.end).filter(([line]) => /^\s*(peer|server)\s/.test(line));
      const chosen = pick(entries);
      const way = pick(PEER_WAYS);
      if (!chosen || way === "table" || way === "bind" || way === "keyword") {
        const added = {
          table: pick(["table t type ipx size 1k", "table t size 1k", "table t type ip size x", "table t type ip size 1k store foo", "table", "table t type string len x size 1k"]),
          bind: pick(["bind 10.0.0.300:10000", "bind :0", "bind", "bind :10000 x"]),
          keyword: pick(["peer", "server", "enable", "disabled x", "shards", "shards x", "default-server x", "default-bind x", "log", "peers x", "timeout connect x"]),
        }[way === "table" || way === "bind" ? way : "keyword"];
        return insertInto(lines, peers, added);
      }
      const [line, index] = chosen;
      const match = /^(\s*)(peer|server)(\s+)(\S+)(?:(\s+)(\S+))?(.*)$/.exec(code(line).trimEnd());
      if (!match) return undefined;
      const [, indent, kw, sp, name, sp2 = " ", address = "", rest] = match;
      let changed;
      if (way === "name") changed = `${indent}${kw}${sp}${pick([`${name}_x`, `${name}.`, `${name}-x`, "a b", `${name}:`])}${address ? sp2 + address : ""}${rest}`;
      else if (way === "address") changed = `${indent}${kw}${sp}${name}${sp2}${pick(["10.0.0.300:10000", "10.0.0:10000", ":", "peer.invalid:10000", "::1::2:10000", "10.0.0.1"])}${rest}`;
      else if (way === "port") changed = `${indent}${kw}${sp}${name}${sp2}${(address.replace(/:\d*$/, "") || "127.0.0.1")}:${pick(["0", "70000", "x", "", "10000-10001", "+1"])}${rest}`;
      else if (way === "server-address") changed = `${indent}${kw === "peer" ? "server" : "peer"}${sp}${name}${address ? sp2 + address : ""}${rest}`;
      else if (way === "drop-local") {
        const locals = entries.filter(([l]) => /^\s*(peer|server)\s/.test(l));
        const [, dropAt] = pick(locals);
        lines.splice(dropAt, 1);
        return dropAt > peers.index + 1 ? dropAt - 1 : peers.index;
      } else {
        lines.splice(index + 1, 0, line);
        return index + 1;
      }
      lines[index] = changed;
      return lines[index] === line ? undefined : index;
    },
    serviceFilter(lines) {
      // a `filter` line or an `http-request use-service` made wrong, in a proxy
      const present = numbered(lines, (line) => /^\s*filter\s|use-service\s/.test(code(line)));
      if (present.length > 0 && random() < 0.5) {
        const [line, index] = pick(present);
        lines[index] = `${indentOf(line)}${pick(/^\s*filter/.test(line) ? FILTERS : SERVICES)}`;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(sections(lines).filter((s) => /^(frontend|backend|listen)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, pick(random() < 0.5 ? FILTERS : SERVICES));
    },
    errorPages(lines) {
      // `errorfile 999 …`, `errorfile 503` alone, `errorfiles nowhere`, `http-error status 999`, an `http-errors` section's lines
      const all = sections(lines);
      const groups = all.filter((s) => s.kind === "http-errors");
      const present = numbered(lines, (line) => /^\s*(errorfile|errorfiles|errorloc\d*|http-error)\s/.test(code(line)));
      const way = random();
      if (groups.length > 0 && way < 0.3) {
        const group = pick(groups);
        const kind = pick(HTTP_ERRORS_WAYS);
        if (kind === "empty-name") {
          lines[group.index] = `${indentOf(lines[group.index])}http-errors`;
          return group.index;
        }
        if (kind === "double-name") {
          lines.splice(group.end, 0, "", lines[group.index], `    errorfile 503 /etc/haproxy/errors/503.http`);
          return group.end + 1;
        }
        return insertInto(lines, group, kind === "code" ? `errorfile ${pick(["999", "200", "abc"])} /etc/haproxy/errors/503.http` : kind === "file" ? "errorfile 503" : pick(["errorloc 503 /x", "http-error status 503", "errorfiles x", "option httplog"]));
      }
      if (present.length > 0 && way < 0.6) {
        const [line, index] = pick(present);
        lines[index] = `${indentOf(line)}${pick(ERROR_PAGES)()}`;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(all.filter((s) => /^(defaults|frontend|backend|listen)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, pick(ERROR_PAGES)());
    },
    logTarget(lines) {
      // a `log` line's target, facility, levels, format, length or sampling made wrong; `log-format` broken
      const present = numbered(lines, (line) => /^\s*log\s+\S/.test(code(line)));
      if (present.length > 0 && random() < 0.6) {
        const [line, index] = pick(present);
        const text = code(line).trimEnd();
        const words = text.trim().split(/\s+/);
        const ways = [
          () => `${indentOf(line)}${pick(LOG_TARGETS)()}`,
          () => text.replace(/\blocal(\d)\b/, pick(["local8", "locl$1", "local", "LOCAL$1", "local$1$1"])),
          () => (words.length > 2 ? `${text} ${pick(["notce", "info debug", "emerg debug", "x", "info info", "crit err"])}` : undefined),
          () => text.replace(/^(\s*log\s+)(\S+)/, `$1$2 ${pick(["len abc", "len 0", "format rfc5425", "format", "sample 1:0", "sample x", "profile"])}`),
        ];
        const changed = pick(ways)();
        if (!changed) return undefined;
        lines[index] = changed;
        return lines[index] === line ? undefined : index;
      }
      const section = pick(sections(lines).filter((s) => /^(global|defaults|frontend|backend|listen)$/.test(s.kind)));
      if (!section) return undefined;
      return insertInto(lines, section, pick(LOG_TARGETS)());
    },
    trackOptions(lines) {
      // a stick-table's `store` list given a type that is not there or a period it does not take; a `track-sc` line's options
      const tables = numbered(lines, (line) => /^\s*stick-table\s/.test(code(line)));
      const tracks = numbered(lines, (line) => /\strack-sc\d\s+\S/.test(code(line)));
      if (tables.length > 0 && (tracks.length === 0 || random() < 0.5)) {
        const [line, index] = pick(tables);
        const text = code(line).trimEnd();
        const store = /(\sstore\s+)(\S+)/.exec(text);
        const type = pick(STORE_TYPES);
        if (store && random() < 0.6) {
          const list = store[2].split(",");
          list[Math.floor(random() * list.length)] = type;
          lines[index] = replaceAt(text, store.index + store[1].length, store[2].length, random() < 0.2 ? `${list.join(",")},` : list.join(","));
        } else lines[index] = `${text} store ${type}`.trimEnd();
        return lines[index] === line ? undefined : index;
      }
      const chosen = pick(tracks);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const text = code(line).trimEnd();
      const head = /^(\s*\S+(?:\s+(?:connection|content|session|inspect-delay))?\s+)track-sc\d\s+(\S+)/.exec(text);
      if (!head) return undefined;
      const cond = /\s(if|unless)\s.*$/.exec(text);
      lines[index] = `${head[1]}${pick(TRACK_WAYS)(head[2])}${cond && random() < 0.5 ? cond[0] : ""}`;
      return lines[index] === line ? undefined : index;
    },
  };
}
