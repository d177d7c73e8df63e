// Mutation kinds of the sixteenth round, keepalived only (scripts/mutations.mjs applies them after the
// fifteenth round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips
// no earlier kind makes. A MISC_CHECK's fields (`misc_path` unquoted with arguments, relative, twice,
// `misc_timeout 0`, `misc_dynamic yes`, `user` with a group too many); an SMTP_CHECK's `helo_name` and
// `host` blocks (`connect_ip 10.0.0.300`, an empty `host`, `connect_port 70000`); a DNS_CHECK's `type`
// and `name` (`type XX`, `type aaaa`, `name` twice, `name` alone); the fields every checker shares
// (`retry -1`, `delay_before_retry x`, `connect_ip` of the other family, `bindto` with a port,
// `warmup 0`, `connect_timeout 0.5`); `track_interface` and `track_group` entries with weights (`weight
// 255`, `weight -254`, `weight 10 reverse`, a group that is not a sync group); `virtual_ipaddress_excluded`
// and VIP options (`dev` naming nothing, `scope nowhere`, `label` of another device, `brd` of the other
// family, `no_track x`); preemption and garp settings (`nopreempt` beside `state MASTER`,
// `preempt_delay 1001`, `preempt_delay x`, `garp_master_delay 0`, `garp_master_refresh -1`); a virtual
// server's persistence and scheduler (`persistence_timeout 0`, `persistence_granularity 33`,
// `persistence_engine sip x`, `lvs_sched mh` with `mh-fallback`, `lb_algo rr` with `sh-port`,
// `hysteresis` above the weights). Each takes the file's lines and the kind's seeded `pick`/`random`,
// changes one place, and returns the index of the changed line (undefined when the file has nothing to change).

import { indentOf, keepalivedBlocks } from "./mutations-round7.mjs";
import { blocksOf, innerIndent, insert, inside, interfaceOf, setIn } from "./mutations-round15.mjs";

/** A checker block put first in a real server (in place of its own checkers), with `fields` inside. */
function checker(lines, real, name, fields, random) {
  const indent = innerIndent(lines, real);
  if (random() < 0.6) {
    // the real server's own checkers taken out, so the new one is its only one
    for (const block of keepalivedBlocks(lines).filter((b) => /_CHECK|_GET$/.test(b.kind) && b.index > real.index && b.end < real.end).sort((a, b) => b.index - a.index)) {
      lines.splice(block.index, block.end - block.index + 1);
    }
  }
  const parts = fields.split("\n").filter((part) => part !== "");
  lines.splice(real.index + 1, 0, `${indent}${name} {`, ...parts.map((part) => `${indent}    ${part}`), `${indent}}`);
  return parts.length > 0 ? real.index + 2 : real.index + 1;
}

const MISC_FIELDS = [
  "misc_path \"/bin/true\"", "misc_path /bin/true", "misc_path /bin/true x", "misc_path \"/bin/true x\"", "misc_path bin/true", "misc_path", "misc_path \"/bin/true\"\nmisc_path \"/bin/false\"",
  "misc_path \"/bin/true\"\nmisc_timeout 0", "misc_path \"/bin/true\"\nmisc_timeout x", "misc_path \"/bin/true\"\nmisc_timeout 5", "misc_path \"/bin/true\"\nmisc_timeout", "misc_path \"/bin/true\"\nmisc_timeout -1",
  "misc_path \"/bin/true\"\nmisc_dynamic", "misc_path \"/bin/true\"\nmisc_dynamic yes", "misc_path \"/bin/true\"\nmisc_dynamic 1", "misc_path \"/bin/true\"\nuser nobody", "misc_path \"/bin/true\"\nuser nobody nogroup x",
  "misc_path \"/bin/true\"\nuser", "misc_path \"/bin/true\"\nuser lblint_nobody", "misc_path \"/tmp/lblint-nowhere.sh\"", "misc_timeout 5", "misc_path \"/bin/true\"\nmisc_timeout 5.5",
  "misc_path \"/bin/true\"\nwarmup 5", "misc_path \"/bin/true\"\nconnect_timeout 3", "misc_path \"/bin/true\"\nretry 3", "misc_path \"/bin/true\"\nmisc_dynamic\nweight 10",
];
const SMTP_FIELDS = [
  "", "helo_name", "helo_name a b", "helo_name \"lb.example.com\"", "helo_name x\nhelo_name y", "host {\n}", "host {\n    connect_ip 10.0.0.300\n}", "host {\n    connect_ip 10.0.0.5\n    connect_port 70000\n}",
  "host {\n    connect_ip 10.0.0.5\n    connect_port 25\n}", "host {\n    connect_ip 2001:db8::5\n}", "host {\n    connect_ip\n}", "host {\n    connect_ip 10.0.0.5\n    bindto 10.0.0.300\n}",
  "connect_ip 10.0.0.5\nhost {\n    connect_ip 10.0.0.6\n}", "host", "host x {\n}", "retry 0", "retry x", "delay_before_retry 0", "connect_timeout 0", "smtp_helo_name x",
];
const DNS_FIELDS = [
  "", "type A", "type AAAA", "type aaaa", "type XX", "type", "type A AAAA", "type MX", "type SOA", "type TXT", "type PTR", "name example.com", "name", "name a b", "name example.com\nname example.org",
  "type A\ntype AAAA", "name \"\"", "name .", "retry 0", "connect_port 70000", "type CNAME\nname www.example.com", "connect_ip 10.0.0.300",
];
const COMMON_FIELDS = [
  "retry -1", "retry 0", "retry x", "retry 2147483648", "retry 3 x", "delay_before_retry x", "delay_before_retry 0", "delay_before_retry -1", "delay_before_retry 1.5", "connect_ip 10.0.0.300",
  "connect_ip 2001:db8::5", "connect_ip", "connect_ip 10.0.0.5 80", "connect_port 0", "connect_port 70000", "connect_port x", "bindto 10.0.0.300", "bindto 10.0.0.1 80", "bindto 2001:db8::1",
  "bind_port 0", "bind_port x", "bind_if lblint_nowhere", "warmup 0", "warmup x", "warmup -1", "warmup 5.5", "connect_timeout 0.5", "connect_timeout 0", "connect_timeout x", "fwmark x",
  "nb_get_retry 3", "nb_sock_retry 3", "retry 1\nretry 2", "delay_before_retry", "warmup", "alpha", "log_all_failures yes", "log_all_failures",
];
const TRACK_ENTRIES = (dev) => [
  `${dev}`, `${dev} weight 10`, `${dev} weight 255`, `${dev} weight -254`, `${dev} weight -255`, `${dev} weight 254`, `${dev} weight x`, `${dev} weight`, `${dev} weight 10 reverse`, `${dev} weight -10 reverse`,
  `${dev} reverse`, `${dev} weight 0`, `${dev} weight 1.5`, `${dev} weight 10 x`, `${dev}\n${dev}`, "lblint_nowhere", `${dev} x`,
];
const TRACK_GROUP = ["SG_NOWHERE", "SG_NOWHERE weight 10", "SG16", "SG16 weight 10", "SG16 weight 300", "SG16 weight x", "SG16 reverse", "SG16 weight -10 reverse", "SG16 SG16", "SG16\nSG16"];
const VIP_ENTRIES = (dev) => [
  `10.0.0.99/24 dev ${dev}`, "10.0.0.99/24 dev lblint_nowhere", "10.0.0.99/24 dev", "10.0.0.99/24 scope global", "10.0.0.99/24 scope nowhere", "10.0.0.99/24 scope host", "10.0.0.99/24 scope 300",
  "10.0.0.99/24 scope", `10.0.0.99/24 dev ${dev} label ${dev}:1`, "10.0.0.99/24 label lblint:1", "10.0.0.99/24 label", `10.0.0.99/24 label averyveryverylonglabel`, "10.0.0.99/24 brd 10.0.0.255",
  "10.0.0.99/24 brd 2001:db8::1", "10.0.0.99/24 brd", "10.0.0.99/24 brd x", "10.0.0.99/24 no_track", "10.0.0.99/24 no_track x", "10.0.0.99/24 preferred_lft 0", "10.0.0.99/24 preferred_lft x",
  "2001:db8::99/64 dev lo", "10.0.0.99/24 home", "10.0.0.99/24 nodad", "10.0.0.99/24 dev lo dev lo", "10.0.0.99/24 x", "10.0.0.99/24 track_group x", "10.0.0.99/24 scope link dev",
];
const PREEMPT_SETTINGS = [
  "nopreempt", "nopreempt x", "nopreempt\nstate MASTER", "state MASTER\nnopreempt", "preempt", "preempt_delay 5", "preempt_delay 0", "preempt_delay 1000", "preempt_delay 1001", "preempt_delay x",
  "preempt_delay", "preempt_delay -1", "preempt_delay 1.5", "preempt_delay 5\nnopreempt", "garp_master_delay 0", "garp_master_delay 255", "garp_master_delay x", "garp_master_delay", "garp_master_repeat 255",
  "garp_master_refresh 0", "garp_master_refresh -1", "garp_master_refresh x", "garp_master_refresh_repeat 0", "garp_lower_prio_delay 300", "lower_prio_no_advert x", "higher_prio_send_advert yes",
  "preempt_delay 5\nstate MASTER",
];
const VS_SETTINGS = [
  "persistence_timeout 0", "persistence_timeout 50", "persistence_timeout x", "persistence_timeout -1", "persistence_timeout 4294967296", "persistence_timeout", "persistence_granularity 255.255.255.0",
  "persistence_granularity 33", "persistence_granularity 24", "persistence_granularity 255.255.0.255", "persistence_granularity x", "persistence_granularity 64", "persistence_granularity",
  "persistence_engine sip", "persistence_engine sip x", "persistence_engine", "persistence_engine nowhere", "lvs_sched mh", "lvs_sched mh\nmh-fallback", "lvs_sched mh\nmh-port", "lvs_sched sh\nsh-port",
  "lvs_sched rr\nsh-port", "lvs_sched rr\nmh-fallback", "lb_algo sh\nsh-fallback", "lvs_sched fo", "lvs_sched ovf", "lvs_sched twos", "lvs_sched nowhere", "lvs_sched", "lvs_sched rr rr",
  "sorry_server 10.0.0.9 80", "sorry_server 10.0.0.9", "sorry_server 10.0.0.300 80", "sorry_server 10.0.0.9 80 x", "sorry_server_inhibit", "sorry_server_lvs_method TUN", "sorry_server_lvs_method XX",
  "inhibit_on_failure", "hysteresis 0", "hysteresis 1000", "hysteresis x", "quorum 1\nhysteresis 1", "quorum 5\nhysteresis 10", "alpha\nomega", "omega", "quorum_up /bin/true", "quorum_down bin/true",
  "ha_suspend", "virtualhost x y", "one_packet_scheduler", "ops", "retry 3", "delay_before_retry 3",
];

export function keepalivedRound16({ pick, random }) {
  return {
    miscCheck(lines) {
      // a MISC_CHECK's fields: `misc_path` unquoted, relative, doubled, `misc_timeout 0`, `misc_dynamic yes`, `user` with words too many
      const real = pick(blocksOf(lines, "real_server"));
      if (!real) return undefined;
      return checker(lines, real, "MISC_CHECK", pick(MISC_FIELDS), random);
    },
    smtpCheck(lines) {
      // an SMTP_CHECK's `helo_name` and `host` blocks: `connect_ip 10.0.0.300`, an empty `host`, a port out of range
      const real = pick(blocksOf(lines, "real_server"));
      if (!real) return undefined;
      return checker(lines, real, "SMTP_CHECK", pick(SMTP_FIELDS), random);
    },
    dnsCheck(lines) {
      // a DNS_CHECK's `type` and `name`: `type XX`, `type aaaa`, `name` twice or alone
      const real = pick(blocksOf(lines, "real_server"));
      if (!real) return undefined;
      return checker(lines, real, "DNS_CHECK", pick(DNS_FIELDS), random);
    },
    checkerFields(lines) {
      // the fields every checker shares, in an existing checker (or a new TCP_CHECK): `retry -1`, `connect_ip` of the other family, `bindto` with a port, `warmup 0`
      const checks = keepalivedBlocks(lines).filter((block) => /^(TCP_CHECK|HTTP_GET|SSL_GET|MISC_CHECK|SMTP_CHECK|DNS_CHECK|UDP_CHECK|PING_CHECK)$/.test(block.kind));
      const check = pick(checks);
      if (check) return setIn(lines, check, pick(COMMON_FIELDS));
      const real = pick(blocksOf(lines, "real_server"));
      if (!real) return undefined;
      return checker(lines, real, "TCP_CHECK", pick(COMMON_FIELDS), () => 1);
    },
    trackInterface(lines) {
      // `track_interface` entries with weights, or a `track_group` naming a sync group or none
      const instance = pick(blocksOf(lines, "vrrp_instance"));
      if (!instance) return undefined;
      const indent = innerIndent(lines, instance);
      const at = instance.index + 1;
      if (random() < 0.6) {
        const existing = blocksOf(lines, "track_interface").find((block) => block.index > instance.index && block.end < instance.end);
        const entry = pick(TRACK_ENTRIES(interfaceOf(lines))).split("\n");
        if (existing) return insert(lines, existing.index + 1, innerIndent(lines, existing), entry.join("\n"));
        lines.splice(at, 0, `${indent}track_interface {`, ...entry.map((part) => `${indent}    ${part}`), `${indent}}`);
        return at + 1;
      }
      // track_group: a sync group SG16 holding this instance is added now and then
      const name = /^\s*vrrp_instance\s+(\S+)/.exec(lines[instance.index])?.[1] ?? "VI_1";
      const entry = pick(TRACK_GROUP).split("\n");
      lines.splice(at, 0, `${indent}track_group {`, ...entry.map((part) => `${indent}    ${part}`), `${indent}}`);
      if (random() < 0.6) lines.push("vrrp_sync_group SG16 {", "    group {", `        ${name}`, "    }", "}");
      return at + 1;
    },
    vipOptions(lines) {
      // a VIP's options (`dev` naming nothing, `scope nowhere`, `brd` of the other family, `no_track x`), in `virtual_ipaddress` or `virtual_ipaddress_excluded`
      const instance = pick(blocksOf(lines, "vrrp_instance"));
      if (!instance) return undefined;
      const entry = pick(VIP_ENTRIES(interfaceOf(lines)));
      const vips = keepalivedBlocks(lines).filter((block) => /^virtual_ipaddress(_excluded)?$/.test(block.kind) && block.index > instance.index && block.end < instance.end);
      const way = random();
      const block = pick(vips);
      if (block && way < 0.5) {
        const entries = inside(lines, block);
        if (entries.length > 0 && random() < 0.5) {
          const [line, index] = pick(entries);
          const address = line.trim().split(/\s+/)[0];
          lines[index] = `${indentOf(line)}${entry.replace(/^\S+/, address)}`;
          return index;
        }
        return insert(lines, block.index + 1, innerIndent(lines, block), entry);
      }
      const indent = innerIndent(lines, instance);
      lines.splice(instance.index + 1, 0, `${indent}virtual_ipaddress_excluded {`, `${indent}    ${entry}`, `${indent}}`);
      return instance.index + 2;
    },
    preemptSettings(lines) {
      // `nopreempt` beside `state MASTER`, `preempt_delay` out of range or alone, `garp_master_delay 0`, `garp_master_refresh -1`
      const instance = pick(blocksOf(lines, "vrrp_instance"));
      if (!instance) return undefined;
      const setting = pick(PREEMPT_SETTINGS);
      if (random() < 0.3 && !setting.includes("state")) {
        // and the instance made MASTER, which `nopreempt` wants BACKUP for
        const state = inside(lines, instance).find(([line]) => /^\s*state\s/.test(line));
        if (state) lines[state[1]] = `${indentOf(state[0])}state MASTER`;
      }
      return setIn(lines, instance, setting);
    },
    vsPersistence(lines) {
      // a virtual server's persistence (`persistence_timeout 0`, `persistence_granularity 33`, `persistence_engine sip x`), scheduler flags, `sorry_server`, `hysteresis`
      const server = pick(blocksOf(lines, "virtual_server"));
      if (!server) return undefined;
      return setIn(lines, server, pick(VS_SETTINGS));
    },
  };
}
