// Mutation kinds of the thirteenth round, keepalived only (scripts/mutations.mjs applies them after the
// twelfth round's, each kind from a stream of its own, so that earlier seeds keep their mutations): slips
// no earlier kind makes. A number written with decimals (`advert_int 1.0001`, `delay_loop 2.0000001`,
// `priority 100.5`, `weight -2.5`: keepalived keeps a few decimal places of the keywords that take
// fractions and refuses them elsewhere); a variable's definition or use made wrong (`$VIP` never defined,
// `${_ENV HOME}`, `$ NAME = x`, a definition with nothing after its `=`); a keyword of a later release at a
// 2.2 target (`owner_ignore_adverts`, `timer_expired_backup`, `no_virtual_ipaddress`); an owner's settings
// (`priority 255` beside `nopreempt`, `owner_ignore_adverts` below 255, `state MASTER` with `nopreempt`);
// an interface or tracked interface made wrong (`interface eth0:1`, a name past 15 characters, `weight x`
// on a `track_interface` entry); the script security settings (`script_user` with a group too many,
// `enable_script_security yes`, a `vrrp_script` `user`, a script path that is not absolute). Each takes
// the file's lines and the kind's seeded `pick`/`random`, changes one place, and returns the index of the
// changed line (undefined when the file has nothing to change).

import { indentOf, keepalivedBlocks, numbered } from "./mutations-round7.mjs";

const code = (line) => line.replace(/(^|\s)[#!].*$/, "");

/** Keywords whose last word is a number, and the decimals written after them. */
const DECIMAL_KEYWORDS = /^\s*(advert_int|delay_loop|connect_timeout|delay_before_retry|vrrp_garp_interval|vrrp_gna_interval|garp_master_delay|garp_master_refresh|garp_interval|gna_interval|preempt_delay|interval|timeout|fall|rise|weight|priority|retry|nb_get_retry|warmup|persistence_timeout|smtp_connect_timeout|vrrp_garp_master_delay|vrrp_garp_master_refresh|vrrp_min_garp|down_timer_adverts|delay|quorum|hysteresis)\s+(-?\d+)(\.\d+)?\s*$/;
const DECIMALS = [".0001", ".0000001", ".5", ".000001", ".0000009", ".9999999", ".00", ".1234567", ".", ".5.5"];

/** Keywords of keepalived 2.3 and later, and where they go. */
const NEWER = {
  vrrp_instance: ["owner_ignore_adverts", "no_virtual_ipaddress", "v3_checksum_as_v2"],
  global_defs: ["vrrp_owner_ignore_adverts", "timer_expired_backup", "json_version 2", "use_symlink_paths", "iproute_etc_dir /etc/iproute2", "state_dump_file /tmp/ka.state", "dbus_no_interface_name", "vrrp_delay_after_boot 5", "set_supplementary_groups"],
};

/** What an interface name is made into. */
const INTERFACE_WAYS = [(name) => `${name}:1`, (name) => `${name}.100`, (name) => `"${name}"`, (name) => `${name} ${name}`, () => "averyveryverylongname0", (name) => name.toUpperCase(), (name) => `${name}/24`, () => "eth 0", () => "*"];

export function haproxyRound13() {
  return {};
}

export function keepalivedRound13({ pick, random }) {
  return {
    decimalPlaces(lines) {
      // `advert_int 1.0001`, `delay_loop 2.0000001`, `priority 100.5`, `weight -2.5`, `interval 2.`
      const chosen = pick(numbered(lines, (line) => DECIMAL_KEYWORDS.test(code(line))));
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, keyword, whole] = DECIMAL_KEYWORDS.exec(code(line));
      lines[index] = `${indentOf(line)}${keyword} ${whole}${pick(DECIMALS)}`;
      return lines[index] === line ? undefined : index;
    },
    variables(lines) {
      // a variable used and not defined, defined with nothing, written `${_ENV HOME}`, `$ NAME = x`, or glued to a word
      const way = random();
      const statements = numbered(lines, (line) => /^\s*[a-z_]+\s+\S/.test(code(line)) && !/[{}]/.test(line));
      const defined = numbered(lines, (line) => /^\s*\$[A-Za-z_]\w*\s*=/.test(line));
      if (defined.length > 0 && way < 0.3) {
        const [line, index] = pick(defined);
        const [, name] = /^\s*\$([A-Za-z_]\w*)/.exec(line);
        lines[index] = pick([`$${name}=`, `$ ${name} = x`, `${name}=x`, `$${name} x`, `$${name}=${"$"}{${name}}`]);
        return index;
      }
      const chosen = pick(statements);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, value] = /^(\s*\S+\s+)(\S+)/.exec(code(line));
      const rest = code(line).slice(head.length + value.length);
      const usage = pick(["$NOWHERE", "${NOWHERE}", "${_ENV HOME}", "${_ENV}", "${_ENV NOWHERE}", `$${value}`, `${value}$X`, "${_SHIFT}", "${_INSTANCE}", "$", "${}", "${X"]);
      if (way < 0.55) {
        // defined above, in the form users write
        lines[index] = `${head}$VALUE${rest}`;
        lines.splice(0, 0, pick([`$VALUE=${value}`, `$VALUE = ${value}`, `$VALUE ${value}`, "$VALUE=", `$value=${value}`, `$VALUE="${value}"`]));
        return 0;
      }
      lines[index] = `${head}${usage}${rest}`;
      return index;
    },
    newerKeyword(lines) {
      // a keyword keepalived 2.2 does not know, where 2.3 or 2.4 takes it
      const blocks = keepalivedBlocks(lines).filter((block) => block.kind in NEWER);
      const block = pick(blocks);
      if (!block) return undefined;
      const indent = indentOf(lines[block.index + 1] ?? "") || "    ";
      lines.splice(block.index + 1, 0, `${indent}${pick(NEWER[block.kind])}`);
      return block.index + 1;
    },
    ownerSettings(lines) {
      // an address owner's settings: `priority 255` with `nopreempt`, `owner_ignore_adverts` below 255, `nopreempt` beside `state MASTER`
      const instance = pick(keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_instance"));
      if (!instance) return undefined;
      const inside = numbered(lines, () => true).filter(([, index]) => index > instance.index && index < instance.end);
      const priority = inside.find(([line]) => /^\s*priority\s/.test(line));
      const indent = indentOf(lines[instance.index + 1] ?? "") || "    ";
      const way = random();
      if (priority && way < 0.35) {
        lines[priority[1]] = `${indentOf(priority[0])}priority 255`;
        lines.splice(priority[1] + 1, 0, `${indentOf(priority[0])}${pick(["nopreempt", "preempt_delay 10", "owner_ignore_adverts", "track_interface {", "state BACKUP"])}`);
        if (lines[priority[1] + 1].endsWith("{")) lines.splice(priority[1] + 2, 0, `${indentOf(priority[0])}    eth0 weight 10`, `${indentOf(priority[0])}}`);
        return priority[1];
      }
      const line = pick(["owner_ignore_adverts", "nopreempt", "preempt", "state MASTER", "priority 254", "priority 0", "priority 256"]);
      lines.splice(instance.index + 1, 0, `${indent}${line}`);
      return instance.index + 1;
    },
    interfaceValue(lines) {
      // `interface eth0:1`, `interface "eth0"`, a name past 15 characters, a `track_interface` entry's weight made wrong
      const interfaces = numbered(lines, (line) => /^\s*(interface|lvs_sync_daemon_interface|mcast_src_ip|dev)\s+\S+\s*$/.test(code(line)) && /^\s*(interface|lvs_sync_daemon_interface)\s/.test(line));
      const tracked = keepalivedBlocks(lines).filter((block) => block.kind === "track_interface");
      const entries = tracked.flatMap((block) => numbered(lines, () => true).filter(([, index]) => index > block.index && index < block.end));
      if (entries.length > 0 && (interfaces.length === 0 || random() < 0.4)) {
        const [line, index] = pick(entries);
        const [, indent, name] = /^(\s*)(\S+)/.exec(line);
        lines[index] = `${indent}${name} ${pick(["weight x", "weight", "weight 300", "weight -300", "weight 10 reverse x", "10", "weight 1.5"])}`;
        return lines[index] === line ? undefined : index;
      }
      const chosen = pick(interfaces);
      if (!chosen) return undefined;
      const [line, index] = chosen;
      const [, head, name] = /^(\s*\S+\s+)(\S+)/.exec(code(line));
      lines[index] = `${head}${pick(INTERFACE_WAYS)(name)}`;
      return lines[index] === line ? undefined : index;
    },
    scriptSecurity(lines) {
      // `script_user` with a group too many, `enable_script_security yes`, a vrrp_script `user`, a script path that is not absolute
      const globals = keepalivedBlocks(lines).find((block) => block.kind === "global_defs");
      const scripts = keepalivedBlocks(lines).filter((block) => block.kind === "vrrp_script");
      const way = random();
      if (scripts.length > 0 && way < 0.5) {
        const block = pick(scripts);
        const script = numbered(lines, () => true).find(([line, index]) => index > block.index && index < block.end && /^\s*script\s/.test(line));
        if (script && random() < 0.5) {
          const [line, index] = script;
          lines[index] = line.replace(/(script\s+"?)\/(?:\S*\/)?/, "$1");
          return lines[index] === line ? undefined : index;
        }
        const indent = indentOf(lines[block.index + 1] ?? "") || "    ";
        lines.splice(block.index + 1, 0, `${indent}${pick(["user root", "user nobody nogroup", "user", "user root root root", "init_fail yes", "init_fail"])}`);
        return block.index + 1;
      }
      if (!globals) return undefined;
      const indent = indentOf(lines[globals.index + 1] ?? "") || "    ";
      lines.splice(globals.index + 1, 0, `${indent}${pick(["enable_script_security yes", "enable_script_security 1", "script_user", "script_user root root root", "script_user nobody", "script_user root", "enable_script_security enable"])}`);
      return globals.index + 1;
    },
  };
}
