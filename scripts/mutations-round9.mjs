// Mutation kinds of the ninth round (scripts/mutations.mjs applies them after the eighth round's, each
// kind from a stream of its own, so that earlier seeds keep their mutations): structural slips a hostile
// tester would try. haproxy: a `.if`/`.else`/`.endif` left unbalanced or given a predicate that does not
// exist, a name renamed on the side that defines it (a backend, an ACL, a userlist, a resolvers or
// cache section), a value given the one of a neighbouring keyword (a time where a count goes), a number
// of a server, bind or proxy keyword pushed just past its range (`weight 257`, `maxconn -1`), a whole
// section copied, a `defaults` named and referred to with a typo in `from`. keepalived: a value given
// the one of a neighbouring keyword of the same block, a whole block copied (the same name twice), a
// block moved into a parent that does not take it (`TCP_CHECK` into a `vrrp_instance`,
// `virtual_ipaddress` into a `virtual_server`). Each takes the file's lines and the kind's seeded
// `pick`/`random`, changes one place, and returns the index of the changed line (undefined when the
// file has nothing to change).

import { indentOf, keepalivedBlocks, numbered } from "./mutations-round7.mjs";

const SECTION = /^\s*(global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers)(?=\s|$)/;
const code = (line) => line.replace(/(^|\s)#.*$/, "");
const words = (line) => code(line).trim().split(/\s+/);

/** haproxy's sections: header index, kind, name, the index after their last line. */
function sections(lines) {
  const found = [];
  lines.forEach((line, index) => {
    const header = SECTION.exec(line);
    if (!header) return;
    if (found.length > 0) found[found.length - 1].end = index;
    found.push({ index, kind: header[1], name: words(line)[1], end: lines.length });
  });
  return found;
}

/** Predicates and lines a conditional block is broken with. */
const CONDITIONS = [".if defined(HAPROXY_LOCALPEER)", ".if version_atleast(2.4)", ".if streq(a,a)", ".if nosuch(X)", ".if defined HOME", ".if", ".if 1 2", ".elif 1", ".else", ".endif", ".if feature(OPENSSL", ".iff 1", ".end"];

/** Number options of server / bind lines and proxy keywords, with values just past their range. */
const HAPROXY_RANGES = [
  [/^weight$/, ["257", "-1", "300"]],
  [/^(inter|fastinter|downinter)$/, ["0", "-1"]],
  [/^(rise|fall)$/, ["0", "-1"]],
  [/^(maxconn|maxqueue|minconn)$/, ["-1", "2147483648"]],
  [/^port$/, ["0", "65536", "-1"]],
  [/^(backlog|mss)$/, ["-1"]],
  [/^id$/, ["0", "-1"]],
  [/^slowstart$/, ["-1"]],
];
const HAPROXY_KEYWORD_RANGES = [
  [/^\s*(maxconn|fullconn)\s+\d+\s*$/, ["-1", "2147483648"]],
  [/^\s*retries\s+\d+\s*$/, ["-1", "abc"]],
  [/^\s*nbthread\s+\d+\s*$/, ["0", "-1", "4097"]],
  [/^\s*(hash-balance-factor)\s+\d+\s*$/, ["99", "-1"]],
  [/^\s*timeout\s+\S+\s+\d+\w*\s*$/, ["-1", "2147483648", "25d"]],
  [/^\s*(spread-checks)\s+\d+\s*$/, ["51", "-1"]],
];

/** haproxy keyword lines whose value can take the one of a neighbour: the value's kind, for picking one of another kind. */
const VALUE_KINDS = [
  [/^\s*(maxconn|fullconn|retries|nbthread|maxconnrate|maxsessrate|tune\.bufsize|tune\.maxrewrite|spread-checks)\s+\S+\s*$/, "number"],
  [/^\s*timeout\s+\S+\s+\S+\s*$/, "time"],
  [/^\s*(balance|mode|hash-type|http-reuse|default_backend|log-format)\s+\S+\s*$/, "word"],
];

export function haproxyRound9({ pick, random }) {
  return {
    conditionalBlock(lines) {
      // `.if` without `.endif`, `.endif` without `.if`, a stray `.else`, an unknown predicate
      const chosen = pick(numbered(lines, (line) => /^\s*[a-z]/.test(line) && !SECTION.test(line)));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const directive = pick(CONDITIONS);
      if (random() < 0.3 && /^\.(if|iff)/.test(directive)) {
        lines.splice(index, 1, directive, line, ".endif");
      } else lines.splice(index, 0, directive);
      return index;
    },
    renameDefinition(lines) {
      // the defining side of a name renamed: a backend, an ACL, a userlist, resolvers or cache section used elsewhere
      const text = lines.join("\n");
      const acls = numbered(lines, (line) => /^\s*acl\s+\S+\s/.test(line)).filter(([line]) => new RegExp(`\\s!?${words(line)[1].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`).test(text.replace(line, "")));
      const named = sections(lines).filter((section) => /^(backend|listen|userlist|resolvers|cache|peers)$/.test(section.kind) && section.name && text.split(section.name).length > 2);
      if (acls.length > 0 && (named.length === 0 || random() < 0.5)) {
        const [line, index] = pick(acls);
        lines[index] = line.replace(/^(\s*acl\s+)(\S+)/, (_, head, name) => head + pick([`${name}_x`, `${name}s`, name.toUpperCase(), name.replace(/[-_]/, "")]));
        return lines[index] === line ? undefined : index;
      }
      const section = pick(named);
      if (!section) return undefined;
      lines[section.index] = lines[section.index].replace(/^(\s*\S+\s+)(\S+)/, (_, head, name) => head + pick([`${name}_x`, `${name}s`, name.replace(/[-_]/, "")]));
      return section.index;
    },
    neighbourValue(lines) {
      // a value given the one of another keyword: `maxconn 30s`, `timeout connect roundrobin`, `balance 5000`
      // (values from environment variables, `"${TIMEOUT-5s}"`, are left alone: the machine decides them)
      const values = numbered(lines, (line) => !line.includes("$") && VALUE_KINDS.some(([test]) => test.test(code(line))));
      const chosen = pick(values);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const kind = VALUE_KINDS.find(([test]) => test.test(code(line)))[1];
      const other = pick(values.filter(([candidate]) => VALUE_KINDS.find(([test]) => test.test(code(candidate)))[1] !== kind));
      const value = other ? words(other[0]).at(-1) : pick(kind === "number" ? ["30s", "1m", "roundrobin", "http"] : kind === "time" ? ["roundrobin", "http", "1k", "on"] : ["30s", "5000", "1m"]);
      lines[index] = line.replace(/\S+(\s*(#.*)?)$/, `${value}$1`);
      return lines[index] === line ? undefined : index;
    },
    rangeEdge(lines) {
      // a number of a server / bind option or a proxy keyword pushed just past its range
      const options = numbered(lines, (line) => /^\s*(server|default-server|bind)\s/.test(line) && words(line).some((word, i, all) => i > 1 && HAPROXY_RANGES.some(([test]) => test.test(word)) && /^\d+\w*$/.test(all[i + 1] ?? "")));
      const keywords = numbered(lines, (line) => HAPROXY_KEYWORD_RANGES.some(([test]) => test.test(code(line))));
      if (options.length > 0 && (keywords.length === 0 || random() < 0.6)) {
        const [line, index] = pick(options);
        const parts = words(line);
        const at = pick(parts.map((word, i) => i).filter((i) => i > 1 && HAPROXY_RANGES.some(([test]) => test.test(parts[i])) && /^\d+\w*$/.test(parts[i + 1] ?? "")));
        parts[at + 1] = pick(HAPROXY_RANGES.find(([test]) => test.test(parts[at]))[1]);
        lines[index] = indentOf(line) + parts.join(" ");
        return index;
      }
      const chosen = pick(keywords);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      lines[index] = code(line).replace(/\S+\s*$/, pick(HAPROXY_KEYWORD_RANGES.find(([test]) => test.test(code(line)))[1]));
      return index;
    },
    duplicateSection(lines) {
      // a whole proxy section copied after itself (the same name twice)
      const section = pick(sections(lines).filter((s) => /^(frontend|backend|listen|userlist|peers|resolvers|cache)$/.test(s.kind) && s.name));
      if (!section) return undefined;
      lines.splice(section.end, 0, ...lines.slice(section.index, section.end));
      return section.end;
    },
    defaultsFrom(lines) {
      // a `defaults` given a name, and a proxy after it referring to it with a typo (`from`), or to one that does not exist
      const all = sections(lines);
      const defaults = all.find((section) => section.kind === "defaults");
      const proxy = pick(all.filter((section) => /^(frontend|backend|listen)$/.test(section.kind) && section.name && (!defaults || section.index > defaults.index)));
      if (!proxy) return undefined;
      const name = defaults?.name ?? "base";
      if (defaults && !defaults.name) lines[defaults.index] = `${code(lines[defaults.index]).trimEnd()} ${name}`;
      const typo = pick([`${name}s`, name.slice(0, -1), `${name}_x`, name.toUpperCase()]);
      lines[proxy.index] = `${code(lines[proxy.index]).trimEnd()} from ${random() < 0.8 ? typo : "nosuch"}`;
      return proxy.index;
    },
  };
}

/** keepalived keywords whose value is a number, a word or an address, for giving one the other's. */
const KEEPALIVED_VALUES = [
  [/^\s*(priority|virtual_router_id|advert_int|delay_loop|weight|connect_port|connect_timeout|retry|delay_before_retry|interval|fall|rise|garp_master_delay|persistence_timeout|quorum)\s+\S+\s*$/, "number"],
  [/^\s*(state|lb_algo|lb_kind|lvs_sched|lvs_method|interface|auth_type|protocol|router_id|script)\s+\S+\s*$/, "word"],
  [/^\s*(unicast_src_ip|mcast_src_ip|sorry_server|smtp_server)\s+\S+\s*$/, "address"],
];

/** Blocks and the parents that do not take them. */
const KEEPALIVED_PARENTS = { TCP_CHECK: "vrrp_instance", HTTP_GET: "vrrp_instance", MISC_CHECK: "vrrp_instance", virtual_ipaddress: "virtual_server", track_script: "virtual_server", real_server: "vrrp_instance", authentication: "virtual_server", unicast_peer: "global_defs" };

export function keepalivedRound9({ pick }) {
  return {
    neighbourValue(lines) {
      // a value given the one of another keyword of the file: `priority MASTER`, `lb_algo 80`, `advert_int eth0`
      const values = numbered(lines, (line) => !line.includes("$") && KEEPALIVED_VALUES.some(([test]) => test.test(code(line))));
      const chosen = pick(values);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const kindOf = (text) => KEEPALIVED_VALUES.find(([test]) => test.test(code(text)))[1];
      const other = pick(values.filter(([candidate]) => kindOf(candidate) !== kindOf(line)));
      if (!other) return undefined;
      lines[index] = line.replace(/\S+(\s*(#.*)?)$/, `${words(other[0]).at(-1)}$1`);
      return lines[index] === line ? undefined : index;
    },
    duplicateBlock(lines) {
      // a whole top-level block copied after itself: the same vrrp_instance, vrrp_script or virtual_server twice
      const block = pick(keepalivedBlocks(lines).filter((b) => /^(vrrp_instance|vrrp_script|virtual_server|vrrp_sync_group|virtual_server_group)$/.test(b.kind) && indentOf(lines[b.index]) === ""));
      if (!block) return undefined;
      lines.splice(block.end + 1, 0, ...lines.slice(block.index, block.end + 1));
      return block.end + 1;
    },
    misplacedBlock(lines) {
      // a block moved into a parent that does not take it
      const blocks = keepalivedBlocks(lines);
      const moving = pick(blocks.filter((b) => b.kind in KEEPALIVED_PARENTS && blocks.some((p) => p.kind === KEEPALIVED_PARENTS[b.kind])));
      if (!moving) return undefined;
      const parent = pick(blocks.filter((p) => p.kind === KEEPALIVED_PARENTS[moving.kind] && (p.end < moving.index || p.index > moving.end)));
      if (!parent) return undefined;
      const taken = lines.splice(moving.index, moving.end - moving.index + 1);
      const at = parent.index > moving.index ? parent.index - taken.length + 1 : parent.index + 1;
      lines.splice(at, 0, ...taken);
      return at;
    },
  };
}
