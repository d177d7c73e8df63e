// Hand corrections for the keepalived keyword tree (scripts/gen-schema/keepalived.mjs). Everything
// here was read in keepalived.conf(5) and checked against keepalived 2.2.7 (`keepalived -t -f FILE
// -l -D`, the oracle; scripts/gen-schema/keepalived-probe.mjs reproduces the probes). "oracle:" notes
// quote what 2.2.7 printed. Version "2.2" is 2.2.7, "2.4" is HEAD (≈ 2.4.3).

/**
 * A keyword that first appears in HEAD: the references say it exists in HEAD (≈ 2.4.3) and not in
 * 2.2.7, but not in which release between them it came, so it is marked as known from 2.4 (the first
 * version it is known to exist in). Checkers should word "not in 2.3" softly.
 */
export const HEAD_ONLY_SINCE = "2.4";

// ---- where keywords live -----------------------------------------------------------------------

/** The source index's parent path for the keywords shared by the checkers. */
export const CHECKER_COMMON_PATH = "virtual_server>real_server>(any checker)";
export const CHECKER_COMMON_GROUPS = {
  connection: ["connect_ip", "connect_port", "bindto", "bind_port", "bind_if", "connect_timeout", "fwmark"],
};
/**
 * Which checkers take the shared keywords. The man page lists the shared options once (CHECKER_TYPE)
 * and excludes the connection ones from MISC_CHECK and all of them from BFD_CHECK and FILE_CHECK.
 * oracle: confirmed keyword by keyword (MISC_CHECK knows retry,
 * delay_before_retry, warmup, delay_loop, alpha, log_all_failures and none of the connection ones;
 * FILE_CHECK and BFD_CHECK know none, BFD_CHECK has its own alpha). SMTP_CHECK's `host` sub-block
 * takes all of them (it describes one more server to connect to).
 */
export const CHECKER_COMMON = {
  "virtual_server>real_server>TCP_CHECK": ["connection", "other"],
  "virtual_server>real_server>HTTP_GET": ["connection", "other"],
  "virtual_server>real_server>SSL_GET": ["connection", "other"],
  "virtual_server>real_server>SMTP_CHECK": ["connection", "other"],
  "virtual_server>real_server>SMTP_CHECK>host": ["connection", "other"],
  "virtual_server>real_server>DNS_CHECK": ["connection", "other"],
  "virtual_server>real_server>UDP_CHECK": ["connection", "other"],
  "virtual_server>real_server>PING_CHECK": ["connection", "other"],
  "virtual_server>real_server>MISC_CHECK": ["other"],
  "virtual_server>real_server>FILE_CHECK": [],
  "virtual_server>real_server>BFD_CHECK": [],
};

/** Keywords the source index misses: HTTP_GET and SSL_GET are registered through a variable. oracle: both known in real_server. */
export const EXTRA_KEYWORDS = {
  "virtual_server>real_server": { HTTP_GET: {}, SSL_GET: {} },
};

/**
 * Read by the configuration reader itself, before any block's keyword table, so valid in every block
 * that holds keywords (not inside value blocks). The include variants add include_check checks.
 * oracle: `includer`, `includem`, `includew`, `includeb`, `includea` known in 2.2.7, also inside vrrp_instance.
 */
export const PARSER_KEYWORDS = {
  include: "file",
  includer: "file",
  includem: "file",
  includew: "file",
  includeb: "file",
  includea: "file",
};

/**
 * Registered by the sources but unknown to the Debian 2.2.7 build used as oracle (compiled without
 * ipset / ipvlan support): kept, since other builds accept them. Likewise `vrrp_iptables` makes that
 * build say `iptables not supported, using nftables instead`.
 */
export const NOT_IN_ORACLE_BUILD = {
  global_defs: ["vrrp_ipsets"],
  vrrp_instance: ["use_ipvlan"],
};

/*
 * Where the man page and keepalived disagree (the sources and the oracle win):
 * - vrrp_sync_group `notify_deleted`: documented, not registered; oracle: `Unknown keyword 'notify_deleted'`
 *   (it is a vrrp_instance keyword, registered there but not documented there);
 * - FILE_CHECK `dynamic`: documented, not registered; oracle: `Unknown keyword 'dynamic'`;
 * - vrrp_instance track_script `[reverse|no_reverse]` (2.2.7 page): `no_reverse` is refused, the word is `noreverse`;
 * - HEAD documents `state_file_location`, `stats_file_location`, `json_file_location`; the HEAD sources
 *   register `state_dump_file`, `stats_dump_file`, `json_dump_file` (the schema follows the sources).
 * - `include` variants (`includer`, `includem`, `includew`, `includeb`, `includea`) are documented in
 *   DESCRIPTION and known to 2.2.7, though missing from the source index (the reader handles them).
 */

/** Man-page example blocks that stand for several blocks. */
export const MAN_PATH_ALIASES = {
  CHECKER_TYPE: ["TCP_CHECK", "HTTP_GET", "SSL_GET", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "MISC_CHECK"],
  "HTTP_GET|SSL_GET": ["HTTP_GET", "SSL_GET"],
};
/** `track_file NAME {` is documented once; vrrp_track_file is its older synonym. */
export const MAN_BLOCK_ALIASES = {
  track_file: ["track_file", "vrrp_track_file"],
};

// ---- value blocks --------------------------------------------------------------------------------
//
// A value block holds entries, not keywords. `first` is the shape of an entry's first word and
// `options` the words that may follow it with how many values each takes. Beyond the schema type:
// `positional` = words that follow the first one by position (a trailing `?` = optional), `byFirst` =
// other positional words when the first word is that literal, `freeForm` = the entry is an `ip
// route`/`ip rule` argument list, whose first word may itself be an option (options listed for
// completion; do not report unknown words). `single: true` = a word list: keepalived reads EVERY
// word of every line as one entry (oracle + daemon dump: `notification_email { a@b.c d@e.f }` gives
// two addresses, `group { VI_1 VI_MISSING }` reports VI_MISSING as missing), so two names on one line
// are fine there, unlike in the other value blocks.

const IP_OPTIONS = {
  brd: 1, broadcast: 1, dev: 1, scope: 1, label: 1, peer: 1, home: 0, "-nodad": 0, mngtmpaddr: 0,
  noprefixroute: 0, autojoin: 0, no_track: 0, preferred_lft: 1,
};
// oracle: each word below is known after a route's destination (`unknown route keyword X` for the
// others); value counts as for `ip route`. `weight` only after `nexthop`.
const ROUTE_OPTIONS = {
  src: 1, to: 1, from: 1, via: 1, gw: 1, or: 1, dev: 1, table: 1, tos: 1, dsfield: 1, protocol: 1, scope: 1,
  metric: 1, priority: 1, preference: 1, mtu: 1, lock: 0, hoplimit: 1, advmss: 1, rtt: 1, rttvar: 1,
  reordering: 1, window: 1, cwnd: 1, ssthresh: 1, realms: 1, rto_min: 1, initcwnd: 1, initrwnd: 1,
  features: 1, quickack: 1, congctl: 1, pref: 1, fastopen_no_cookie: 1, expires: 1, nexthop: 0, onlink: 0,
  weight: 1, vrf: 1, encap: 1, "ttl-propagate": 1, add: 0, append: 0, prepend: 0, no_track: 0, inet: 0, inet6: 0,
  unicast: 0, local: 0, broadcast: 0, multicast: 0, throw: 0, unreachable: 0, prohibit: 0, blackhole: 0,
  nat: 0, anycast: 0,
};
// oracle: known in virtual_rules (`Unknown rule option X` for the others).
const RULE_OPTIONS = {
  from: 1, to: 1, table: 1, lookup: 1, preference: 1, order: 1, priority: 1, tos: 1, dsfield: 1, fwmark: 1,
  realms: 1, iif: 1, dev: 1, oif: 1, goto: 1, suppress_prefixlength: 1, sup_pl: 1, suppress_ifgroup: 1,
  sup_group: 1, uidrange: 1, l3mdev: 0, protocol: 1, ipproto: 1, sport: 1, dport: 1, "tunnel-id": 1, not: 0,
  no_track: 0, inet: 0, inet6: 0, type: 1, unicast: 0, blackhole: 0, unreachable: 0, prohibit: 0, nat: 0,
  throw: 0, local: 0, broadcast: 0, multicast: 0, anycast: 0, nop: 0, xresolve: 0,
};
// `<NAME> [weight N [reverse|noreverse]]`. oracle: `noreverse` accepted; `no_reverse` (written in the
// 2.2.7 man page for vrrp_instance track_script, corrected in HEAD) is `unknown track_script … weight
// option no_reverse`; track_interface knows `reverse` only (`noreverse` unknown). A second name on
// the line is read as an option: `unknown track script option chk_b - ignoring`.
// The words are read by position (`sequence`), measured on 2.2.7: `eth1 reverse` and `chk reverse
// weight 10` are `unknown track_interface eth1 option reverse` (the entry is dropped); `eth1 weight 10
// weight 20` is `unknown track_interace eth1 weight option weight`.
const TRACK = (first, reverseWords) => ({ first, options: { weight: 1, ...Object.fromEntries(reverseWords.map((w) => [w, 0])) }, sequence: [["weight"], reverseWords] });

export const VALUE_BLOCKS = {
  // oracle: `10.0.0.1/24 10.0.0.2/24` → `Unknown configuration entry '10.0.0.2/24' for ip address - ignoring`;
  // `use_vmac` takes no value in 2.2.7 (`use_vmac vmx` → unknown entry 'vmx'); track_group only for static ones.
  static_ipaddress: { first: "cidr", options: { ...IP_OPTIONS, track_group: 1 } },
  "vrrp_instance>virtual_ipaddress": { first: "cidr", options: { ...IP_OPTIONS, use_vmac: 0 } },
  "vrrp_instance>virtual_ipaddress_excluded": { first: "cidr", options: { ...IP_OPTIONS, use_vmac: 0 } },
  static_routes: { first: "string", options: { ...ROUTE_OPTIONS, track_group: 1 }, freeForm: true },
  "vrrp_instance>virtual_routes": { first: "string", options: ROUTE_OPTIONS, freeForm: true },
  static_rules: { first: "string", options: { ...RULE_OPTIONS, track_group: 1 }, freeForm: true },
  "vrrp_instance>virtual_rules": { first: "string", options: RULE_OPTIONS, freeForm: true },
  // oracle: `10.0.0.7 10.0.0.8` → `10.0.0.8 is missing a value` (read as an option name)
  // oracle: `192.168.0.92/24` accepted silently as a peer (real configurations write it)
  "vrrp_instance>unicast_peer": { first: "cidr", options: { min_ttl: 1, max_ttl: 1 } },
  "vrrp_instance>track_interface": TRACK("string", ["reverse"]),
  "vrrp_sync_group>track_interface": TRACK("string", ["reverse"]),
  "vrrp_instance>track_script": TRACK("ref:vrrp_script", ["reverse", "noreverse"]),
  "vrrp_sync_group>track_script": TRACK("ref:vrrp_script", ["reverse", "noreverse"]),
  "vrrp_instance>track_process": TRACK("ref:vrrp_track_process", ["reverse", "noreverse"]),
  "vrrp_sync_group>track_process": TRACK("ref:vrrp_track_process", ["reverse", "noreverse"]),
  "vrrp_instance>track_file": TRACK("ref:track_file", ["reverse", "noreverse"]),
  "vrrp_sync_group>track_file": TRACK("ref:track_file", ["reverse", "noreverse"]),
  "vrrp_instance>track_bfd": TRACK("ref:bfd_instance", ["reverse", "noreverse"]),
  "vrrp_sync_group>track_bfd": TRACK("ref:bfd_instance", ["reverse", "noreverse"]),
  "global_defs>notification_email": { first: "email", options: {}, single: true },
  "vrrp_sync_group>group": { first: "ref:vrrp_instance", options: {}, single: true },
  "track_group>group": { first: "ref:vrrp_instance", options: {}, single: true },
  "garp_group>interfaces": { first: "string", options: {}, single: true },
  // oracle: `ifb0 frob` → `extra characters frob in linkbeat interface`
  linkbeat_interfaces: { first: "string", options: { MII: 0, ETHTOOL: 0, IOCTL: 0 } },
  // `IFNAME DOWN_DELAY [UP_DELAY]` (seconds, fractions allowed)
  interface_up_down_delays: { first: "string", options: {}, positional: ["number", "number?"] },
  // `IP [PORT]`, `IP-RANGE [PORT]`, `fwmark N [inet|inet6]`. oracle: `10.0.0.4 80 10.0.0.5 80` on one
  // line is silent: keepalived reads the first pair and drops the rest.
  // oracle: `fwmark -5` → "negative number '-5'" (keepalived 2.2.7 reads marks as unsigned)
  // oracle: port 0 (or none) is taken, and the service made persistent ("zero port only valid for persistent services"): KA054.
  virtual_server_group: { first: "addrrange", options: {}, positional: ["port:0..65535?"], byFirst: { fwmark: ["int:0..4294967295", "enum:inet|inet6?"] } },
};

// ---- arguments -----------------------------------------------------------------------------------
//
// Notation (keepalived-args.mjs): shapes separated by spaces, `[…]` optional, `x...` repeated,
// `-` none, `n:MIN..MAX` a count only, `?` unchecked. Set here when the man page's syntax is an
// example value (`state MASTER`), has sub-keywords, or is wrong. keepalived silently ignores extra
// words after the ones a keyword uses (oracle: `priority 100 200`, `nopreempt 1` → nothing reported),
// so `max` is what keepalived reads, not a point where it fails.
// Generator rule (not repeated below): a keyword whose only argument is `<BOOL>` may stand alone
// (oracle: `smtp_alert`, `alpha`, `log_all_failures`, `notify_priority_changes`, `*_force` alone are
// accepted and mean yes; the words are on|off|true|false|yes|no, lower case: `On` is invalid).

const NOTIFY = "command [string [string]]"; // script [username [groupname]]
const LVS_METHOD = "enum:NAT|DR|TUN [string [string [string [string [string]]]]]"; // TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]

export const ARGS = {
  // same meaning wherever the keyword appears
  "*": {
    // oracle + daemon dump: `notify_master /bin/echo hello world` makes `hello` the user name
    // (`Script user 'hello' does not exist`, script dropped at start; `-t` says nothing), the 4th word
    // is ignored; a script with parameters must be quoted.
    notify: NOTIFY, notify_master: NOTIFY, notify_backup: NOTIFY, notify_fault: NOTIFY, notify_stop: NOTIFY,
    notify_master_rx_lower_pri: NOTIFY, notify_deleted: `[${NOTIFY}]`, notify_up: NOTIFY, notify_down: NOTIFY,
    quorum_up: NOTIFY, quorum_down: NOTIFY, startup_script: NOTIFY, shutdown_script: NOTIFY,
    notify_fifo_script: NOTIFY, vrrp_notify_fifo_script: NOTIFY, lvs_notify_fifo_script: NOTIFY,
    // daemon dump: `script /bin/echo a b c` runs '/usr/bin/echo' alone; parameters need quotes
    script: "command",
    // whether unquoted extra words become parameters is not known: only the path is checked
    misc_path: "command [string...]",
    lvs_method: LVS_METHOD, lb_kind: LVS_METHOD, sorry_server_lvs_method: LVS_METHOD,
    lb_algo: "enum:rr|wrr|lc|wlc|lblc|sh|mh|dh|fo|ovf|lblcr|sed|nq|twos",
    // oracle: `protocol tcp` accepted (case-insensitive), `SCTPX` → `Unknown protocol SCTPX`
    protocol: "enum:TCP|UDP|SCTP|tcp|udp|sctp",
    user: "string [string]",
    script_user: "string [string]",
    smtp_server: "addr [port]",
    virtualhost: "string",
  },
  top: {
    // `virtual_server IP [PORT]`, `virtual_server fwmark N`, `virtual_server group NAME`
    virtual_server: "n:1..2",
    track_group: "string",
    vrrp_track_file: "string",
    // man: the default namespace when NAME is left out; oracle: accepted alone
    net_namespace_ipvs: "[string]",
    // oracle (2.2.7 and 2.3.3): `-1` "negative number", `1.5` "invalid number", 2^32 "outside unsigned
    // integer range", each then "Invalid child_wait_time"; 0 accepted
    child_wait_time: "int:0..4294967295",
  },
  global_defs: {
    // oracle: `vrrp_garp_interval 0` → `number '0' outside range [0.000001, 4294.967295]` and `invalid`
    vrrp_garp_interval: "number:0.000001..4294.967295", vrrp_gna_interval: "number:0.000001..4294.967295",
    bfd_cpu_affinity: "int...", checker_cpu_affinity: "int...", vrrp_cpu_affinity: "int...",
    bfd_priority: "int:-20..19", checker_priority: "int:-20..19", vrrp_priority: "int:-20..19",
    // man: >=2; oracle: 2.2.7 takes 1 without a word and refuses 0 ("outside range [1, 4294967295]")
    bfd_rlimit_rttime: "int:1..4294967295", checker_rlimit_rttime: "int:1..4294967295", vrrp_rlimit_rttime: "int:1..4294967295",
    bfd_rlimit_rtime: "int:1..4294967295", checker_rlimit_rtime: "int:1..4294967295", vrrp_rlimit_rtime: "int:1..4294967295",
    default_interface: "string",
    dynamic_interfaces: "[enum:allow_if_changes]",
    enable_snmp_keepalived: "-",
    include_check: "[string...]",
    json_version: "enum:1|2",
    lvs_flush_on_stop: "[enum:VS]", lvs_flush_onstop: "[enum:VS]",
    lvs_process_name: "string",
    // INTERFACE [[inst] VRRP_INSTANCE] [id N] [maxlen N] [port N] [ttl N] [group IP]
    lvs_sync_daemon: "string [string...]",
    // [tcp SECS] [tcpfin SECS] [udp SECS], at least one (oracle: `lvs_timeouts requires at least one option`)
    lvs_timeouts: "n:2..6",
    max_auto_priority: "[int:-1..99]",
    min_auto_priority_delay: "int",
    notification_email_from: "string",
    snmp_socket: "string",
    // oracle: missing value → `missing a parameter`
    vrrp_down_timer_adverts: "int:1..100",
    // a delay and `all`, in any order and number (oracle: `vrrp_garp_extra_if 5 6 7` accepted); checked by
    // server/src/rules/keepalived/word-values.ts
    vrrp_garp_extra_if: "n:1..", vrrp_vmac_garp_intvl: "n:1..",
    vrrp_ipsets: "n:0..6",
    vrrp_iptables: "n:0..2",
    vrrp_mcast_group4: "ip4",
    vrrp_mcast_group6: "ip6",
    vrrp_version: "int:2..3",
    // whole seconds / counts (oracle: `vrrp_garp_master_repeat '1.5' invalid`); the two *_interval ones take fractions
    vrrp_garp_master_delay: "int", vrrp_garp_master_repeat: "int", vrrp_garp_master_refresh: "int",
    vrrp_garp_master_refresh_repeat: "int", vrrp_garp_lower_prio_delay: "int", vrrp_garp_lower_prio_repeat: "int",
    // oracle: `smtp_connect_timeout '1.5' must be in [0, 4294]`, and 0 is reported ("must be greater
    // than 0, setting to 1")
    smtp_connect_timeout: "int:1..4294",
    // `NUMBER` or flags such as `IWGRP|IWOTH` in one word; oracle: required
    // oracle: `invalid umask value 777` (read with base 0, at most 0777), `Unknown umask bit iwgrp`
    umask: "umask",
    // MTU|ADVERT|NUMBER, several words read (oracle: `MTU ADVERT` → "Cannot set both …, ignoring ADVERT");
    // required (`vrrp_rx_bufs_policy missing`); checked by server/src/rules/keepalived/word-values.ts
    vrrp_rx_bufs_policy: "string...",
    // From 2.3, named `*_file_location` in the HEAD man page but registered as `*_dump_file`. keepalived
    // 2.3.3 (scripts/oracle/keepalived23-values.mjs): a path, required ("json_dump_file requires a non-empty
    // path", also with a second word); `vrrp_owner_ignore_adverts` is a lower-case boolean or nothing
    // ("Invalid value … for global TRUE specified"); the SNMP intervals take 0.001 to 30 seconds
    // ("outside range [0.001000, 30.000000]"); global `v3_checksum_as_v2` takes any word without a message.
    json_dump_file: "string", state_dump_file: "string", stats_dump_file: "string", vrrp_owner_ignore_adverts: "[bool]",
    snmp_rs_stats_update_interval: "number:0.001..30", snmp_vs_stats_update_interval: "number:0.001..30",
    v3_checksum_as_v2: "[string]",
  },
  vrrp_instance: {
    // oracle: `state master` → `unknown state 'master', defaulting to BACKUP`
    state: "enum:MASTER|BACKUP",
    interface: "string",
    // 2.2.7: [NAME] [MAC]; HEAD adds `name`, `netlink_notify_msg`, `group ID`
    use_vmac: "n:0..6",
    use_ipvlan: "n:0..6",
    // oracle: `number '0' outside range [1, 255]`; numbers are decimal only (`0x10` → `invalid number`)
    virtual_router_id: "int:1..255",
    // whole seconds / counts (oracle: `garp_master_delay '1.5' invalid`)
    garp_master_delay: "int", garp_master_repeat: "int", garp_master_refresh: "int", garp_master_refresh_repeat: "int",
    garp_lower_prio_delay: "int", garp_lower_prio_repeat: "int",
    priority: "int:1..255",
    // oracle: `unicast_src_ip 192.168.0.91/24` accepted silently (real configurations write it)
    unicast_src_ip: "cidr",
    advert_int: "number",
    version: "int:2..3",
    old_unicast_checksum: "[enum:never]",
    garp_extra_if: "n:1..", vmac_garp_intvl: "n:1..",
    down_timer_adverts: "int:1..100",
    skip_check_adv_addr: "[bool]",
    strict_mode: "[bool]",
    debug: "int:0..4",
    // the man page shows no value; oracle: alone → `invalid kernel_rx_buf_size specified`
    kernel_rx_buf_size: "int",
    lvs_sync_daemon_interface: "string",
    // keepalived ignores any word after nopreempt; real configurations write `nopreempt 1` and
    // keepalived accepts it silently, so one word is tolerated here (`nopreempt 0` still sets it).
    nopreempt: "[string]",
    // keepalived 2.3.3: an optional priority from 1 to 254 ("timer_expired_backup highest_other_priority not
    // valid! must be between 1 & 254"); `thread_timer_expired` is its older name, read the same way after
    // "please replace with keyword 'timer_expired_backup'"; `owner_ignore_adverts` a lower-case boolean or nothing.
    timer_expired_backup: "[int:1..254]", thread_timer_expired: "[int:1..254]",
    owner_ignore_adverts: "[bool]",
  },
  "vrrp_instance>authentication": {
    // oracle: `auth_type PLAIN` / `pass` → `unknown authentication type`
    auth_type: "enum:PASS|AH",
    // only 8 characters are used (oracle: `Truncating auth_pass to 8 characters`)
    auth_pass: "string",
  },
  "vrrp_instance>auth_hmac": {
    key: "int string",
    active_key: "int:1..255",
    anti_replay: "enum:time|monotonic",
    time_window: "int:1..300",
    mode: "enum:enforce|permissive|receive-only",
  },
  vrrp_script: {
    // oracle: `interval .2` and `interval 2.5` → `invalid number`, `interval 0` → `must be between 1 and 4294`
    interval: "int:1..4294",
    // oracle: `timeout 1.5` → `invalid number` (its range is measured: numbers.ts)
    timeout: "int",
    weight: "int:-253..253 [enum:reverse]",
  },
  vrrp_track_process: {
    process: "string [string...]",
    // oracle: alone is accepted
    param_match: "[enum:initial|partial]",
    weight: "int:-254..254 [enum:reverse]",
    // oracle: `number '0' outside range [1, 65535]`, `outside range [0.000001, 3600.000000]`
    quorum: "int:1..65535",
    quorum_max: "int:0..65535",
    delay: "number:0.000001..3600",
    terminate_delay: "number:0.000001..3600",
    fork_delay: "number:0.000001..3600",
  },
  track_file: {
    file: "string",
    // oracle: "Weight (256) for track_file F must be between [-254..254] inclusive. Ignoring..." (a sweep of value forms)
    weight: "int:-254..254 [enum:reverse]",
    init_file: "n:0..2",
  },
  vrrp_track_file: {
    file: "string",
    // oracle: "Weight (256) for track_file F must be between [-254..254] inclusive. Ignoring..." (a sweep of value forms)
    weight: "int:-254..254 [enum:reverse]",
    init_file: "n:0..2",
  },
  bfd_instance: {
    neighbor_ip: "ip", neighbour_ip: "ip", source_ip: "ip",
    weight: "int:-253..253 [enum:reverse]",
  },
  virtual_server: {
    // undocumented; 2.2.7 and 2.3.3 alike: "Virtual server weight 0 is outside range 1-2147483647"
    // (also for `-1`, `1.5`, `0x10`, `1abc`, 4294967296), and a missing value ends the reading
    weight: "int:1..2147483647",
    hashed: "-",
    // oracle: `real_server 10.0.0.2 0` and `sorry_server 10.0.0.3 0` are accepted silently (the
    // virtual server's port, or any port under a fwmark); 70000 → `number '70000' outside range [1, 65535]`
    real_server: "ip [port:0..65535]", sorry_server: "ip [port:0..65535]",
  },
  "virtual_server>real_server": {
    HTTP_GET: "-", SSL_GET: "-",
    // oracle: `Real server weight 1.5 is outside range 0-2147483647`
    weight: "int:0..2147483647",
  },
  "virtual_server>real_server>SMTP_CHECK": { helo_name: "string", host: "-" },
  "virtual_server>real_server>HTTP_GET": {
    // oracle: `Invalid http_protocol version 2`
    http_protocol: "enum:1.0|1.1|1.0C|1.0c", nb_get_retry: "int", enable_sni: "-", sni_name: "string", tls_compliant: "-",
  },
  "virtual_server>real_server>SSL_GET": {
    // oracle: `Invalid http_protocol version 2`
    http_protocol: "enum:1.0|1.1|1.0C|1.0c", nb_get_retry: "int", enable_sni: "-", sni_name: "string", tls_compliant: "-",
  },
  "virtual_server>real_server>HTTP_GET>url": {
    // oracle: `status_code` alone is accepted without a word (keepalived 2.2.7); each word a code
    // from 100 to 599 or a range (`Invalid HTTP_GET status code '600'`, `'200-100'`, `'200,301'`)
    status_code: "[statuscode...]",
    // oracle: `digest '123' character length should be 32`, `Unable to interpret hex digit`
    digest: "hex:32",
    regex: "n:1..",
    regex_options: "string...",
    regex_stack: "int int",
    regex_min_offset: "int",
    regex_max_offset: "int",
  },
  "virtual_server>real_server>SSL_GET>url": {
    // oracle: `status_code` alone is accepted without a word (keepalived 2.2.7); each word a code
    // from 100 to 599 or a range (`Invalid HTTP_GET status code '600'`, `'200-100'`, `'200,301'`)
    status_code: "[statuscode...]",
    // oracle: `digest '123' character length should be 32`, `Unable to interpret hex digit`
    digest: "hex:32",
    regex: "n:1..",
    regex_options: "string...",
    regex_stack: "int int",
    regex_min_offset: "int",
    regex_max_offset: "int",
  },
  "virtual_server>real_server>UDP_CHECK": {
    // HEX_STR may be written in several words (`Ab12f 3 456`)
    payload: "string...",
    require_reply: "[string...]",
  },
  "virtual_server>real_server>FILE_CHECK": {
    weight: "int:-2147483647..2147483647 [enum:reverse]",
  },
  "virtual_server>real_server>DNS_CHECK": {
    // oracle: `Unknown DNS check type PTR - ignoring`; the type is read without regard to case
    type: "enum:A|NS|CNAME|SOA|MX|TXT|AAAA|a|ns|cname|soa|mx|txt|aaaa",
  },
  "virtual_server>real_server>BFD_CHECK": {
    // oracle: `BFD_CHECK - No or too many names specified`
    name: "string",
    alpha: "[bool]",
  },
};

/** Blocks that take their keywords' arguments from another block (SMTP_CHECK's `host` repeats the connection keywords). */
export const ARGS_FROM = {
  "virtual_server>real_server>SMTP_CHECK>host": "virtual_server>real_server>SMTP_CHECK",
};

// ---- versions ------------------------------------------------------------------------------------
//
// `deprecated`/`removed` are the first version known to warn/refuse; "2.2" means "already at 2.2.7,
// the oldest version lblint knows". `replacement` alone (no `deprecated`) marks an undocumented
// alias: keepalived accepts it silently, the documented name is preferred.

/**
 * Keywords HEAD has and 2.2.7 lacks that keepalived 2.3.3 (Debian trixie; `keepalived23`, see
 * reference/README.md) already knows: known from 2.3. Measured by scripts/oracle/keepalived23-keywords.mjs
 * (each keyword alone in a minimal block of its kind: 2.2.7 answers "Unknown keyword", 2.3.3 does not).
 * The other HEAD-only keywords (`auth_hmac` and its block, `set_supplementary_groups`,
 * `vrrp_delay_after_boot`, `sni_name`, HTTP_GET's `tls_compliant`) are unknown to 2.3.3 too and stay
 * known from 2.4.
 */
const SINCE_2_3 = {
  bfd_instance: ["multihop"],
  global_defs: [
    "dbus_no_interface_name", "iproute_etc_dir", "iproute_usr_dir", "json_dump_file", "json_version",
    "snmp_rs_stats_update_interval", "snmp_vs_stats_update_interval", "state_dump_file", "stats_dump_file",
    "use_symlink_paths", "v3_checksum_as_v2", "vrrp_owner_ignore_adverts",
  ],
  "virtual_server>real_server>SSL_GET": ["tls_compliant"],
  "virtual_server>real_server>SSL_GET>url": ["tls_compliant"],
  vrrp_instance: ["no_virtual_ipaddress", "owner_ignore_adverts", "thread_timer_expired", "timer_expired_backup", "v3_checksum_as_v2"],
};
/** From 2.3 on and deprecated at once: keepalived 2.3.3 says "thread_timer_expired - please replace with keyword 'timer_expired_backup'". */
const DEPRECATED_2_3 = { vrrp_instance: { thread_timer_expired: "timer_expired_backup" } };

const AVAILABILITY_BY_HAND = {
  "virtual_server>real_server>HTTP_GET": {
    // oracle: `nb_get_retry is deprecated - please use 'retry'` (still registered in HEAD).
    // In TCP_CHECK, MISC_CHECK, … it was never a keyword: `Unknown keyword 'nb_get_retry'`.
    nb_get_retry: { deprecated: "2.2", replacement: "retry" },
  },
  "virtual_server>real_server>SSL_GET": {
    nb_get_retry: { deprecated: "2.2", replacement: "retry" },
  },
  vrrp_instance: {
    // oracle: `(VI_1) Specifying lvs_sync_daemon_interface against a vrrp is deprecated. Please use global lvs_sync_daemon`
    lvs_sync_daemon_interface: { deprecated: "2.2", replacement: "lvs_sync_daemon" },
    // oracle: `Keyword "vmac_garp_intvl" is deprecated - please use "garp_extra_if"`
    vmac_garp_intvl: { deprecated: "2.2", replacement: "garp_extra_if" },
    // oracle: `'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block`
    linkbeat_use_polling: { deprecated: "2.2", replacement: "linkbeat_interfaces" },
    // man page: deprecated (the addresses decide the family); oracle: accepted silently
    native_ipv6: { deprecated: "2.2" },
  },
  global_defs: {
    // oracle: `Keyword "vrrp_vmac_garp_intvl" is deprecated - please use "vrrp_garp_extra_if"`
    vrrp_vmac_garp_intvl: { deprecated: "2.2", replacement: "vrrp_garp_extra_if" },
    // undocumented aliases, accepted silently (oracle)
    lvs_flush_onstop: { replacement: "lvs_flush_on_stop" },
    bfd_rlimit_rtime: { replacement: "bfd_rlimit_rttime" },
    checker_rlimit_rtime: { replacement: "checker_rlimit_rttime" },
    vrrp_rlimit_rtime: { replacement: "vrrp_rlimit_rttime" },
    enable_snmp_keepalived: { replacement: "enable_snmp_vrrp" },
    lvs_process_name: { replacement: "checker_process_name" },
  },
  vrrp_sync_group: {
    // oracle: `(G) global_tracking is deprecated. Use track_interface/script/file on the sync group`
    global_tracking: { deprecated: "2.2", replacement: "track_interface, track_script or track_file" },
  },
  top: {
    // man page: an older, deprecated name of track_file; oracle: accepted silently
    vrrp_track_file: { deprecated: "2.2", replacement: "track_file" },
  },
  virtual_server: {
    // lvs_method / lvs_sched are the documented names; oracle: the old ones are accepted silently
    // by 2.2.7 (no deprecation message) and HEAD still registers them.
    lb_kind: { replacement: "lvs_method" },
    lb_algo: { replacement: "lvs_sched" },
  },
};

export const AVAILABILITY = structuredClone(AVAILABILITY_BY_HAND);
for (const [id, names] of Object.entries(SINCE_2_3)) {
  for (const name of names) (AVAILABILITY[id] ??= {})[name] = { since: "2.3", ...(DEPRECATED_2_3[id]?.[name] ? { deprecated: "2.3", replacement: DEPRECATED_2_3[id][name] } : {}) };
}

/**
 * Keywords keepalived no longer knows but configurations copied from 1.x still carry; kept so that a
 * lookup can name the replacement. oracle: `Unknown keyword 'X'` in 2.2.7 (corpus: lvs_id ×2, nat_mask ×5).
 */
export const REMOVED_KEYWORDS = {
  global_defs: {
    lvs_id: { availability: { removed: "2.2", replacement: "router_id" }, args: "string" },
  },
  virtual_server: {
    // the NAT netmask of keepalived 1.x; IPVS has no such setting any more
    nat_mask: { availability: { removed: "2.2" }, args: "string" },
  },
};

/** Undocumented names: the documented keyword whose man-page entry describes them. */
export const DOC_ALIASES = {
  global_defs: {
    lvs_flush_onstop: "lvs_flush_on_stop", bfd_rlimit_rtime: "bfd_rlimit_rttime", checker_rlimit_rtime: "checker_rlimit_rttime",
    vrrp_rlimit_rtime: "vrrp_rlimit_rttime", enable_snmp_keepalived: "enable_snmp_vrrp", lvs_process_name: "checker_process_name",
    vrrp_vmac_garp_intvl: "vrrp_garp_extra_if",
  },
  vrrp_instance: { vmac_garp_intvl: "garp_extra_if", lvs_sync_daemon_interface: "lvs_sync_daemon" },
  virtual_server: { lb_kind: "lvs_method", lb_algo: "lvs_sched" },
  bfd_instance: { neighbour_ip: "neighbor_ip" },
  top: { vrrp_track_file: "track_file" },
  "virtual_server>real_server>HTTP_GET": { nb_get_retry: "retry", enable_sni: "enable_sni", virtualhost: "virtualhost" },
  "virtual_server>real_server>SSL_GET": { nb_get_retry: "retry", virtualhost: "virtualhost" },
};

// ---- summaries (lblint's own words) --------------------------------------------------------------

export const SUMMARIES = {
  "*": {
    include: "Reads another file (or every file a glob matches) here; relative paths start at the including file's directory; a missing file is no error.",
    notify: "Program run on every state change, with the kind (GROUP/INSTANCE), the name, the new state and the priority appended; quote it if it has parameters.",
    notify_master: "Program run when this becomes MASTER; quote it when it has parameters, since an unquoted second word is taken as the user to run it as.",
    notify_backup: "Program run when this becomes BACKUP; quote it when it has parameters, since an unquoted second word is taken as the user to run it as.",
    notify_fault: "Program run when this enters the FAULT state; quote it when it has parameters.",
    notify_stop: "Program run when VRRP stops; quote it when it has parameters.",
    smtp_alert: "Send an e-mail (to the global_defs notification_email addresses) on state changes.",
    delay_loop: "Seconds between two health checks.",
    connect_timeout: "Seconds to wait for the health-check connection.",
    retry: "How many more times a failed check is repeated before the real server is marked down.",
    delay_before_retry: "Seconds to wait before repeating a failed check.",
    connect_port: "Port the health check connects to, when it is not the real server's port.",
    script: "The program to run, with its parameters inside one pair of double quotes; words after an unquoted path are ignored.",
  },
  top: {
    global_defs: "Settings that apply to the whole keepalived process: notification e-mail, router id, VRRP defaults, firewall use.",
    vrrp_instance: "One VRRP virtual router: the interface it runs on, its id, priority and the addresses that move to the master.",
    vrrp_script: "A check program whose exit status can put VRRP instances that track it in FAULT or change their priority.",
    vrrp_sync_group: "VRRP instances that change state together.",
    virtual_server: "An IPVS (LVS) service: an address and port (or fwmark/group) balanced over real servers.",
    virtual_server_group: "A set of addresses, address ranges and fwmarks that virtual servers can share with `virtual_server group NAME`.",
    static_ipaddress: "Addresses keepalived configures on start whatever the VRRP state.",
  },
  global_defs: {
    router_id: "A name for this machine, used in notification e-mails (defaults to the host name).",
    notification_email: "Addresses that receive keepalived's alert e-mails.",
    notification_email_from: "Sender address of keepalived's alert e-mails.",
    smtp_server: "Mail server for alert e-mails, with an optional port.",
    vrrp_strict: "Apply the VRRP RFCs strictly: no authentication, no unicast peers, and the virtual addresses are filtered unless `accept` is set.",
    enable_script_security: "Refuse to run scripts as root when a non-root user could change them.",
    script_user: "User (and group) that scripts run as by default.",
  },
  vrrp_instance: {
    state: "Initial state, MASTER or BACKUP (upper case); the priorities decide after start-up.",
    interface: "Network interface VRRP adverts are sent and received on.",
    virtual_router_id: "VRRP router id, 1 to 255; must be the same on all peers of this instance and unique on the network segment.",
    priority: "Election priority, 1 to 255; the highest wins and 255 means the address owner.",
    advert_int: "Seconds between VRRP adverts (fractions allowed with VRRP version 3).",
    authentication: "VRRPv2 authentication (PASS or AH); not allowed with vrrp_strict or VRRP version 3.",
    virtual_ipaddress: "The addresses the master holds: one address per line, each followed by its options.",
    unicast_peer: "Peer addresses to send adverts to by unicast instead of multicast, one per line.",
    unicast_src_ip: "Source address of unicast adverts.",
    track_script: "vrrp_script names this instance follows, one per line, each with an optional weight.",
    track_interface: "Interfaces whose failure puts this instance in FAULT (or changes its priority with a weight), one per line.",
    nopreempt: "Do not take the master role back from a lower-priority master; needs `state BACKUP`.",
    preempt_delay: "Seconds to wait before preempting a lower-priority master after start-up.",
  },
  "vrrp_instance>authentication": {
    auth_type: "PASS (plain password) or AH (IPsec AH).",
    auth_pass: "The password; only its first 8 characters are used.",
  },
  vrrp_script: {
    interval: "Seconds between two runs of the script.",
    weight: "Priority change while the script succeeds (positive) or fails (negative); 0 puts the instance in FAULT on failure.",
    fall: "Failures in a row before the script counts as failed.",
    rise: "Successes in a row before the script counts as succeeding again.",
  },
  virtual_server: {
    lvs_sched: "IPVS scheduler: rr, wrr, lc, wlc, …",
    lb_algo: "Older name of lvs_sched.",
    lvs_method: "IPVS forwarding method: NAT, DR or TUN.",
    lb_kind: "Older name of lvs_method.",
    protocol: "TCP, UDP or SCTP; without it keepalived assumes UDP.",
    persistence_timeout: "Seconds a client keeps going to the same real server.",
    real_server: "One backend server of this virtual server, with its weight and health checks.",
    sorry_server: "Server used when no real server is up.",
  },
  "virtual_server>real_server": {
    weight: "IPVS weight of this real server.",
    TCP_CHECK: "Health check that only opens a TCP connection.",
    HTTP_GET: "Health check that fetches URLs over HTTP and checks the status code or digest.",
    SSL_GET: "Health check that fetches URLs over HTTPS.",
    MISC_CHECK: "Health check that runs a program.",
  },
};
