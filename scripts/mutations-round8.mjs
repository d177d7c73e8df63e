// Mutation kinds of the eighth round (scripts/mutations.mjs applies them after the seventh round's,
// each kind from a stream of its own, so that earlier seeds keep their mutations): what a hostile
// tester would try beyond a misspelt word. haproxy: a sample fetch or converter given arguments of the
// wrong number or type, a converter chained on that may not take the fetch's output, an ACL flag
// misspelt, a condition's `if`/`unless` or operator broken, a `{ }` left open, a bind or server option
// left without its value or given one too many, an option that needs another (`verify required`
// without `ca-file`). keepalived: a keyword moved into a sibling block, a tracked script that does not
// exist, a VIP's `dev`/`scope`/`label` made wrong, an `lb_kind`/`lb_algo` value misspelt or of another
// version, numbers keepalived holds to a range, a notify script path with a blank, an `include`
// broken, a virtual server's `quorum`/`hysteresis` against its real servers' weights. Each takes the
// file's lines and the kind's seeded `pick`/`random`, changes one place, and returns the index of the
// changed line (undefined when the file has nothing to change).

import { indentOf, keepalivedBlocks, numbered } from "./mutations-round7.mjs";

/** The line without its comment (a `#` after a blank). */
const code = (line) => line.replace(/(^|\s)#.*$/, "");

/** Replaces the `match` (from String.matchAll) of `line` by `text`. */
const replaceAt = (line, match, text) => line.slice(0, match.index) + text + line.slice(match.index + match[0].length);

/** Wrong arguments for a fetch or converter call `NAME(ARGS)`. */
function wrongArguments(name, args, pick) {
  const parts = args === "" ? [] : args.split(",");
  const ways = [
    () => `${name}(${[...parts, pick(["1", "x", "2,3"])].join(",")})`,
    () => `${name}()`,
    () => `${name}(${parts.map((part, i) => (i === parts.length - 1 ? pick(["abc", "-1", "1.5", "10.0.0.256", ""]) : part)).join(",")})`,
    () => `${name}(${args}`,
    () => `${name}((${args}))`,
  ];
  return pick(ways)();
}

const NO_ARGUMENT_FETCHES = /(?<![\w.(,-])(src|dst|src_port|dst_port|path|method|url|base|ssl_fc|ssl_fc_sni|req_ssl_sni|always_true|nbsrv|be_conn|fe_conn|hdr_cnt|req\.len|status|query|capture\.req\.uri)(?![\w.(])/g;
const CONVERTERS = [",lower", ",upper", ",ipmask(24)", ",ipmask(x)", ",div(0)", ",div(x)", ",mul(2)", ",field(x,:)", ",field(1)", ",regsub(a)", ",map(/etc/haproxy/m.map,1,2,3)", ",json(foo)", ",bytes(x)", ",hex", ",base64,ipmask(8)", ",nosuch", ",word(1,/)", ",add(txn.x)", ",ltime(%Y)"];

export function haproxyRound8({ pick, random }) {
  return {
    fetchArguments(lines) {
      // a call's arguments made wrong (`hdr(host,1,2)`, `req.hdr_cnt()`, `map(file,1,2,3)`), or a fetch that takes none given one (`src(1)`)
      const calls = numbered(lines, (line) => /[a-z][\w.]*\([^()\s]*\)/.test(code(line)));
      const bare = numbered(lines, (line) => /^\s*(acl|http-request|http-response|tcp-request|use_backend|stick|redirect)\b/.test(line) && new RegExp(NO_ARGUMENT_FETCHES.source).test(code(line)));
      if (calls.length > 0 && (bare.length === 0 || random() < 0.7)) {
        const [line, index] = pick(calls);
        const match = pick([...code(line).matchAll(/([a-z][\w.]*)\(([^()\s]*)\)/g)]);
        if (!match) return undefined;
        lines[index] = replaceAt(line, match, wrongArguments(match[1], match[2], pick));
        return lines[index] === line ? undefined : index;
      }
      const chosen = pick(bare);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const match = pick([...code(line).matchAll(NO_ARGUMENT_FETCHES)]);
      if (!match) return undefined;
      lines[index] = replaceAt(line, match, `${match[0]}(${pick(["1", "x", "a,b"])})`);
      return index;
    },
    chainConverter(lines) {
      // a converter chained onto a fetch: one that may not take its output, a wrong argument, one that does not exist
      const chosen = pick(numbered(lines, (line) => /^\s*acl\s+\S+\s+[a-z]/.test(line) || /%\[[^\]]+\]/.test(line) || /\{\s*[a-z]/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const converter = pick(CONVERTERS);
      const log = /%\[([^\]]+)\]/.exec(line);
      if (log && random() < 0.5) {
        lines[index] = line.slice(0, log.index + log[0].length - 1) + converter + line.slice(log.index + log[0].length - 1);
        return index;
      }
      const fetch = /^(\s*acl\s+\S+\s+)(\S+)/.exec(line) ?? /^(.*?\{\s*)(\S+)/.exec(line);
      if (!fetch || fetch[2].startsWith("-")) return undefined;
      lines[index] = fetch[1] + fetch[2] + converter + line.slice(fetch[0].length);
      return index;
    },
    aclFlag(lines) {
      // a flag misspelt or doubled (`-I`, `-mm`, `-m regx`, `-m`), or one added that does not exist
      const chosen = pick(numbered(lines, (line) => /^\s*acl\s+\S+\s+\S+/.test(line) || /\{\s*\S+\s/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      if (/\s-i\b/.test(line) && random() < 0.5) {
        lines[index] = line.replace(/\s-i\b/, pick([" -I", " --i", " -ii", " -i -i", " i"]));
        return index;
      }
      if (/\s-m\s+\S+/.test(line) && random() < 0.6) {
        lines[index] = line.replace(/\s-m\s+(\S+)/, (_, method) => pick([` -mm ${method}`, ` -m ${method}x`, " -m regx", " -M " + method, " -m"]));
        return index;
      }
      const head = /^(\s*acl\s+\S+\s+\S+)/.exec(line) ?? /^(.*?\{\s*\S+)/.exec(line);
      if (!head) return undefined;
      lines[index] = head[1] + pick([" -I", " -mm str", " -m regx", " -m", " -x", " -f", " -u"]) + line.slice(head[1].length);
      return index;
    },
    conditionWords(lines) {
      // `if`/`unless` dropped or doubled, `||` made `|`, `or` made `OR`, a `!` doubled, a `{ }` left open or unopened
      const chosen = pick(numbered(lines, (line) => /\s(if|unless)\s+\S/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const ways = [
        () => line.replace(/\s(if|unless)\s+/, " "),
        () => line.replace(/\s(if|unless)\s+/, (m, word) => ` ${word} ${word} `),
        () => line.replace(/\s(if|unless)\s+/, (m, word) => ` ${word === "if" ? "unless" : "if"} ${word} `),
        () => line.replace(/\s(if|unless)\s+/, (m, word) => ` ${word.toUpperCase()} `),
      ];
      if (/\|\|/.test(line)) ways.push(() => line.replace("||", "|"), () => line.replace("||", "||||"));
      if (/\sor\s/.test(line)) ways.push(() => line.replace(/\sor\s/, " OR "));
      if (/\s!\s*\S/.test(line)) ways.push(() => line.replace(/\s!(\s*)/, " !!$1"), () => line.replace(/\s!(\s*)/, " not "));
      if (/\{[^}]*\}/.test(line)) ways.push(() => line.replace(/\s*\}/, ""), () => line.replace(/\{\s*/, ""), () => line.replace(/\{/, "{{"));
      else ways.push(() => line.replace(/\s(if|unless)\s+/, (m, word) => ` ${word} { `));
      const changed = pick(ways)();
      if (changed === line) return undefined;
      lines[index] = changed;
      return index;
    },
    optionValue(lines) {
      // a bind or server option left without its value (`ssl crt`, `check inter`, `weight`) or given one too many
      const WITH_VALUE = /\s(crt|ca-file|crl-file|inter|fastinter|downinter|rise|fall|weight|maxconn|port|addr|cookie|alpn|ciphers|verify|ssl-min-ver|ssl-max-ver|slowstart|on-marked-down|on-error|resolvers|init-addr|agent-port|agent-inter|source|sni|track|id|proto|maxqueue|check-sni|name|process|accept-proxy|interface|mss|tfo|nice|backlog|ssl-max-ver|npn)\s+(\S+)/g;
      const chosen = pick(numbered(lines, (line) => /^\s*(bind|server|default-server)\s/.test(line) && new RegExp(WITH_VALUE.source).test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const match = pick([...code(line).matchAll(WITH_VALUE)]);
      if (!match || /^(accept-proxy)$/.test(match[1])) return undefined;
      const way = random();
      if (way < 0.4) lines[index] = replaceAt(line, match, ` ${match[1]}`);
      else if (way < 0.7) lines[index] = replaceAt(line, match, ` ${match[1]} ${match[2]} ${pick([match[2], "1", "x", "yes"])}`);
      else lines[index] = `${line.replace(/\s+$/, "")} ${match[1]}`;
      return index;
    },
    dependentOption(lines) {
      // an option that needs another: `verify required` without `ca-file`, `crt` without `ssl`, `check-ssl`, `agent-check` without its port, `track` of nothing
      const binds = numbered(lines, (line) => /^\s*bind\s/.test(line));
      const servers = numbered(lines, (line) => /^\s*server\s+\S+\s+\S+/.test(line));
      const ways = [];
      const withCa = numbered(lines, (line) => /^\s*(bind|server)\s.*\sca-file\s+\S+/.test(line));
      if (withCa.length > 0) ways.push(() => { const [line, index] = pick(withCa); lines[index] = line.replace(/\sca-file\s+\S+/, ""); return index; });
      const withSsl = numbered(lines, (line) => /^\s*(bind|server)\s.*\sssl(\s|$)/.test(line));
      if (withSsl.length > 0) ways.push(() => { const [line, index] = pick(withSsl); lines[index] = line.replace(/\sssl(?=\s|$)/, ""); return index; });
      if (binds.length > 0) ways.push(() => { const [line, index] = pick(binds); lines[index] = `${line.replace(/\s+$/, "")} ${pick(["verify required", "ssl verify required", "crt-ignore-err all", "alpn h2", "ssl", "strict-sni"])}`; return index; });
      if (servers.length > 0) ways.push(() => { const [line, index] = pick(servers); lines[index] = `${line.replace(/\s+$/, "")} ${pick(["verify required", "ssl verify required", "check-ssl", "agent-check", "track nosuch/s1", "sni str(x)", "check-sni x", "redir", "cookie"])}`; return index; });
      if (ways.length === 0) return undefined;
      return pick(ways)();
    },
  };
}

/** A block's own lines (not those of the blocks inside it). */
function ownLines(lines, blocks, block) {
  const inside = new Set(blocks.filter((other) => other !== block && other.index > block.index && other.end < block.end).flatMap((other) => Array.from({ length: other.end - other.index + 1 }, (_, n) => other.index + n)));
  return numbered(lines, () => true).filter(([line, index]) => index > block.index && index < block.end && !inside.has(index) && /^\s*[a-z_]+(\s|$)/i.test(line) && !/[{}]/.test(line));
}

/** Sibling blocks whose keywords are easily put in each other (and the checker blocks of a real server). */
const SIBLINGS = {
  real_server: ["virtual_server", "TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK"],
  virtual_server: ["real_server"],
  TCP_CHECK: ["real_server"],
  HTTP_GET: ["real_server"],
  SSL_GET: ["real_server"],
  MISC_CHECK: ["real_server"],
  vrrp_script: ["vrrp_instance"],
  vrrp_instance: ["vrrp_script", "vrrp_sync_group"],
  vrrp_sync_group: ["vrrp_instance"],
  global_defs: ["vrrp_instance", "virtual_server"],
};

const LB_VALUES = {
  lb_algo: ["rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "mh", "fo", "ovf", "twos", "roundrobin", "leastconn", "RR", "wrr ", "wcl", "source", "lblcr2"],
  lb_kind: ["NAT", "DR", "TUN", "FNAT", "LVS_DR", "MASQ", "nat", "direct", "Dr", "DR_ROUTING", "TUNNEL"],
  lvs_sched: ["rr", "mh", "xx", "roundrobin"],
  lvs_method: ["NAT", "DR", "TUN", "FNAT", "GRE"],
};

const SPECIAL_NUMBERS = [
  [/^\s*delay_loop\s/, ["0", "-1", "0.5", "1000000"]],
  [/^\s*persistence_timeout\s/, ["-1", "0", "4294967296"]],
  [/^\s*(connect_timeout|retry|delay_before_retry|nb_get_retry)\s/, ["0", "-1", "0.5"]],
  [/^\s*weight\s/, ["-1", "0", "65536", "2147483648"]],
  [/^\s*(advert_int|interval|timeout|fall|rise)\s/, ["0", "-1", "0.001", "256"]],
  [/^\s*(priority|virtual_router_id)\s/, ["0", "255", "256", "-1"]],
  [/^\s*(quorum|hysteresis)\s/, ["0", "-1", "2147483647"]],
  [/^\s*(garp_master_delay|garp_master_repeat|garp_master_refresh)\s/, ["0", "-1", "4294967296"]],
];

export function keepalivedRound8({ pick, random }) {
  return {
    siblingKeyword(lines) {
      // a line moved into a sibling block: `weight` into the virtual_server, `lb_algo` into a real_server, `interval` into an instance
      const blocks = keepalivedBlocks(lines);
      const from = pick(blocks.filter((block) => block.kind in SIBLINGS));
      if (!from) return undefined;
      const to = pick(blocks.filter((block) => block !== from && SIBLINGS[from.kind].includes(block.kind)));
      const chosen = pick(ownLines(lines, blocks, from));
      if (!to || !chosen) return undefined;
      lines.splice(chosen[1], 1);
      const at = to.index > chosen[1] ? to.index : to.index + 1;
      lines.splice(at, 0, `${indentOf(lines[at] ?? "") || "    "}${chosen[0].trim()}`);
      return at;
    },
    trackMissing(lines) {
      // a `track_script` entry naming a script that is not defined, or a `track_script` block added for one
      const blocks = keepalivedBlocks(lines);
      const tracked = blocks.filter((block) => block.kind === "track_script");
      const entries = tracked.flatMap((block) => numbered(lines, () => true).filter(([line, index]) => index > block.index && index < block.end && /^\s*[\w.-]+/.test(line)));
      if (entries.length > 0 && random() < 0.6) {
        const [line, index] = pick(entries);
        lines[index] = line.replace(/^(\s*)([\w.-]+)/, (_, indent, name) => `${indent}${pick([`${name}_missing`, name.toUpperCase(), name.replace(/_/g, "-"), "chk_missing"])}`);
        return lines[index] === line ? undefined : index;
      }
      const instance = pick(blocks.filter((block) => block.kind === "vrrp_instance"));
      if (!instance) return undefined;
      const indent = indentOf(lines[instance.index + 1] ?? "") || "    ";
      lines.splice(instance.end, 0, `${indent}track_script {`, `${indent}${indent}${pick(["chk_missing", "chk_haproxy", "check_nginx"])}`, `${indent}}`);
      return instance.end + 1;
    },
    vipEntry(lines) {
      // a VIP's `dev`, `scope` or `label` made wrong, or left without its value
      const blocks = keepalivedBlocks(lines).filter((block) => /^virtual_ipaddress(_excluded)?$/.test(block.kind));
      const entries = blocks.flatMap((block) => numbered(lines, () => true).filter(([line, index]) => index > block.index && index < block.end && /^\s*\d/.test(line)));
      const chosen = pick(entries);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const device = /\sdev\s+(\S+)/.exec(line)?.[1] ?? /^\s*\S+(?:\s+\S+)*?\s+dev\s+(\S+)/.exec(line)?.[1] ?? "eth0";
      const text = line.replace(/\s+$/, "").replace(/\s#.*$/, "");
      lines[index] = pick([
        `${text} dev`,
        `${text} scope`,
        `${text} label`,
        `${text} scope ${pick(["global", "site", "universe", "300", "-1", "Host", "link"])}`,
        `${text} label ${pick([`${device}:1`, `${device}:vip1`, "other:1", `${device}1`, `${device}:${"x".repeat(16)}`, `${device}:`])}`,
        `${text} dev ${pick([device, `${device}.`, `${device} dev ${device}`, `"${device}"`])}`,
        `${text} brd`,
        `${text} preferred_lft`,
      ]);
      return index;
    },
    lbValue(lines) {
      // `lb_algo`/`lb_kind` (and 2.3's `lvs_sched`/`lvs_method`) given a misspelt value or one of another version
      const chosen = pick(numbered(lines, (line) => /^\s*(lb_algo|lb_kind|lvs_sched|lvs_method)\s+\S/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, indent, keyword, value] = /^(\s*)(\S+)\s+(\S+)/.exec(line);
      if (random() < 0.25) {
        lines[index] = `${indent}${pick({ lb_algo: ["lvs_sched"], lb_kind: ["lvs_method"], lvs_sched: ["lb_algo"], lvs_method: ["lb_kind"] }[keyword])} ${value}`;
        return index;
      }
      const other = pick(LB_VALUES[keyword].filter((word) => word !== value));
      lines[index] = line.replace(/^(\s*\S+\s+)\S+/, `$1${other}`);
      return index;
    },
    specialNumber(lines) {
      // a number keepalived holds to a range, given a value at or past its edge (`delay_loop 0`, `persistence_timeout -1`)
      const chosen = pick(numbered(lines, (line) => SPECIAL_NUMBERS.some(([test]) => test.test(line)) && /^\s*\S+\s+-?[\d.]+\s*(#.*)?$/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const values = SPECIAL_NUMBERS.find(([test]) => test.test(line))[1];
      const old = /^\s*\S+\s+(\S+)/.exec(line)[1];
      const value = pick(values.filter((v) => v !== old));
      lines[index] = line.replace(/^(\s*\S+\s+)\S+/, `$1${value}`);
      return index;
    },
    notifyScript(lines) {
      // a notify or check script's path given a blank, its quotes opened and not closed, made relative
      const chosen = pick(numbered(lines, (line) => /^\s*(notify\w*|script)\s+\S/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, rest] = /^(\s*\S+\s+)([\s\S]*)$/.exec(line);
      const unquoted = rest.replace(/^"|"$/g, "").replace(/"\s*$/, "");
      const slash = unquoted.lastIndexOf("/");
      lines[index] = pick([
        `${head}${slash > 0 ? `${unquoted.slice(0, slash)}/my ${unquoted.slice(slash + 1)}` : `my ${unquoted}`}`,
        `${head}"${slash > 0 ? `${unquoted.slice(0, slash)}/my ${unquoted.slice(slash + 1)}` : `my ${unquoted}`}"`,
        `${head}"${unquoted}`,
        `${head}${unquoted.replace(/^\/.*\//, "")}`,
        `${head}'${unquoted}'`,
      ]);
      return lines[index] === line ? undefined : index;
    },
    include(lines) {
      // `"include"` in quotes, an `include` without its file or misspelt
      const existing = numbered(lines, (line) => /^\s*include\s/.test(line));
      if (existing.length > 0 && random() < 0.5) {
        const [line, index] = pick(existing);
        lines[index] = pick([line.replace(/include/, '"include"'), line.replace(/^(\s*include).*$/, "$1"), line.replace(/include/, "Include")]);
        return index;
      }
      const at = pick(numbered(lines, (line) => /^\S/.test(line) && !/^\s*[{}]/.test(line)))?.[1] ?? 0;
      // (an `include` of a file this machine lacks is about the machine: keepalived says "Config files missing")
      lines.splice(at, 0, pick(['"include" /etc/keepalived/conf.d/*.conf', "include", "includes /etc/keepalived/conf.d/*.conf"]));
      return at;
    },
    quorum(lines) {
      // a virtual_server `quorum` above its real servers' total weight, or a `hysteresis` as large as the quorum
      const blocks = keepalivedBlocks(lines).filter((block) => block.kind === "virtual_server");
      const block = pick(blocks);
      if (!block) return undefined;
      const indent = indentOf(lines[block.index + 1] ?? "") || "    ";
      const existing = ownLines(lines, keepalivedBlocks(lines), block).find(([line]) => /^\s*quorum\s/.test(line));
      const text = pick([`quorum ${pick(["100", "2147483647", "0", "3"])}`, `quorum 2\n${indent}hysteresis ${pick(["2", "3", "5"])}`, `hysteresis ${pick(["1", "10"])}`, `quorum_up "/bin/true"\n${indent}quorum 50`]);
      if (existing) {
        lines[existing[1]] = `${indent}${text}`;
        return existing[1];
      }
      lines.splice(block.index + 1, 0, ...text.split("\n").map((part, n) => (n === 0 ? `${indent}${part}` : part)));
      return block.index + 1;
    },
  };
}
