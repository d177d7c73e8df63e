// Mutation kinds of the twelfth round (scripts/mutations.mjs applies them after the eleventh round's, each
// kind from a stream of its own, so that earlier seeds keep their mutations): slips no earlier kind makes.
// haproxy: a condition cut short or left dangling (`if !`, `if { }`, `unless` alone, `a ||`, `a or`, `|| a`),
// a sample expression's syntax broken (`hdr(` left open, a trailing `,`, `,lower(`, `map(/x,)`, `%[src`),
// a flag of `bind` or `server` given a value (`accept-proxy 1`, `check yes`) or an empty one (`alpn ""`),
// a `timeout` name near-missed or left out (`timeout conect 5s`, `timeout 5s`), an action's arguments
// dropped or doubled (`http-request set-header X-Real-IP`, `http-request redirect scheme`), a stick
// counter or table reference made wrong (`track-sc5`, `table nowhere`, `sc_http_req_rate(7)`).
// keepalived: a virtual or real server's head made wrong (`fwmark abc`, `group` without a name, a port
// word), a health check's connection values (`connect_port 70000`, `connect_timeout -1`, `retry x`), a
// VIP's prefix or range (`/33`, `/x`, `10.0.0.1-300`), a sync group's `group` block emptied or naming
// what is not an instance, a `unicast_peer` entry made wrong or doubled, a `track_file` / `track_process`
// naming nothing defined. Each takes the file's lines and the kind's seeded `pick`/`random`, changes one
// place, and returns the index of the changed line (undefined when the file has nothing to change).

import { indentOf, keepalivedBlocks, numbered } from "./mutations-round7.mjs";

const code = (line) => line.replace(/(^|\s)[#!].*$/, "");
const replaceAt = (line, at, length, text) => line.slice(0, at) + text + line.slice(at + length);

/** What a condition is cut to, or what is left dangling after it. */
const CONDITION_TAILS = [
  (_cond) => "!",
  (_cond) => "{ }",
  (_cond) => "{}",
  (_cond) => "",
  (cond) => `${cond} ||`,
  (cond) => `${cond} or`,
  (cond) => `|| ${cond}`,
  (cond) => `or ${cond}`,
  (cond) => `${cond} !`,
  (cond) => `! ${cond}`,
  (cond) => `${cond} && ${cond}`,
  (cond) => `${cond} and ${cond}`,
  (cond) => `${cond} { }`,
  (cond) => `(${cond})`,
];

/** Flags of `bind` and `server` lines, which take no value. */
const BIND_FLAGS = ["accept-proxy", "ssl", "transparent", "v4v6", "v6only", "defer-accept", "tfo", "prefer-client-ciphers", "strict-sni", "no-sslv3", "allow-0rtt", "generate-certificates"];
const SERVER_FLAGS = ["check", "backup", "send-proxy", "send-proxy-v2", "ssl", "check-ssl", "disabled", "no-check-ssl", "agent-check", "non-stick", "tfo", "no-tlsv10"];
const FLAG_VALUES = ["1", "yes", "on", "true", "0", "enabled"];
/** Options of `bind` and `server` that take a value, given an empty one. */
const VALUED = /\s(alpn|crt|ca-file|ciphers|sni|cookie|npn|check-sni|name|crt-list|curves|verifyhost|proto|interface)\s+(\S+)/g;

/** `timeout` names and near misses of them. */
const TIMEOUT_NEAR = {
  connect: ["conect", "connnect", "connection", "conn", "connect-timeout"],
  client: ["clients", "cleint", "client-timeout", "cli"],
  server: ["servers", "sever", "srv", "server-timeout"],
  "http-request": ["http_request", "http-req", "httprequest", "request"],
  "http-keep-alive": ["http_keep_alive", "keep-alive", "http-keepalive"],
  queue: ["queues", "que", "queue-timeout"],
  check: ["checks", "chek", "health"],
  tunnel: ["tunel", "tunnels", "websocket"],
  "client-fin": ["client_fin", "clientfin", "fin"],
  "server-fin": ["server_fin", "serverfin"],
};

export function haproxyRound12({ pick, random }) {
  return {
    conditionTail(lines) {
      // `if !`, `if { }`, `unless` alone, `if a ||`, `if a or`, `if || a`, `if a !`, `if a && b`
      const chosen = pick(numbered(lines, (line) => /\s(if|unless)\s+\S/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const text = code(line).trimEnd();
      const at = /\s(if|unless)\s+/.exec(text);
      const cond = text.slice(at.index + at[0].length);
      const tail = pick(CONDITION_TAILS)(cond);
      lines[index] = `${text.slice(0, at.index + at[0].length)}${tail}`.trimEnd();
      return lines[index] === line ? undefined : index;
    },
    sampleSyntax(lines) {
      // a call's `)` dropped, a `,` left at the end, a converter opened and not closed, an argument emptied, `%[` left open
      const found = [];
      numbered(lines, (line) => true).forEach(([line, index]) => {
        const text = code(line);
        for (const match of text.matchAll(/[a-z][\w.]*\(([^()\s]*)\)/g)) found.push({ index, match, kind: "call" });
        for (const match of text.matchAll(/%\[[^\]\s]+\]/g)) found.push({ index, match, kind: "log" });
        for (const match of text.matchAll(/(?<=\s)(?:req\.|res\.)?(src|dst|path|hdr\([^)\s]*\)|url|base|method|ssl_fc_sni|req\.ssl_sni)(?=\s|$)/g)) found.push({ index, match, kind: "fetch" });
      });
      const chosen = pick(found);
      if (!chosen) return undefined;
      const { index, match, kind } = chosen;
      const line = lines[index];
      const word = match[0];
      const ways =
        kind === "call"
          ? [() => word.slice(0, -1), () => `${word})`, () => `${word},`, () => `${word},lower(`, () => word.replace("(", " ("), () => (match[1] ? word.replace(/\)$/, ",)") : `${word.slice(0, -1)},)`), () => word.replace(/\(.*\)$/, "(,)"), () => `${word},,lower`, () => word.replace("(", "((")]
          : kind === "log"
            ? [() => word.slice(0, -1), () => "%[]", () => word.replace("]", ",]"), () => word.replace("]", ",lower(]"), () => word.replace("%[", "%[[")]
            : [() => `${word},`, () => `${word},lower(`, () => `${word}()`.replace(/\)\(\)$/, "))"), () => `${word},map(/etc/haproxy/x.map,)`, () => `${word},,lower`, () => `${word}(`];
      lines[index] = replaceAt(line, match.index, word.length, pick(ways)());
      return lines[index] === line ? undefined : index;
    },
    flagValue(lines) {
      // a flag given a value (`accept-proxy 1`, `check yes`, `ssl on`), or an option's value emptied (`alpn ""`, `crt ''`)
      const chosen = pick(numbered(lines, (line) => /^\s*(bind|server|default-server)\s/.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const text = code(line);
      const isBind = /^\s*bind\s/.test(text);
      const valued = [...text.matchAll(VALUED)];
      if (valued.length > 0 && random() < 0.3) {
        const match = pick(valued);
        const start = match.index + match[0].length - match[2].length;
        lines[index] = replaceAt(line, start, match[2].length, pick(['""', "''", ","]));
        return index;
      }
      const flags = isBind ? BIND_FLAGS : SERVER_FLAGS;
      const present = flags.filter((flag) => new RegExp(`\\s${flag}(?=\\s|$)`).test(text));
      if (present.length > 0 && random() < 0.7) {
        const flag = pick(present);
        const at = new RegExp(`\\s${flag}(?=\\s|$)`).exec(text);
        lines[index] = replaceAt(line, at.index + at[0].length, 0, ` ${pick(FLAG_VALUES)}`);
        return index;
      }
      lines[index] = `${text.trimEnd()} ${pick(flags)} ${pick(FLAG_VALUES)}`;
      return index;
    },
    timeoutName(lines) {
      // `timeout conect 5s`, `timeout http_request 10s`, `timeout 5s`, `timeout client`
      const chosen = pick(numbered(lines, (line) => /^\s*timeout\s+\S+/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, name, rest] = /^(\s*timeout\s+)(\S+)(.*)$/.exec(code(line).trimEnd());
      const near = TIMEOUT_NEAR[name];
      const way = random();
      if (near && way < 0.6) lines[index] = `${head}${pick(near)}${rest}`;
      else if (way < 0.8) lines[index] = `${head}${rest.trimStart()}`.trimEnd();
      else lines[index] = `${head}${name}`;
      return lines[index] === line ? undefined : index;
    },
    actionArguments(lines) {
      // an action's arguments dropped (`http-request set-header X-Real-IP`, `http-request redirect scheme`) or doubled
      const chosen = pick(numbered(lines, (line) => /^\s*(http-request|http-response|tcp-request\s+\S+|tcp-response\s+\S+|http-after-response)\s+[a-z][\w-]*(\([^)]*\))?\s+\S/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const text = code(line).trimEnd();
      const head = /^\s*(?:tcp-request\s+\S+|tcp-response\s+\S+|\S+)\s+[a-z][\w-]*(?:\([^)]*\))?/.exec(text)[0];
      const cond = /\s(if|unless)\s.*$/.exec(text);
      const args = text.slice(head.length, cond ? cond.index : text.length).trim();
      if (!args) return undefined;
      const words = args.split(/\s+/);
      const tail = cond ? cond[0] : "";
      const way = random();
      const changed = way < 0.4 ? "" : way < 0.6 ? words.slice(0, -1).join(" ") : way < 0.8 ? `${args} ${args}` : `${words[0]} ${args}`;
      lines[index] = `${head}${changed ? ` ${changed}` : ""}${tail}`;
      return lines[index] === line ? undefined : index;
    },
    stickReference(lines) {
      // a stick counter past the last (`track-sc5`, `sc_http_req_rate(7)`, `sc9_…`), or a table named that is not there (`table nowhere`)
      const counters = numbered(lines, (line) => /\b(track-sc\d|sc\d_[a-z_]+|sc_[a-z_]+\(\d)/.test(code(line)));
      const tables = numbered(lines, (line) => /\s(table|peers)\s+\S/.test(code(line)) || /^\s*stick\s+(on|match|store-request|store-response)\s/.test(code(line)));
      if (counters.length > 0 && (tables.length === 0 || random() < 0.6)) {
        const [line, index] = pick(counters);
        const number = pick(["3", "5", "9", "10", "-1"]);
        lines[index] = line.replace(/\b(track-sc|sc)(\d)(?=[_\s])|\b(sc_[a-z_]+\()(\d)/, (all, a, _b, c) => (a ? `${a}${number}` : `${c}${number}`));
        return lines[index] === line ? undefined : index;
      }
      const chosen = pick(tables);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const named = /(\s(?:table|peers)\s+)(\S+)/.exec(code(line));
      if (named) {
        lines[index] = replaceAt(line, named.index + named[1].length, named[2].length, pick([`${named[2]}_x`, "nowhere", ""]));
      } else lines[index] = `${code(line).trimEnd()} table nowhere`;
      return lines[index] === line ? undefined : index;
    },
  };
}

/** keepalived's check blocks and the connection values made wrong in them. */
const CHECKS = /^(TCP_CHECK|HTTP_GET|SSL_GET|MISC_CHECK|SMTP_CHECK|DNS_CHECK|UDP_CHECK|PING_CHECK|BFD_CHECK|FILE_CHECK)$/;
const CONNECT_VALUES = {
  connect_port: ["0", "65536", "70000", "-1", "http", "80x", "8 0"],
  connect_timeout: ["0", "-1", "abc", "5x", "3.5.1", "99999999999"],
  retry: ["-1", "abc", "2.5", "99999999999"],
  nb_get_retry: ["-1", "abc", "2.5"],
  delay_before_retry: ["-1", "abc", "1x", "99999999999"],
  connect_ip: ["10.0.0.300", "10.0.0", "host name", "::1::2"],
  bindto: ["10.0.0.300", "10.0.0", "::1::2"],
  bind_port: ["0", "65536", "x"],
  warmup: ["-1", "abc"],
};

export function keepalivedRound12({ pick, random }) {
  return {
    serverHead(lines) {
      // `virtual_server fwmark abc {`, `virtual_server group {`, `virtual_server 10.0.0.1 http {`, `real_server 10.0.0.2 0 {`
      const chosen = pick(numbered(lines, (line) => /^\s*(virtual_server|real_server|sorry_server)\s+\S/.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const text = code(line).trimEnd();
      const [, head, keyword, rest] = /^(\s*(\S+)\s+)(.*)$/.exec(text);
      const brace = /\s*\{\s*$/.exec(rest)?.[0] ?? "";
      const body = rest.slice(0, rest.length - brace.length).trim().split(/\s+/);
      const port = body.length > 1 && /^\d+$/.test(body[1]) ? pick(["0", "65536", "-80", "http", "80x", "8O", "80/tcp"]) : undefined;
      const ways = [
        () => `fwmark ${pick(["abc", "0", "-1", "4294967296", "1.5", ""])}`.trimEnd(),
        () => `group${pick(["", " "])}`.trimEnd(),
        () => (port ? `${body[0]} ${port}` : undefined),
        () => (body.length > 1 ? body[0] : undefined),
        () => `${body.join(" ")} ${pick(["tcp", "80", "weight", "TCP"])}`,
      ];
      const usable = keyword === "virtual_server" ? ways : ways.slice(2);
      const changed = pick(usable)();
      if (changed === undefined) return undefined;
      lines[index] = `${head}${changed}${brace}`;
      return lines[index] === line ? undefined : index;
    },
    checkConnect(lines) {
      // a health check's `connect_port 70000`, `connect_timeout -1`, `retry abc`, `connect_ip 10.0.0.300`, added when absent
      const blocks = keepalivedBlocks(lines).filter((block) => CHECKS.test(block.kind));
      const block = pick(blocks);
      if (!block) return undefined;
      const present = numbered(lines, () => true).filter(([line, index]) => index > block.index && index < block.end && new RegExp(`^\\s*(${Object.keys(CONNECT_VALUES).join("|")})\\s`).test(line));
      if (present.length > 0 && random() < 0.7) {
        const [line, index] = pick(present);
        const [, head, keyword] = /^(\s*(\S+)\s+)/.exec(line);
        lines[index] = `${head}${pick(CONNECT_VALUES[keyword])}`;
        return index;
      }
      const keyword = pick(Object.keys(CONNECT_VALUES));
      const indent = indentOf(lines[block.index + 1] ?? "") || "        ";
      lines.splice(block.index + 1, 0, `${indent}${keyword} ${pick(CONNECT_VALUES[keyword])}`);
      return block.index + 1;
    },
    vipPrefix(lines) {
      // a VIP's prefix or range made wrong: `/33`, `/x`, `/`, `/24/24`, `10.0.0.1-300`, `brd 10.0.0.300`
      const blocks = keepalivedBlocks(lines).filter((block) => /^virtual_ipaddress(_excluded)?$|^virtual_routes$/.test(block.kind));
      const entries = blocks.flatMap((block) => numbered(lines, () => true).filter(([line, index]) => index > block.index && index < block.end && /^\s*[\d.]+\d/.test(line)));
      const chosen = pick(entries);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const address = /^(\s*)([\d.]+)(\/\d+)?/.exec(line);
      const broken = pick([
        () => `${address[2]}/${pick(["33", "-1", "x", "", "24/24", "24.0", "255.255.255.0"])}`,
        () => `${address[2]}${address[3] ?? ""}-${pick(["300", "0", "x", ""])}`,
        () => `${address[2]}${address[3] ?? ""} brd ${pick(["10.0.0.300", "x", ""])}`.trimEnd(),
        () => `${address[2]}${address[3] ?? ""} ${pick(["metric x", "dev", "scope", "label"])}`,
      ])();
      lines[index] = `${address[1]}${broken}${line.slice(address[0].length)}`;
      return lines[index] === line ? undefined : index;
    },
    syncGroup(lines) {
      // a sync group's `group` block emptied, given a name that is no instance, or an instance of another group
      const groups = keepalivedBlocks(lines).filter((block) => block.kind === "group" && keepalivedBlocks(lines).some((outer) => outer.kind === "vrrp_sync_group" && outer.index < block.index && block.end <= outer.end));
      const group = pick(groups);
      if (!group) return undefined;
      const members = numbered(lines, () => true).filter(([line, index]) => index > group.index && index < group.end && /^\s*[A-Za-z0-9_.-]/.test(line));
      const way = random();
      if (way < 0.35 && members.length > 0) {
        for (const [, index] of members.reverse()) lines.splice(index, 1);
        return group.index;
      }
      if (way < 0.7 && members.length > 0) {
        const [line, index] = pick(members);
        lines[index] = `${indentOf(line)}${pick(["VI_X", `${line.trim().split(/\s+/)[0]}_x`, "vrrp_instance", "{"])}`;
        return index;
      }
      const indent = indentOf(lines[group.index + 1] ?? "") || "        ";
      lines.splice(group.index + 1, 0, `${indent}${pick(["VI_NOWHERE", "global_defs", "10.0.0.1"])}`);
      return group.index + 1;
    },
    unicastPeer(lines) {
      // a `unicast_peer` entry made wrong (`10.0.0.300`, `10.0.0`, a host name, a v6 address), doubled, or the block emptied
      const blocks = keepalivedBlocks(lines).filter((block) => block.kind === "unicast_peer");
      const block = pick(blocks);
      if (!block) return undefined;
      const entries = numbered(lines, () => true).filter(([line, index]) => index > block.index && index < block.end && /^\s*[\w:.]/.test(line));
      const way = random();
      if (way < 0.2 || entries.length === 0) {
        for (const [, index] of [...entries].reverse()) lines.splice(index, 1);
        return entries.length > 0 ? block.index : undefined;
      }
      const [line, index] = pick(entries);
      if (way < 0.4) {
        lines.splice(index + 1, 0, line);
        return index + 1;
      }
      const address = /^(\s*)(\S+)/.exec(line);
      lines[index] = `${address[1]}${pick(["10.0.0.300", "10.0.0", "peer.example", "2001:db8::1", `${address[2]}/24`, `${address[2]}:80`, `${address[2]} min_ttl x`, `${address[2]} max_ttl 300`, `${address[2]},`])}${line.slice(address[0].length)}`;
      return lines[index] === line ? undefined : index;
    },
    trackOther(lines) {
      // a `track_file` or `track_process` block in an instance naming what is not defined, or the definition renamed
      const instances = keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_instance");
      const instance = pick(instances);
      if (!instance) return undefined;
      const kind = pick(["track_file", "track_process", "track_bfd"]);
      const indent = indentOf(lines[instance.index + 1] ?? "") || "    ";
      lines.splice(instance.index + 1, 0, `${indent}${kind} {`, `${indent}    ${pick(["nothing_here", "chk_file", "proc_x"])}${pick(["", " weight 10", " weight 300"])}`, `${indent}}`);
      return instance.index + 2;
    },
  };
}
