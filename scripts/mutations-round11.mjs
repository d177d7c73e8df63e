// Mutation kinds of the eleventh round (scripts/mutations.mjs applies them after the tenth round's, each
// kind from a stream of its own, so that earlier seeds keep their mutations): slips no earlier kind
// makes. Both formats: a word written twice (`balance balance roundrobin`, `priority 100 100`), an IPv6
// address mangled (`::1::2`, `[::1:80`, a v6 address where an instance is v4), a quote opened before a
// later word and never closed. haproxy: a unit put on a number that takes none or the wrong kind of
// unit (`maxconn 100k`, `retries 3s`, `timeout connect 5k`), a keyword that takes one value given a
// second of its kind (`default_backend a b`, `balance roundrobin leastconn`, `mode http tcp`).
// keepalived: a `{` or `}` written twice, a block keyword with a letter dropped or changed
// (`vrrp_instanc`, `virtual_sever`, `real_sevrer`), an `auth_pass` too long, empty or split, a notify
// or check script given arguments outside its quotes or unquoted. Each takes the file's lines and the
// kind's seeded `pick`/`random`, changes one place, and returns the index of the changed line
// (undefined when the file has nothing to change).

import { indentOf, keepalivedBlocks, numbered } from "./mutations-round7.mjs";

const code = (line) => line.replace(/(^|\s)[#!].*$/, "");
const HAPROXY_SECTION = /^\s*(global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers)(?=\s|$)/;

/** Ways to write an IPv6 address wrong, or an IPv4 one as a v6 one haproxy or keepalived will not read. */
const BROKEN_V6 = ["::1::2", "fe80::1::1", "2001:db8::g1", "2001:db8:0:0:0:0:0:0:1", "2001:db8:::1", ":::1", "2001:db8::/129", "12345::1", "::ffff:10.0.0.300"];

/** Both formats: a word doubled, an IPv6 address, a quote left open. */
function sharedKinds({ pick, random, addressLine }) {
  return {
    duplicateWord(lines) {
      // `balance balance roundrobin`, `server web1 web1 10.0.0.1:80`, `priority 100 100`, `state MASTER MASTER`
      const chosen = pick(numbered(lines, (line) => /\S/.test(code(line)) && !/^\s*[{}]\s*$/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const words = [...code(line).trimEnd().matchAll(/[^\s{}"']+/g)];
      const word = random() < 0.4 ? words[0] : pick(words);
      if (!word) return undefined;
      const end = word.index + word[0].length;
      lines[index] = `${line.slice(0, end)} ${word[0]}${line.slice(end)}`;
      return index;
    },
    ipv6Address(lines) {
      // an IPv6 address mangled, or an IPv4 address replaced by a broken v6 one
      const chosen = pick(numbered(lines, (line) => addressLine.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const v6 = /(\[?)([0-9a-fA-F]*:[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)(\]?)(:\d+)?/.exec(code(line).replace(/^\s*\S+/, (head) => " ".repeat(head.length)));
      const v4 = /(?<![\w.:])(\d{1,3}(?:\.\d{1,3}){3})(\/\d+)?(?::(\d+))?(?![\w.])/.exec(code(line));
      // `bind *:80`, `bind :443`: the wildcard and the port
      const any = /(?<=\s)\*?:(\d+)(?=[\s,]|$)/.exec(code(line));
      const found = v6 && v6[2].length > 2 ? v6 : (v4 ?? any);
      if (!found) return undefined;
      const port = found === v6 ? v6[4]?.slice(1) : found === v4 ? v4[3] : any[1];
      const broken = pick([
        () => pick(BROKEN_V6) + (port ? `:${port}` : ""),
        // brackets haproxy needs to tell the port from the address, taken away or half there
        () => (port ? `${pick(["2001:db8::1", "::1", "fe80::10"])}:${port}` : `[${pick(["2001:db8::1", "::1"])}]`),
        () => (port ? `[${pick(["2001:db8::1", "::1"])}:${port}` : `${pick(["2001:db8::1", "::1"])}]`),
        () => (port ? `[${pick(["2001:db8::1", "::1"])}]${port}` : `[${pick(["2001:db8::1", "::1"])}`),
        // a v6 address where the rest of the file is v4 (a valid one)
        () => `${pick(["2001:db8::10", "fd00::5", "::1"])}${port ? `${pick([":", " "])}${port}` : ""}`,
      ])();
      lines[index] = line.slice(0, found.index) + broken + line.slice(found.index + found[0].length);
      return lines[index] === line ? undefined : index;
    },
    openQuote(lines) {
      // a `"` or `'` opened before a word past the first argument and never closed: `server s1 10.0.0.1:80 "check inter 2s`
      const chosen = pick(numbered(lines, (line) => /^\s*\S+\s+[^\s"']+\s+[^\s"'{}#]/.test(code(line)) && !/["']/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const later = [...code(line).trimEnd().matchAll(/(?<=\s)[^\s{}]+/g)].slice(1);
      const word = pick(later);
      if (!word) return undefined;
      const quote = pick(['"', '"', "'"]);
      lines[index] = random() < 0.75 ? `${line.slice(0, word.index)}${quote}${line.slice(word.index)}` : `${line.slice(0, word.index + word[0].length)}${quote}${line.slice(word.index + word[0].length)}`;
      return index;
    },
  };
}

/** Number keywords of haproxy and the kind of value each takes, for units put where they do not belong. */
const UNITS = [
  [/^\s*(maxconn|fullconn|retries|nbthread|maxqueue|minconn|rise|fall|weight|backlog|nbproc|maxsslconn|maxpipes|hash-balance-factor)\b/, ["k", "K", "s", "ms", "%", "m", "1k"]],
  [/^\s*(timeout|hold)\s/, ["k", "kb", "M", "%", "S", "sec"]],
  [/^\s*(tune\.bufsize|tune\.maxrewrite|tune\.ssl\.cachesize|bufsize|size|tune\.http\.maxhdr)\b/, ["s", "ms", "kb", "%", "KB", "mb"]],
];
/** Keywords that take one value, and other values of that kind. */
const ONE_VALUE = {
  balance: ["roundrobin", "leastconn", "source", "first", "static-rr", "uri", "random"],
  mode: ["http", "tcp", "health"],
  "hash-type": ["consistent", "map-based"],
  "log-format": [],
};

export function haproxyRound11({ pick, random }) {
  return {
    ...sharedKinds({ pick, random, addressLine: /^\s*(bind|server|default-server|peer|nameserver|source|server-template|mailer|dgram-bind|stats\s+socket|log)\s/ }),
    unitOnNumber(lines) {
      // `maxconn 100k`, `retries 3s`, `timeout connect 5k`, `tune.bufsize 16s`; server options too (`inter 2kb`, `weight 10%`)
      const found = [];
      numbered(lines, (line) => true).forEach(([line, index]) => {
        const text = code(line);
        const rule = UNITS.find(([test]) => test.test(text));
        if (rule) {
          const value = /^(\s*(?:timeout|hold)\s+\S+\s+|\s*\S+\s+)(\d+)[a-z]*(?=\s|$)/i.exec(text);
          if (value) found.push({ index, at: value[1].length, digits: value[2], units: rule[1], rest: value[0].length });
        }
        if (/^\s*(server|default-server)\s/.test(text)) {
          for (const match of text.matchAll(/(\s(?:weight|maxconn|inter|fastinter|downinter|rise|fall|slowstart|maxqueue|port)\s+)(\d+)([a-z]*)(?=\s|$)/g)) {
            found.push({ index, at: match.index + match[1].length, digits: match[2], units: /inter|slowstart/.test(match[1]) ? ["kb", "k", "%", "sec"] : ["k", "s", "ms", "%", "m"], rest: match.index + match[0].length });
          }
        }
      });
      const chosen = pick(found);
      if (!chosen) return undefined;
      const line = lines[chosen.index];
      lines[chosen.index] = line.slice(0, chosen.at) + chosen.digits + pick(chosen.units) + line.slice(chosen.rest);
      return lines[chosen.index] === line ? undefined : chosen.index;
    },
    secondValue(lines) {
      // a keyword that takes one value given two: `default_backend web api`, `balance roundrobin leastconn`, `mode http tcp`, `use_backend a b if c`
      const backends = lines.map((line) => /^\s*(?:backend|listen)\s+(\S+)/.exec(line)?.[1]).filter(Boolean);
      const chosen = pick(numbered(lines, (line) => /^\s*(default_backend|use_backend|balance|mode|hash-type)\s+[^\s#]/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, keyword, value] = /^(\s*(\S+)\s+)(\S+)/.exec(line);
      const others = keyword.endsWith("_backend") ? [...backends, "web", "static"] : ONE_VALUE[keyword];
      const other = pick(others.filter((word) => word !== value));
      if (!other) return undefined;
      lines[index] = `${head}${value}${pick([" ", ", ", ","])}${other}${line.slice(head.length + value.length)}`;
      return index;
    },
  };
}

/** Block keywords of keepalived and near misses a hurried hand writes. */
const BLOCK_NEAR = {
  vrrp_instance: ["vrrp_instanc", "vrrp_instace", "vrrp_intance", "vrrp-instance", "vrrp_instances"],
  virtual_server: ["virtual_sever", "virtual_serer", "virtualserver", "virtual-server"],
  real_server: ["real_sevrer", "real_sever", "realserver", "real-server"],
  vrrp_script: ["vrrp_scrpt", "vrrp_scripts", "vrrp-script"],
  virtual_ipaddress: ["virtual_ipadress", "virtual_ipaddr", "virtual_ip_address", "virtual_ipaddresses"],
  track_script: ["track_scripts", "track_scipt", "track-script"],
  track_interface: ["track_interfaces", "track_iface"],
  authentication: ["authentification", "authenication", "auth"],
  global_defs: ["global_def", "global-defs", "globals_defs"],
  TCP_CHECK: ["TCP_CHEK", "TCPCHECK", "tcp_check"],
  HTTP_GET: ["HTTP-GET", "HTTPGET", "HTTP_GETS"],
  unicast_peer: ["unicast_peers", "unicast-peer", "unicast_per"],
  vrrp_sync_group: ["vrrp_sync_grp", "vrrp_syncgroup"],
  notification_email: ["notification_emails", "notify_email"],
};

export function keepalivedRound11({ pick, random }) {
  return {
    ...sharedKinds({ pick, random, addressLine: /^\s*(\d|[0-9a-fA-F]*:|unicast_src_ip|unicast_peer|virtual_server\s+\d|real_server|sorry_server|mcast_src_ip|smtp_server|connect_ip|bindto)/ }),
    doubledBrace(lines) {
      // a `}` written twice, a `{` written twice, or a `}` put at the end of a statement
      const closers = numbered(lines, (line) => /^\s*\}\s*(#.*)?$/.test(line));
      const openers = numbered(lines, (line) => /\{\s*(#.*)?$/.test(line));
      const way = random();
      if (way < 0.5 && closers.length > 0) {
        const [line, index] = pick(closers);
        lines.splice(index + 1, 0, line);
        return index + 1;
      }
      if (way < 0.8 && openers.length > 0) {
        const [line, index] = pick(openers);
        lines[index] = line.replace(/\{(\s*(#.*)?)$/, "{ {$1");
        return index;
      }
      const chosen = pick(numbered(lines, (line) => /^\s*[a-z_]+\s+\S/.test(line) && !/[{}#!]/.test(line)));
      if (!chosen) return undefined;
      lines[chosen[1]] = `${chosen[0].trimEnd()} }`;
      return chosen[1];
    },
    blockKeyword(lines) {
      // `vrrp_instanc VI_1 {`, `virtual_sever 10.0.0.1 80 {`, `real_sevrer …`: a block keyword near-missed
      const chosen = pick(numbered(lines, (line) => new RegExp(`^\\s*(${Object.keys(BLOCK_NEAR).join("|")})\\b[^{}]*\\{`).test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const keyword = /^\s*(\S+)/.exec(line)[1];
      if (!BLOCK_NEAR[keyword]) return undefined;
      lines[index] = line.replace(keyword, pick(BLOCK_NEAR[keyword]));
      return index;
    },
    authPass(lines) {
      // `auth_pass` longer than 8 characters, empty, split by a blank, quoted with a blank, or `auth_type` without its pass
      const chosen = pick(numbered(lines, (line) => /^\s*auth_pass\b/.test(line)));
      if (chosen) {
        const [line, index] = chosen;
        const value = /^\s*auth_pass\s+(\S+)/.exec(line)?.[1] ?? "secret";
        lines[index] = `${indentOf(line)}${pick([`auth_pass ${value}${"x".repeat(Math.max(1, 9 - value.length))}`, "auth_pass 1234567890abcdef", "auth_pass", `auth_pass ${value.slice(0, 2)} ${value.slice(2) || "x"}`, `auth_pass "${value} x"`, `auth_pass ${value} ${value}`])}`;
        return index;
      }
      const instance = pick(keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_instance"));
      if (!instance) return undefined;
      const indent = indentOf(lines[instance.index + 1] ?? "") || "    ";
      lines.splice(instance.index + 1, 0, `${indent}authentication {`, `${indent}    auth_type PASS`, `${indent}    auth_pass ${pick(["123456789", "averylongpassword", "", "pass word"])}`.trimEnd(), `${indent}}`);
      return instance.index + 3;
    },
    scriptArguments(lines) {
      // `notify_master /etc/keepalived/x.sh master`, `script "/bin/x.sh" arg`, `notify "/bin/x.sh arg`: a script's arguments outside its quotes
      const chosen = pick(numbered(lines, (line) => /^\s*(notify\w*|script)\s+\S/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, rest] = /^(\s*\S+\s+)(.*)$/.exec(code(line).trimEnd());
      const command = rest.replace(/^["']|["']$/g, "");
      const [path, ...args] = command.split(/\s+/);
      const arg = args.length > 0 ? args.join(" ") : pick(["MASTER", "$1", "--check", "eth0 10"]);
      lines[index] = head + pick([`${path} ${arg}`, `"${path}" ${arg}`, `'${path}' ${arg}`, `"${path} ${arg}`, `${path} "${arg}"`]);
      return lines[index] === line ? undefined : index;
    },
  };
}
