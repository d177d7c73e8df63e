// Mutation kinds of the tenth round (scripts/mutations.mjs applies them after the ninth round's, each
// kind from a stream of its own, so that earlier seeds keep their mutations): slips no earlier kind
// makes. Both formats: two statements joined on one line (haproxy; keepalived's `mergeLines` is old), one
// statement split in two at a blank, the blank between two words dropped (`10.0.0.1:80check`,
// `labeleth0:1`). haproxy: a `timeout` or `option` name with `_` for `-`, a sample fetch or converter
// renamed to a near name, an http-request action moved to http-response (and back) where the other
// does not have it, an ACL's `-i`/`-m` put after its pattern, a server option given a value of the
// wrong kind (`weight 1.5`, `slowstart abc`), a `stick-table`'s `type`/`size`/`expire` garbled, a status
// code haproxy does not take (`errorfile 418`), a keyword 2.x removed put back (`reqadd`, `block`).
// keepalived: the last `}` of the file dropped, a block's `{` put on the next line, a
// `virtual_server`/`real_server` address and port written another way or the port dropped. Each takes
// the file's lines and the kind's seeded `pick`/`random`, changes one place, and returns the index of
// the changed line (undefined when the file has nothing to change).

import { indentOf, numbered } from "./mutations-round7.mjs";

const code = (line) => line.replace(/(^|\s)#.*$/, "");
const HAPROXY_SECTION = /^\s*(global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers)(?=\s|$)/;

/** Both formats: lines joined, split or glued. */
function sharedKinds({ pick, isBlockLine }) {
  return {
    splitLine(lines) {
      // `server web1\n    10.0.0.1:80 check`, `priority\n100`: one statement split at a blank
      const chosen = pick(numbered(lines, (line) => /^\s*\S+\s+\S/.test(code(line)) && !isBlockLine(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const blanks = [...code(line).trimEnd().matchAll(/(?<=\S)\s+(?=\S)/g)];
      const at = pick(blanks);
      if (!at) return undefined;
      lines.splice(index, 1, line.slice(0, at.index), `${indentOf(line)}    ${line.slice(at.index + at[0].length)}`);
      return index + 1;
    },
    gluedWords(lines) {
      // the blank between two words dropped: `10.0.0.1:80check`, `virtual_router_id51`, `labeleth0:1`
      const chosen = pick(numbered(lines, (line) => /\S\s+[^\s#]/.test(code(line).trim())));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const at = pick([...code(line).trimEnd().matchAll(/(?<=[^\s{}])\s+(?=[^\s{}#])/g)]);
      if (!at) return undefined;
      lines[index] = line.slice(0, at.index) + line.slice(at.index + at[0].length);
      return index;
    },
  };
}

const FETCH_NEAR = [
  ["req.hdr", ["req.header", "req.hdrs", "req_hdr", "reqhdr"]], ["hdr", ["header", "hdrs", "hrd"]], ["src", ["scr", "source", "src_ip"]], ["path", ["paths", "uri_path"]],
  ["path_beg", ["path_begin", "path_start"]], ["hdr_beg", ["hdr_begin", "hdr_start"]], ["ssl_fc", ["ssl_fe", "ssl", "ssl_c"]], ["url_param", ["url_params", "urlparam"]],
  ["lower", ["lowercase", "tolower", "lwr"]], ["upper", ["uppercase", "toupper"]], ["base64", ["b64", "base_64"]], ["method", ["methods", "verb"]],
  ["var", ["vars", "variable"]], ["str", ["string", "strng"]], ["status", ["code", "status_code"]], ["sc_http_req_rate", ["sc_http_request_rate", "sc_http_req_rates"]],
  ["req.cook", ["req.cookie", "req.cooke"]], ["cook", ["cookie", "cooki"]], ["dst_port", ["dstport", "dest_port"]], ["path_end", ["path_ends"]],
  ["hdr_dom", ["hdr_domain"]], ["map", ["maps", "mapping"]], ["hdr_ip", ["hdr_addr"]], ["query", ["querystring", "qs"]], ["capture.req.hdr", ["capture.req.header", "capture.request.hdr"]],
];

/** Actions only http-request has, and only http-response has (2.6). */
const REQUEST_ONLY = ["set-path", "set-uri", "set-query", "set-method", "replace-path", "replace-uri", "auth", "tarpit", "use-service", "set-src", "set-dst", "disable-l7-retry", "set-pathq", "normalize-uri", "early-hint", "reject", "cache-use", "set-dst-port", "set-src-port"];
const RESPONSE_ONLY = ["set-status", "cache-store"];

/** Server options and values of the wrong kind. */
const SERVER_VALUES = [
  [/^weight$/, ["1.5", "abc", "10%", "1e2"]], [/^slowstart$/, ["abc", "1.5x", "10q"]], [/^(inter|fastinter|downinter)$/, ["abc", "2 s", "1.5x", "2sec"]],
  [/^(rise|fall)$/, ["abc", "1.5", "two"]], [/^(maxconn|maxqueue|minconn)$/, ["1k", "abc", "1.5"]], [/^port$/, ["http", "80a", "8.0"]],
  [/^(on-marked-down|on-marked-up)$/, ["shutdown", "kill", "shutdown-session"]], [/^init-addr$/, ["lastt", "any", "last,libc,nonee"]], [/^resolve-prefer$/, ["ipv5", "ip4", "v4"]],
  [/^check-proto$/, ["h3", "http"]], [/^proto$/, ["h3", "http"]], [/^agent-inter$/, ["abc", "2sec"]], [/^ssl-min-ver$/, ["TLS1.2", "TLSv1.4", "tls12"]],
];

/** Parts of a stick-table line and values haproxy does not take. */
const TABLE_PARTS = [
  [/(\stype\s+)(\S+)/, ["ipv4", "int", "string len", "binary", "ip6", "integer", "str", "address"]],
  [/(\ssize\s+)(\S+)/, ["1x", "-1", "abc", "1.5m", "1mb", "0"]],
  [/(\sexpire\s+)(\S+)/, ["30x", "abc", "-1", "30 s", "1w"]],
  [/(\sstore\s+)(\S+)/, ["http_req_rate", "gpc0,http_req_rate", "conn_cnt(10s)", "gpc", "http_req_rate()", "bytes_in_rate(10s)"]],
  [/(\slen\s+)(\S+)/, ["0", "-1", "abc"]],
];

const STATUSES = ["418", "302", "999", "5033", "200", "100", "40", "600", "0", "301"];

/** Keywords haproxy 2.x removed (1.x's header rewriting, `block`, the old timeouts), put back as people copy old guides. */
const REMOVED = [
  "reqadd X-Forwarded-Proto:\\ https", "reqrep ^([^\\ ]*)\\ /old/(.*) \\1\\ /new/\\2", "reqdel ^X-Forwarded-For:", "rspadd Strict-Transport-Security:\\ max-age=31536000", "rspirep ^Location:\\ http://(.*) Location:\\ https://\\1",
  "rspidel ^Server:", "reqallow ^GET", "reqideny ^User-Agent:.*curl", "block if { src 10.0.0.0/8 }", "clitimeout 30000", "srvtimeout 30000", "contimeout 5000",
  "option http-tunnel", "redispatch", "option independant-streams", "monitor-net 10.0.0.0/8", "option http_proxy", "reqitarpit ^GET", "rsprep ^Server:.* Server:\\ x",
];

export function haproxyRound10({ pick, random }) {
  const isBlockLine = (line) => HAPROXY_SECTION.test(line) || /^\s*\./.test(line);
  return {
    ...sharedKinds({ pick, isBlockLine }),
    joinLines(lines) {
      // two statements of a section on one line: `mode http timeout client 30s`
      const candidates = numbered(lines, (line) => /^\s+[a-z]/.test(line) && !/#/.test(line)).filter(([, index]) => /^\s+[a-z][^#]*$/.test(lines[index + 1] ?? ""));
      const chosen = pick(candidates);
      if (!chosen) return undefined;
      lines.splice(chosen[1], 2, `${chosen[0].trimEnd()} ${lines[chosen[1] + 1].trim()}`);
      return chosen[1];
    },
    underscoreName(lines) {
      // `timeout http_request 10s`, `option http_server_close`, `option forwardfor` left alone: a `-` made `_` (or the other way)
      const chosen = pick(numbered(lines, (line) => /^\s*(no\s+)?(timeout|option)\s+[a-z]+[-_][a-z]/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      lines[index] = line.replace(/^(\s*(?:no\s+)?(?:timeout|option)\s+)(\S+)/, (_, head, name) => head + (name.includes("-") ? (random() < 0.5 ? name.replace("-", "_") : name.replace(/-/g, "_")) : name.replace("_", "-")));
      return lines[index] === line ? undefined : index;
    },
    renameFetch(lines) {
      // a sample fetch or converter renamed to a near name, in `%[…]`, a condition or an ACL
      const found = [];
      numbered(lines, (line) => /^\s*(acl|http-request|http-response|tcp-request|use_backend|stick|log-format|unique-id-format|http-after-response|redirect|capture)\b/.test(line)).forEach(([line, index]) => {
        for (const [name, near] of FETCH_NEAR) {
          const pattern = new RegExp(`(?<=[\\s{\\[,(!])${name.replace(/\./g, "\\.")}(?=[\\s(,\\]}]|$)`, "g");
          for (const match of code(line).matchAll(pattern)) found.push({ index, at: match.index, name, near });
        }
      });
      const chosen = pick(found);
      if (!chosen) return undefined;
      const line = lines[chosen.index];
      lines[chosen.index] = line.slice(0, chosen.at) + pick(chosen.near) + line.slice(chosen.at + chosen.name.length);
      return chosen.index;
    },
    actionDirection(lines) {
      // an http-request action moved to http-response where that has no such action, and back
      const chosen = pick(numbered(lines, (line) => new RegExp(`^\\s*http-(request\\s+(${REQUEST_ONLY.join("|")})|response\\s+(${RESPONSE_ONLY.join("|")}))\\b`).test(line)));
      if (chosen) {
        const [line, index] = chosen;
        lines[index] = /^\s*http-request/.test(line) ? line.replace("http-request", pick(["http-response", "http-after-response"])) : line.replace("http-response", "http-request");
        return index;
      }
      const any = pick(numbered(lines, (line) => /^\s*http-(request|response)\s+\S/.test(line)));
      if (!any) return undefined;
      const [line, index] = any;
      lines[index] = /^\s*http-request/.test(line) ? line.replace(/http-request\s+\S+/, `http-response ${pick(REQUEST_ONLY)}`) : line.replace(/http-response\s+\S+/, `http-request ${pick(RESPONSE_ONLY)}`);
      return index;
    },
    aclFlagAfter(lines) {
      // `acl a hdr(host) example.com -i`, `{ path /x -m beg }`: a flag after the pattern, which haproxy takes for a pattern
      const FLAG = /\s(-i|-m\s+\S+)(?=\s)/;
      const chosen = pick(numbered(lines, (line) => /^\s*acl\s+\S+\s+\S+\s+\S/.test(code(line)) || /\{\s*\S+\s+[^}]*\}/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const braces = /^\s*acl\s/.test(line) ? undefined : /\{([^}]*)\}/.exec(line);
      const [from, to] = braces ? [braces.index + 1, braces.index + 1 + braces[1].trimEnd().length] : [0, code(line).trimEnd().length];
      const inside = line.slice(from, to);
      const flag = FLAG.exec(inside);
      const moved = flag ? `${inside.slice(0, flag.index)}${inside.slice(flag.index + flag[0].length)} ${flag[1]}` : `${inside} ${pick(["-i", "-m str", "-m beg", "-m reg", "-i -m sub"])}`;
      lines[index] = line.slice(0, from) + moved + line.slice(to);
      return lines[index] === line ? undefined : index;
    },
    serverValue(lines) {
      // a server option given a value of the wrong kind: `weight 1.5`, `slowstart abc`, `port http`
      const options = [];
      numbered(lines, (line) => /^\s*(server|default-server)\s/.test(line)).forEach(([line, index]) => {
        for (const match of code(line).matchAll(/\s([a-z-]+)\s+(\S+)/g)) {
          const values = SERVER_VALUES.find(([test]) => test.test(match[1]))?.[1];
          if (values && !values.includes(match[2])) options.push({ index, match, values });
        }
      });
      const chosen = pick(options);
      if (!chosen) return undefined;
      const line = lines[chosen.index];
      const { match } = chosen;
      const value = pick(chosen.values);
      lines[chosen.index] = line.slice(0, match.index) + ` ${match[1]}${value ? ` ${value}` : ""}` + line.slice(match.index + match[0].length);
      return chosen.index;
    },
    stickTable(lines) {
      // a stick-table's type, size, expire, store or len garbled
      const chosen = pick(numbered(lines, (line) => /^\s*stick-table\s/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const parts = TABLE_PARTS.filter(([test]) => test.test(line));
      const part = pick(parts);
      if (!part) return undefined;
      lines[index] = line.replace(part[0], (_, head, value) => head + pick(part[1].filter((wrong) => wrong !== value)));
      return index;
    },
    statusCode(lines) {
      // a status code haproxy does not take for that keyword: `errorfile 418`, `deny_status 999`, `redirect … code 200`
      const chosen = pick(numbered(lines, (line) => /^\s*(errorfile|errorloc\d*)\s+\d+/.test(line) || /\s(deny_status|code|status)\s+\d+/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const status = /^(\s*(?:errorfile|errorloc\d*)\s+)(\d+)/.exec(line) ?? /(\s(?:deny_status|code|status)\s+)(\d+)/.exec(line);
      const wrong = pick(STATUSES.filter((value) => value !== status[2]));
      lines[index] = line.slice(0, status.index) + status[1] + wrong + line.slice(status.index + status[0].length);
      return index;
    },
    removedKeyword(lines) {
      // a keyword of 1.x that 2.x removed, put into a frontend, backend or listen section
      const sections = numbered(lines, (line) => /^\s*(frontend|backend|listen|defaults)\b/.test(line));
      const chosen = pick(sections);
      if (!chosen) return undefined;
      const [, index] = chosen;
      const indent = indentOf(lines[index + 1] ?? "") || "    ";
      lines.splice(index + 1, 0, indent + pick(REMOVED));
      return index + 1;
    },
  };
}

export function keepalivedRound10({ pick, random }) {
  const isBlockLine = (line) => /[{}]/.test(line);
  return {
    ...sharedKinds({ pick, isBlockLine }),
    dropLastBrace(lines) {
      // the closing `}` of the file's last block dropped (or of another top-level block)
      const closers = numbered(lines, (line) => /^\}\s*(#.*)?$/.test(line));
      if (closers.length === 0) return undefined;
      const chosen = random() < 0.6 ? closers[closers.length - 1] : pick(closers);
      lines.splice(chosen[1], 1);
      return Math.max(0, Math.min(chosen[1], lines.length - 1));
    },
    braceNextLine(lines) {
      // `vrrp_instance VI_1` then `{` on the line below, or the `{` of a block dropped to its first entry
      const chosen = pick(numbered(lines, (line) => /^\s*[a-z_]+\b[^{}#]*\{\s*(#.*)?$/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const head = line.replace(/\s*\{\s*(#.*)?$/, "");
      lines.splice(index, 1, head, `${indentOf(line)}{`);
      return index;
    },
    addressPort(lines) {
      // a virtual_server's or real_server's address and port as `ADDR:PORT`, swapped, or the port dropped
      const chosen = pick(numbered(lines, (line) => /^\s*(virtual_server|real_server|sorry_server)\s+[\d.:a-fA-F]+\s+\d+/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, address, port] = /^(\s*\S+\s+)(\S+)\s+(\d+)/.exec(line);
      const rest = line.slice(/^(\s*\S+\s+)(\S+)\s+(\d+)/.exec(line)[0].length);
      const replaced = pick([`${address}:${port}`, `${port} ${address}`, address, `${address} port ${port}`, `${address}/${port}`, `${address} ${port}${port}`]);
      lines[index] = head + replaced + rest;
      return index;
    },
  };
}
