// Mutation kinds of the fourteenth round, keepalived only (scripts/mutations.mjs applies them after the
// thirteenth round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips
// no earlier kind makes. An HTTP_GET/SSL_GET `url` block's entries made wrong (`status_code 600`,
// `status_code 200-`, `digest` not 32 hex digits, a `path` without its value, an empty `url`); the other
// checkers' own fields (`misc_timeout 0`, `misc_dynamic yes`, `misc_path` alone, DNS_CHECK `type XX`,
// SMTP_CHECK `helo_name` alone, `bindto 10.0.0.300`, `bind_port 70000`, FILE_CHECK without its file); a
// virtual_server's settings (`persistence_granularity 255.255.255.300`, `ha_suspend yes`, `sorry_server`
// without its port, `inhibit_on_failure 1`, `ops x`, `one_packet_scheduler`, `alpha on`); VRRP garp timing
// (`garp_master_delay 256`, `garp_master_repeat 0`, `garp_lower_prio_repeat -1`, `vrrp_garp_interval 2`,
// `advert_int 41` under `vrrp_version 3`, `vrrp_version 4`); `virtual_routes`/`virtual_rules`/`static_*`
// entries made wrong (`via 10.0.0.300`, `table x`, `metric -1`, `scope nowhere`, `blackhole` with a gateway,
// a rule without `from`/`to`); `vrrp_track_file`/`track_process` blocks and their `weight`/`reverse`
// (`weight 300`, `reverse yes`, `quorum 0`, a `vrrp_track_file` without `file`); VMAC and link settings
// (`use_vmac` with a name past 15 characters, `vmac_xmit_base yes`, `linkbeat_use_polling 1`,
// `dont_track_primary yes`); notify FIFOs and sync group settings (`notify_fifo` relative or doubled,
// `notify_fifo_script` alone, `global_tracking yes`, a sync group's `smtp_alert x`). Each takes the file's
// lines and the kind's seeded `pick`/`random`, changes one place, and returns the index of the changed line
// (undefined when the file has nothing to change).

import { indentOf, keepalivedBlocks, numbered } from "./mutations-round7.mjs";

/** The lines strictly inside a block. */
const inside = (lines, block) => numbered(lines, () => true).filter(([, index]) => index > block.index && index < block.end);
/** The indent of a block's first inner line. */
const innerIndent = (lines, block) => indentOf(lines[block.index + 1] ?? "") || `${indentOf(lines[block.index])}    `;
/** The file's first interface, so that a `dev` added names one the machine has. */
const interfaceOf = (lines) => /^\s*interface\s+(\S+)/m.exec(lines.join("\n"))?.[1] ?? "eth0";

const STATUS_CODES = ["600", "99", "200-", "-200", "2xx", "200,", "200 x", "300-200", "200-600", "abc", "200-299-300", ""];
const DIGESTS = ["xyz", "abc123", "9b3a0c85a887a256d6939da88aabd8c", "9b3a0c85a887a256d6939da88aabd8cdd", "9b3a0c85a887a256d6939da88aabd8cg", ""];
const PATHS = ["", "index.html", "/ /x", "/a b"];

const CHECKER_FIELDS = {
  MISC_CHECK: ["misc_timeout 0", "misc_timeout x", "misc_timeout -1", "misc_dynamic yes", "misc_dynamic 1", "misc_path", "misc_path /bin/true x", "user"],
  SMTP_CHECK: ["helo_name", "helo_name a b", "smtp_connect_timeout x", "host {\n}", "retry x"],
  DNS_CHECK: ["type XX", "type a", "type", "name", "name a b", "type A AAAA"],
  UDP_CHECK: ["require_reply x", "payload zz", "payload", "min_reply_length x", "max_reply_length -1"],
  TCP_CHECK: ["bindto 10.0.0.300", "bindto", "bind_port 70000", "bind_port x", "bind_if", "connect_ip 10.0.0", "fwmark x"],
  HTTP_GET: ["bindto 10.0.0.300", "bind_port 70000", "virtualhost", "virtualhost a b", "fast_recovery yes", "tls_compliant x", "enable_sni yes"],
  SSL_GET: ["bindto 10.0.0.300", "bind_port 0", "virtualhost", "enable_sni x", "tls_compliant yes"],
  FILE_CHECK: ["file", "weight 300", "weight x reverse", "reverse yes"],
};

const SERVER_SETTINGS = [
  "persistence_granularity 255.255.255.300", "persistence_granularity /33", "persistence_granularity abc", "persistence_granularity 33",
  "persistence_granularity 255.0.255.0", "ha_suspend yes", "ha_suspend 1", "sorry_server 10.0.0.9", "sorry_server 10.0.0.300 80",
  "sorry_server_inhibit yes", "sorry_server_lvs_method XX", "inhibit_on_failure 1", "inhibit_on_failure yes", "ops x", "ops", "one_packet_scheduler yes",
  "alpha on", "omega 1", "quorum_up", "quorum_down x y", "hysteresis -1", "delay_loop", "retry 0", "virtualhost", "smtp_alert x", "protocol SCTP", "protocol icmp",
];

const GARP_INSTANCE = ["garp_master_delay 256", "garp_master_delay -1", "garp_master_delay x", "garp_master_repeat 0", "garp_master_repeat 256", "garp_master_refresh -1", "garp_master_refresh_repeat 0", "garp_lower_prio_repeat -1", "garp_lower_prio_delay x", "garp_lower_prio_repeat", "lower_prio_no_advert 1", "lower_prio_no_advert yes", "higher_prio_send_advert x", "vrrp_version 4", "vrrp_version 3\nadvert_int 41", "vrrp_version 2\nadvert_int 0.5", "vrrp_version 3\nadvert_int 0.001"];
const GARP_GLOBAL = ["vrrp_garp_master_delay 256", "vrrp_garp_master_repeat 0", "vrrp_garp_master_refresh -1", "vrrp_garp_lower_prio_repeat x", "vrrp_garp_lower_prio_delay -1", "vrrp_garp_interval 2", "vrrp_gna_interval x", "vrrp_garp_master_refresh_repeat", "vrrp_lower_prio_no_advert 2", "vrrp_higher_prio_send_advert yes", "vrrp_version 4", "vrrp_version 1", "vrrp_min_garp yes", "vrrp_garp_extra_if x"];

const ROUTES = (dev) => [
  `10.9.0.0/24 via 10.0.0.300 dev ${dev}`, `10.9.0.0/24 via dev ${dev}`, `10.9.0.0/24 via 10.0.0.1 dev ${dev} table x`, `10.9.0.0/24 dev ${dev} metric -1`,
  `10.9.0.0/24 dev ${dev} scope nowhere`, `10.9.0.0/24 src 10.0.0.300 dev ${dev}`, "blackhole 10.9.0.0/24 via 10.0.0.1", `10.9.0.0/33 dev ${dev}`, `10.9.0.0/24 dev ${dev} table`,
  `10.9.0.0/24 dev ${dev} metric 4294967296`, `10.9.0.0/24 dev ${dev} mtu x`, `10.9.0.0/24 dev ${dev} proto nowhere`, "10.9.0.0/24", `via 10.0.0.1 dev ${dev}`, `10.9.0.0/24 dev ${dev} onlink yes`,
];
const RULES = ["from 10.9.0.0/24 table x", "from 10.9.0.0/24", "to 10.9.0.0/33 table 100", "from 10.0.0.300 table 100", "from 10.9.0.0/24 table 100 priority x", "table 100", "from all lookup", "from 10.9.0.0/24 goto", "iif table 100", "from 10.9.0.0/24 table 100 fwmark x"];
const STATIC_ADDRESSES = (dev) => [`10.9.0.1/24 dev ${dev} scope nowhere`, `10.9.0.300/24 dev ${dev}`, `10.9.0.1/24 dev`, `10.9.0.1/24 dev ${dev} label`, `10.9.0.1/24 brd x dev ${dev}`];

const TRACKER_BLOCKS = [
  ["vrrp_track_file chk_f {", "    file /tmp/lblint-track", "    weight 300", "}"],
  ["vrrp_track_file chk_f {", "    file /tmp/lblint-track", "    weight -10 reverse", "}"],
  ["vrrp_track_file chk_f {", "    weight 10", "}"],
  ["vrrp_track_file chk_f {", "    file /tmp/lblint-track", "    init_file 300", "}"],
  ["vrrp_track_file chk_f {", "    file", "}"],
  ["track_file chk_f {", "    file /tmp/lblint-track", "}"],
  ["vrrp_track_process chk_p {", "    process keepalived", "    quorum 0", "}"],
  ["vrrp_track_process chk_p {", "    process keepalived", "    weight 300", "}"],
  ["vrrp_track_process chk_p {", "    quorum 1", "}"],
  ["vrrp_track_process chk_p {", "    process keepalived", "    param_match nowhere", "}"],
  ["vrrp_track_process chk_p {", "    process keepalived", "    quorum 3", "    quorum_max 2", "}"],
  ["vrrp_track_process chk_p {", "    process keepalived", "    delay x", "}"],
  ["vrrp_track_process chk_p {", "    process keepalived", "    full_command yes", "}"],
];
const TRACK_USE = { vrrp_track_file: "track_file", track_file: "track_file", vrrp_track_process: "track_process" };
const TRACK_ENTRY = ["", " weight 10", " weight 300", " weight x", " reverse", " weight -10 reverse x", " weight 10 weight 20", " reverse weight 10"];

const VMAC = (dev) => ["use_vmac averyveryverylongvmac0", "use_vmac vrrp.51 x", "vmac_xmit_base yes", "vmac_xmit_base 1", "use_vmac\nvmac_xmit_base\nvmac_xmit_base", "use_ipvlan x", `use_ipvlan vrrp.1 10.0.0.300/24`, "linkbeat_use_polling 1", "linkbeat_use_polling yes", "dont_track_primary yes", "dont_track_primary 0", "native_ipv6 yes", "skip_check_adv_addr on", "check_unicast_src x", `lvs_sync_daemon ${dev} x`, "use_vmac vrrp.1\nvmac_xmit_base\nuse_ipvlan"];
const FIFO_GLOBAL = ["notify_fifo tmp/lblint.fifo", "notify_fifo", "notify_fifo /tmp/a.fifo /tmp/b.fifo x", "notify_fifo_script /bin/true", "notify_fifo /tmp/lblint.fifo\nnotify_fifo_script", "vrrp_notify_fifo /tmp/lblint.fifo\nvrrp_notify_fifo /tmp/lblint.fifo", "lvs_notify_fifo_script \"/bin/true\"", "vrrp_notify_fifo_script /bin/true", "notify_fifo /tmp/lblint.fifo username", "notify_fifo /tmp/lblint.fifo root root"];
const SYNC_SETTINGS = ["global_tracking yes", "global_tracking 1", "sync_group_tracking_weight yes", "smtp_alert x", "smtp_alert yes no", "notify_master", "notify_fifo /tmp/lblint.fifo", "notify", "track_interface {\n}", "priority 100", "nopreempt"];

export function keepalivedRound14({ pick, random }) {
  return {
    urlBlock(lines) {
      // an HTTP_GET/SSL_GET `url` block's `status_code`, `digest` or `path` made wrong, or the url emptied
      const urls = keepalivedBlocks(lines).filter((block) => block.kind === "url");
      const url = pick(urls);
      if (!url) return undefined;
      const entries = inside(lines, url).filter(([line]) => /^\s*(status_code|digest|path)\b/.test(line));
      const way = random();
      if (entries.length > 0 && way < 0.75) {
        const [line, index] = pick(entries);
        const [, indent, keyword] = /^(\s*)(\S+)/.exec(line);
        const value = pick(keyword === "status_code" ? STATUS_CODES : keyword === "digest" ? DIGESTS : PATHS);
        lines[index] = `${indent}${keyword}${value === "" ? "" : ` ${value}`}`;
        return lines[index] === line ? undefined : index;
      }
      const indent = innerIndent(lines, url);
      if (way < 0.85) {
        for (const [, index] of [...entries].reverse()) lines.splice(index, 1);
        return entries.length > 0 ? url.index : undefined;
      }
      lines.splice(url.index + 1, 0, `${indent}${pick(["status_code 200\n", "status_code 200 200", "digest 9b3a0c85a887a256d6939da88aabd8cd", "path /x", "virtualhost x"]).trim()}`);
      return url.index + 1;
    },
    checkerFields(lines) {
      // a checker's own fields: MISC_CHECK's `misc_timeout`/`misc_dynamic`, DNS_CHECK's `type`, SMTP_CHECK's `helo_name`, `bindto`, `bind_port`
      const checks = keepalivedBlocks(lines).filter((block) => block.kind in CHECKER_FIELDS);
      const check = pick(checks);
      if (!check) return undefined;
      const indent = innerIndent(lines, check);
      const [first, ...rest] = pick(CHECKER_FIELDS[check.kind]).split("\n");
      lines.splice(check.index + 1, 0, `${indent}${first}`, ...rest.map((part) => `${indent}${part}`));
      return check.index + 1;
    },
    serverSettings(lines) {
      // a virtual_server's `persistence_granularity`, `ha_suspend`, `sorry_server`, `inhibit_on_failure`, `ops`, `alpha`… made wrong
      const servers = keepalivedBlocks(lines).filter((block) => block.kind === "virtual_server");
      const server = pick(servers);
      if (!server) return undefined;
      const indent = innerIndent(lines, server);
      const setting = pick(SERVER_SETTINGS);
      const keyword = setting.split(" ")[0];
      const existing = inside(lines, server).find(([line]) => new RegExp(`^\\s*${keyword}(\\s|$)`).test(line));
      if (existing) {
        lines[existing[1]] = `${indentOf(existing[0])}${setting}`;
        return lines[existing[1]] === existing[0] ? undefined : existing[1];
      }
      lines.splice(server.index + 1, 0, `${indent}${setting}`);
      return server.index + 1;
    },
    garpTiming(lines) {
      // VRRP garp and advert timing: `garp_master_delay 256`, `garp_master_repeat 0`, `vrrp_garp_interval 2`, `advert_int 41` at version 3
      const blocks = keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_instance" || block.kind === "global_defs");
      const block = pick(blocks);
      if (!block) return undefined;
      const indent = innerIndent(lines, block);
      const setting = pick(block.kind === "global_defs" ? GARP_GLOBAL : GARP_INSTANCE);
      const parts = setting.split("\n");
      for (const part of [...parts].reverse()) {
        const keyword = part.split(" ")[0];
        const existing = inside(lines, block).find(([line]) => new RegExp(`^\\s*${keyword}(\\s|$)`).test(line));
        if (existing && parts.length > 1) lines.splice(existing[1], 1);
      }
      lines.splice(block.index + 1, 0, ...parts.map((part) => `${indent}${part}`));
      return block.index + parts.length;
    },
    routesRules(lines) {
      // a `virtual_routes`/`virtual_rules`/`static_*` entry made wrong: `via 10.0.0.300`, `table x`, `metric -1`, `scope nowhere`, a rule with no selector
      const dev = interfaceOf(lines);
      const existing = keepalivedBlocks(lines).filter((block) => /^(virtual|static)_(routes|rules|ipaddress)$/.test(block.kind));
      const way = random();
      const chosen = pick(existing);
      const entriesOf = (kind) => (/routes$/.test(kind) ? ROUTES(dev) : /rules$/.test(kind) ? RULES : STATIC_ADDRESSES(dev));
      if (chosen && way < 0.5) {
        const entries = inside(lines, chosen).filter(([line]) => /\S/.test(line) && !/^\s*[#!]/.test(line));
        const indent = innerIndent(lines, chosen);
        if (entries.length > 0 && random() < 0.6) {
          const [line, index] = pick(entries);
          lines[index] = `${indentOf(line)}${pick(entriesOf(chosen.kind))}`;
          return index;
        }
        lines.splice(chosen.index + 1, 0, `${indent}${pick(entriesOf(chosen.kind))}`);
        return chosen.index + 1;
      }
      const kind = pick(["virtual_routes", "virtual_rules", "static_routes", "static_rules", "static_ipaddress", "virtual_routes", "virtual_rules"]);
      const parent = kind.startsWith("static") ? undefined : pick(keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_instance"));
      if (kind.startsWith("virtual") && !parent) return undefined;
      const at = parent ? parent.index + 1 : 0;
      const indent = parent ? innerIndent(lines, parent) : "";
      lines.splice(at, 0, `${indent}${kind} {`, `${indent}    ${pick(entriesOf(kind))}`, `${indent}}`);
      return at + 1;
    },
    trackerBlocks(lines) {
      // a `vrrp_track_file`/`vrrp_track_process` block made wrong, or its use in an instance given a wrong `weight`/`reverse`
      const instance = pick(keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_instance"));
      const definition = pick(TRACKER_BLOCKS);
      const name = /^\S+\s+(\S+)/.exec(definition[0])[1];
      const kind = definition[0].split(" ")[0];
      lines.splice(0, 0, ...definition);
      if (!instance) return 1;
      const indent = innerIndent(lines, { index: instance.index + definition.length });
      const at = instance.index + definition.length + 1;
      lines.splice(at, 0, `${indent}${TRACK_USE[kind]} {`, `${indent}    ${name}${pick(TRACK_ENTRY)}`, `${indent}}`);
      return random() < 0.5 ? at + 1 : 1;
    },
    vmacLink(lines) {
      // VMAC and link settings: `use_vmac` with a long name, `vmac_xmit_base yes`, `linkbeat_use_polling 1`, `dont_track_primary yes`
      const instance = pick(keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_instance"));
      if (!instance) return undefined;
      const indent = innerIndent(lines, instance);
      const parts = pick(VMAC(interfaceOf(lines))).split("\n");
      lines.splice(instance.index + 1, 0, ...parts.map((part) => `${indent}${part}`));
      return instance.index + 1;
    },
    notifyFifo(lines) {
      // `notify_fifo` relative, doubled or given too many words, `notify_fifo_script` alone; a sync group's `global_tracking yes`, `smtp_alert x`
      const groups = keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_sync_group");
      const globals = keepalivedBlocks(lines).find((block) => block.kind === "global_defs");
      if (groups.length > 0 && (!globals || random() < 0.5)) {
        const group = pick(groups);
        const indent = innerIndent(lines, group);
        const parts = pick(SYNC_SETTINGS).split("\n");
        lines.splice(group.index + 1, 0, ...parts.map((part) => `${indent}${part}`));
        return group.index + 1;
      }
      if (!globals) return undefined;
      const indent = innerIndent(lines, globals);
      const parts = pick(FIFO_GLOBAL).split("\n");
      lines.splice(globals.index + 1, 0, ...parts.map((part) => `${indent}${part}`));
      return globals.index + parts.length;
    },
  };
}
