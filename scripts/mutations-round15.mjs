// Mutation kinds of the fifteenth round, keepalived only (scripts/mutations.mjs applies them after the
// fourteenth round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips
// no earlier kind makes. A `virtual_server_group`'s entries made wrong (`10.0.0.1-300 80`, a range
// backwards, `fwmark x`, an entry without its port, a v6 range) or the group used by no server, by two, or
// defined twice; a virtual server turned into a `fwmark` one (`fwmark 0`, `fwmark x`, `fwmark 1 80`,
// `ip_family inet7`); a `bfd_instance` defined wrong (no `neighbor_ip`, `min_rx 0`, `multiplier 256`,
// `ttl 0`, `weight 300`, a name too long) and tracked by `track_bfd` or a `BFD_CHECK`; `global_defs`
// settings (`router_id a b`, `smtp_server 10.0.0.1 70000`, `lvs_sync_daemon IF NOWHERE`, `max_auto_priority
// x`, `vrrp_priority -21`, `lvs_timeouts tcp x`, `vrrp_mcast_group4 10.0.0.1`, `umask 999`); an instance's
// `unicast_src_ip` (`/24`, v6 in a v4 instance), `unicast_ttl 256`, `unicast_fault_no_peer yes`, a peer's
// `min_ttl`/`max_ttl` out of order; a sync group naming one instance twice, an instance in two groups, a
// group of one, notify scripts with bare words, `track_script` naming nothing; a real server's own
// settings (`weight 65536`, `uthreshold` below `lthreshold`, `notify_up` relative, `lvs_method XX`);
// a `vrrp_script`'s fields (`weight 255`, `weight 10 reverse`, `rise 0`, `init_fail yes`, `user` with
// words too many). Each takes the file's lines and the kind's seeded `pick`/`random`, changes one place,
// and returns the index of the changed line (undefined when the file has nothing to change).

import { indentOf, keepalivedBlocks, numbered } from "./mutations-round7.mjs";

/** The lines strictly inside a block. */
export const inside = (lines, block) => numbered(lines, () => true).filter(([, index]) => index > block.index && index < block.end);
/** The indent of a block's first inner line. */
export const innerIndent = (lines, block) => indentOf(lines[block.index + 1] ?? "") || `${indentOf(lines[block.index])}    `;
/** The file's first interface, so that a setting added names one the machine has. */
export const interfaceOf = (lines) => /^\s*interface\s+(\S+)/m.exec(lines.join("\n"))?.[1] ?? "eth0";
/** The blocks of one kind. */
export const blocksOf = (lines, kind) => keepalivedBlocks(lines).filter((block) => block.kind === kind);
/** The name a block's opening line gives (`vrrp_instance VI_1 {` → VI_1). */
const nameOf = (line) => /^\s*\S+\s+([^\s{]+)/.exec(line)?.[1];
/** Lines put in one after another at `at`, each with `indent`; the settings are `\n`-separated. */
export const insert = (lines, at, indent, text) => {
  const parts = text.split("\n");
  lines.splice(at, 0, ...parts.map((part) => `${indent}${part}`));
  return at;
};
/** A setting put first in a block, or in place of the block's own line with the same keyword. */
export function setIn(lines, block, setting) {
  const keyword = setting.split(/\s/)[0];
  const existing = setting.includes("\n") ? undefined : inside(lines, block).find(([line]) => new RegExp(`^\\s*${keyword}(\\s|$)`).test(line));
  if (existing) {
    lines[existing[1]] = `${indentOf(existing[0])}${setting}`;
    return lines[existing[1]] === existing[0] ? undefined : existing[1];
  }
  return insert(lines, block.index + 1, innerIndent(lines, block), setting);
}

const GROUP_ENTRIES = [
  "10.0.0.1-10 80", "10.0.0.1-300 80", "10.0.0.10-5 80", "10.0.0.1-10", "10.0.0.1 80 80", "10.0.0.1:80", "fwmark 1", "fwmark x", "fwmark", "fwmark 0", "fwmark 1 80",
  "10.0.0.1 70000", "10.0.0.1 0", "fe80::1-10 80", "2001:db8::1-ff 80", "10.0.0.1/24 80", "10.0.0.1-10 80 weight 5", "10.0.0.300 80", "10.0.0.1 x", "10.0.0.1-0 80", "10.0.0.1 - 10 80",
  "fwmark 1 weight 2", "fwmark 4294967296", "10.0.0.1-256 80", "10.0.0.1 80\n10.0.0.1 80", "fwmark 1\nfwmark 1", "10.0.0.1-10 80\n10.0.0.5 80",
];
const FWMARKS = ["1", "0", "x", "4294967295", "4294967296", "-1", "1 80", "0x10", "1.5", ""];
const FWMARK_SETTINGS = ["", "", "ip_family inet6", "ip_family inet7", "ip_family", "protocol TCP", "protocol UDP", "lb_kind NAT", "ip_family inet6\nip_family inet", "persistence_timeout 50"];

const BFD_FIELDS = [
  "", "neighbor_ip 10.0.0.300", "!neighbor", "source_ip 2001:db8::1", "source_ip 10.0.0.300", "min_rx 0", "min_rx 1001", "min_rx x", "min_tx 0", "min_tx 1001", "idle_tx 0", "idle_tx 1001",
  "multiplier 0", "multiplier 256", "multiplier x", "passive yes", "passive", "ttl 256", "ttl 0", "max_hops 256", "max_hops -1", "weight 300", "weight x", "weight -254", "neighbor_ip 10.0.0.3",
  "neighbor_ip 10.0.0.2 x", "source_ip", "hoplimit 255",
];
const BFD_NAMES = ["B1", "B1", "B1", "averyveryveryveryverylongbfdname1", "B 1"];
const BFD_TRACK = ["", " weight 10", " weight 300", " weight x", " reverse", " weight -10 reverse", " weight 0"];
const BFD_CHECK = ["name B1", "name B9", "", "name", "name B1\nweight 10", "name B1\nweight 300", "name B1\nweight -10 reverse", "name B1\nname B1", "name B1 x"];

const GLOBAL_SETTINGS = (dev, instance) => [
  "router_id", "router_id a b", "router_id averyveryveryveryveryveryveryveryveryverylongrouterid",
  "notification_email {\nroot@localhost\n}", "notification_email root@localhost", "notification_email {\n}", "notification_email_from", "notification_email_from a b",
  "smtp_server 10.0.0.300", "smtp_server 127.0.0.1 70000", "smtp_server 127.0.0.1 x", "smtp_server", "smtp_server 127.0.0.1 25 x", "smtp_connect_timeout 0", "smtp_connect_timeout x", "smtp_helo_name",
  `lvs_sync_daemon ${dev}`, `lvs_sync_daemon ${dev} VI_NOWHERE`, `lvs_sync_daemon ${dev} ${instance} id 256`, `lvs_sync_daemon ${dev} ${instance} maxlen 0`, `lvs_sync_daemon ${dev} ${instance} port 70000`,
  `lvs_sync_daemon ${dev} ${instance} ttl 0`, `lvs_sync_daemon ${dev} ${instance} group 10.0.0.1`, `lvs_sync_daemon ${dev} ${instance} x`, `lvs_sync_daemon ${dev} ${instance} id`,
  "max_auto_priority 100", "max_auto_priority 0", "max_auto_priority x", "max_auto_priority", "max_auto_priority 100 x",
  "vrrp_priority -21", "vrrp_priority 20", "checker_priority x", "bfd_priority 100", "vrrp_no_swap yes", "checker_rt_priority 100", "vrrp_rt_priority 0", "vrrp_rlimit_rttime x",
  "lvs_timeouts tcp x", "lvs_timeouts tcp 900 tcpfin", "lvs_timeouts udp 0", "lvs_timeouts x 10", "lvs_timeouts tcp 86401",
  "vrrp_mcast_group4 10.0.0.1", "vrrp_mcast_group6 ff02::12 x", "vrrp_mcast_group4 224.0.0.300", "vrrp_mcast_group6 224.0.0.18",
  "vrrp_startup_delay 3.5", "vrrp_startup_delay x", "vrrp_startup_delay 3600", "vrrp_iptables a b c", "vrrp_ipsets a b c d e f", "dynamic_interfaces x", "dynamic_interfaces allow_if_changes",
  "default_interface", "enable_traps x", "vrrp_strict 1", "umask 999", "umask x", "umask IWGRP", "process_names x", "vrrp_skip_check_adv_addr yes", "vrrp_check_unicast_src 1",
  "nftables_priority x", "vrrp_netlink_cmd_rcv_bufs x", "child_wait_time 0", "random_seed x", "reload_time_file", "vrrp_garp_extra_if all x", "lvs_flush_onstop x", "lvs_flush yes",
];

const SRC_SETTINGS = [
  "unicast_src_ip 10.0.0.300", "unicast_src_ip 10.0.0.1/24", "unicast_src_ip 2001:db8::1", "unicast_src_ip", "unicast_src_ip 10.0.0.1 x", "unicast_src_ip 10.0.0.1\nunicast_src_ip 10.0.0.2",
  "unicast_ttl 0", "unicast_ttl 256", "unicast_ttl x", "unicast_ttl", "unicast_fault_no_peer yes", "unicast_fault_no_peer", "mcast_src_ip 10.0.0.1", "mcast_src_ip 10.0.0.1/24",
  "unicast_src_ip 10.0.0.1\nmcast_src_ip 10.0.0.1", "check_unicast_src", "mcast_dst_ip 10.0.0.1",
];
const PEER_OPTIONS = [" min_ttl 10 max_ttl 5", " min_ttl 256", " max_ttl", " min_ttl", " ttl 5", " min_ttl 0 max_ttl 255", " max_ttl 10 min_ttl 20", " min_ttl 5 min_ttl 6", " max_ttl -1"];

const SYNC_NOTIFY = [
  "notify_master /bin/true x", "notify_backup bin/true", "notify_fault \"/bin/true\"", "notify \"/tmp/lblint-nowhere.sh\"", "notify_stop /bin/true", "notify_master \"/bin/true x\" x",
  "notify_deleted /bin/true", "track_script {\nchk_nowhere\n}", "track_interface {\nlo\n}", "track_file {\nf_nowhere\n}", "smtp_alert", "notify_master", "notify_fault \"/bin/true\"\nnotify_fault \"/bin/false\"",
];

const REAL_SETTINGS = [
  "weight -1", "weight 65536", "weight 0", "weight x", "weight 1.5", "weight 2147483648", "uthreshold 5\nlthreshold 10", "lthreshold 10\nuthreshold 5", "uthreshold -1", "lthreshold x",
  "inhibit_on_failure yes", "inhibit_on_failure", "notify_up /bin/true x", "notify_up bin/true", "notify_down", "notify_down \"/bin/true\" x", "delay_before_retry x", "retry 0",
  "alpha", "smtp_alert x", "virtualhost", "lvs_method TUN", "lvs_method XX", "lvs_method TUN type gue", "lvs_method TUN type gue port 70000", "connect_timeout 0", "delay_loop 0", "warmup x",
  "rise 2", "fall x", "weight 10\nweight 20",
];

const SCRIPT_FIELDS = [
  "weight 255", "weight -255", "weight 254", "weight 10 reverse", "weight -10 reverse", "weight 10 x", "weight", "rise 0", "fall 0", "rise x", "fall -1", "interval 0", "interval x",
  "timeout 0", "timeout x", "init_fail yes", "init_fail", "user", "user nobody nogroup x", "user nobody", "script", "script /bin/true x", "script \"/bin/true\"\nscript \"/bin/false\"", "interval 2\ntimeout 5",
];

export function keepalivedRound15({ pick, random }) {
  return {
    vsGroup(lines) {
      // a `virtual_server_group`'s entries made wrong, or a group used by no server, by two, or defined twice
      const groups = blocksOf(lines, "virtual_server_group");
      const servers = blocksOf(lines, "virtual_server");
      const way = random();
      const group = pick(groups);
      if (group && way < 0.5) {
        const entries = inside(lines, group).filter(([line]) => /^\s*[\w:.]/.test(line));
        if (entries.length > 0 && random() < 0.6) {
          const [line, index] = pick(entries);
          lines.splice(index, 1, ...pick(GROUP_ENTRIES).split("\n").map((part) => `${indentOf(line)}${part}`));
          return index;
        }
        return insert(lines, group.index + 1, innerIndent(lines, group), pick(GROUP_ENTRIES));
      }
      if (group && way < 0.65) {
        // the group named by a second server, or defined twice
        const name = nameOf(lines[group.index]);
        const other = servers.find((server) => !/\bgroup\b/.test(lines[server.index]));
        if (other && random() < 0.5) {
          lines[other.index] = lines[other.index].replace(/virtual_server\s+[^{]*\{/, `virtual_server group ${name} {`);
          return other.index;
        }
        lines.splice(group.end + 1, 0, ...lines.slice(group.index, group.end + 1));
        return group.end + 1;
      }
      const server = pick(servers.filter((block) => /^\s*virtual_server\s+\d/.test(lines[block.index])));
      if (!server) return undefined;
      const indent = indentOf(lines[server.index]);
      const entries = pick(GROUP_ENTRIES).split("\n");
      const block = [`${indent}virtual_server_group G15 {`, ...entries.map((entry) => `${indent}    ${entry}`), `${indent}}`];
      if (random() >= 0.2) lines[server.index] = lines[server.index].replace(/virtual_server\s+[^{]*\{/, "virtual_server group G15 {");
      lines.splice(server.index, 0, ...block);
      return server.index + 1;
    },
    fwmarkServer(lines) {
      // a virtual server turned into a `fwmark` one (`fwmark 0`, `fwmark x`, `fwmark 1 80`), with `ip_family` or `protocol` settings
      const server = pick(blocksOf(lines, "virtual_server"));
      if (!server) return undefined;
      const mark = pick(FWMARKS);
      lines[server.index] = lines[server.index].replace(/virtual_server\s+[^{]*\{/, `virtual_server fwmark${mark === "" ? "" : ` ${mark}`} {`);
      const setting = pick(FWMARK_SETTINGS);
      if (setting !== "") insert(lines, server.index + 1, innerIndent(lines, server), setting);
      if (random() < 0.25) {
        // and a real server's port dropped
        const real = pick(keepalivedBlocks(lines).filter((block) => block.kind === "real_server" && block.index > server.index && block.end < server.end + 4));
        if (real) lines[real.index] = lines[real.index].replace(/(real_server\s+\S+)\s+\d+/, "$1");
      }
      return server.index;
    },
    bfdInstance(lines) {
      // a `bfd_instance` defined wrong, tracked by an instance's `track_bfd` or a real server's `BFD_CHECK`
      const name = pick(BFD_NAMES);
      const field = pick(BFD_FIELDS);
      const definition = [`bfd_instance ${name} {`, ...(field === "!neighbor" ? [] : ["    neighbor_ip 10.0.0.2"]), ...(field && field !== "!neighbor" ? [`    ${field}`] : []), "}"];
      if (random() < 0.1) definition.push(...definition);
      lines.splice(0, 0, ...definition);
      const offset = definition.length;
      const way = random();
      const instance = pick(blocksOf(lines, "vrrp_instance"));
      const real = pick(blocksOf(lines, "real_server"));
      if (way < 0.5 && instance) {
        const indent = innerIndent(lines, instance);
        const at = instance.index + 1;
        lines.splice(at, 0, `${indent}track_bfd {`, `${indent}    ${pick(["B1", "B1", "B1", "B9"])}${pick(BFD_TRACK)}`, `${indent}}`);
        return random() < 0.5 ? at + 1 : Math.max(1, offset - 2);
      }
      if (way < 0.9 && real) {
        const indent = innerIndent(lines, real);
        const parts = pick(BFD_CHECK).split("\n").filter((part) => part !== "");
        lines.splice(real.index + 1, 0, `${indent}BFD_CHECK {`, ...parts.map((part) => `${indent}    ${part}`), `${indent}}`);
        return real.index + 1;
      }
      return Math.max(1, offset - 2);
    },
    globalDefs(lines) {
      // a `global_defs` setting made wrong: `router_id a b`, `smtp_server … 70000`, `lvs_sync_daemon`, `max_auto_priority`, `lvs_timeouts`, `umask`…
      const globals = pick(blocksOf(lines, "global_defs"));
      const instance = nameOf(lines[pick(blocksOf(lines, "vrrp_instance"))?.index ?? -1] ?? "") ?? "VI_1";
      const setting = pick(GLOBAL_SETTINGS(interfaceOf(lines), instance));
      if (!globals) {
        lines.splice(0, 0, "global_defs {", ...setting.split("\n").map((part) => `    ${part}`), "}");
        return 1;
      }
      return setIn(lines, globals, setting);
    },
    unicastSource(lines) {
      // an instance's `unicast_src_ip`, `unicast_ttl`, `unicast_fault_no_peer`, `mcast_src_ip`, or a peer's `min_ttl`/`max_ttl`
      const instances = blocksOf(lines, "vrrp_instance");
      const instance = pick(instances);
      if (!instance) return undefined;
      const peers = blocksOf(lines, "unicast_peer").filter((block) => block.index > instance.index && block.end < instance.end);
      if (random() < 0.35) {
        const peer = peers[0];
        if (peer) {
          const entries = inside(lines, peer).filter(([line]) => /^\s*[\w:.]/.test(line));
          const [line, index] = pick(entries) ?? [];
          if (line === undefined) return undefined;
          lines[index] = `${line.replace(/\s+$/, "")}${pick(PEER_OPTIONS)}`;
          return index;
        }
        const indent = innerIndent(lines, instance);
        lines.splice(instance.index + 1, 0, `${indent}unicast_peer {`, `${indent}    10.0.0.2${pick(PEER_OPTIONS)}`, `${indent}}`);
        return instance.index + 2;
      }
      return setIn(lines, instance, pick(SRC_SETTINGS));
    },
    syncGroupMembers(lines) {
      // a sync group naming an instance twice, an instance in two groups, a group of one, notify scripts and trackers made wrong
      const instances = blocksOf(lines, "vrrp_instance").map((block) => nameOf(lines[block.index])).filter(Boolean);
      if (instances.length === 0) return undefined;
      const groups = blocksOf(lines, "vrrp_sync_group");
      const way = random();
      const group = pick(groups);
      if (group && way < 0.5) {
        const members = pick(blocksOf(lines, "group").filter((block) => block.index > group.index && block.end < group.end));
        if (members && random() < 0.5) {
          const first = inside(lines, members).find(([line]) => /^\s*\w/.test(line));
          if (!first) return undefined;
          lines.splice(first[1] + 1, 0, first[0]);
          return first[1] + 1;
        }
        return setIn(lines, group, pick(SYNC_NOTIFY));
      }
      if (group && way < 0.7) {
        // another group naming an instance of this one
        const member = inside(lines, group).map(([line]) => line.trim()).find((word) => instances.includes(word)) ?? instances[0];
        lines.splice(group.end + 1, 0, "vrrp_sync_group SG15 {", "    group {", `        ${member}`, ...(random() < 0.5 ? [`        ${pick(instances)}`] : []), "    }", "}");
        return group.end + 3;
      }
      // a new group: of one instance, of one named twice, or with a notify setting
      const last = keepalivedBlocks(lines).filter((block) => !/^\s/.test(lines[block.index])).reduce((max, block) => Math.max(max, block.end), -1);
      const chosen = pick(instances);
      const members = random() < 0.4 ? [chosen] : random() < 0.5 ? [chosen, chosen] : [...new Set(instances)];
      const extra = random() < 0.5 ? pick(SYNC_NOTIFY).split("\n").map((part) => `    ${part}`) : [];
      const at = last + 1;
      lines.splice(at, 0, "vrrp_sync_group SG15 {", "    group {", ...members.map((member) => `        ${member}`), "    }", ...extra, "}");
      return at + (extra.length > 0 ? 3 + members.length : 2);
    },
    realServerSettings(lines) {
      // a real server's own settings: `weight 65536`, `uthreshold` below `lthreshold`, `notify_up` relative or with bare words, `lvs_method XX`
      const real = pick(blocksOf(lines, "real_server"));
      if (!real) return undefined;
      return setIn(lines, real, pick(REAL_SETTINGS));
    },
    vrrpScript(lines) {
      // a `vrrp_script`'s fields: `weight 255`, `weight 10 reverse`, `rise 0`, `init_fail yes`, `user` with words too many, `script` doubled
      const script = pick(blocksOf(lines, "vrrp_script"));
      if (!script) return undefined;
      return setIn(lines, script, pick(SCRIPT_FIELDS));
    },
  };
}
