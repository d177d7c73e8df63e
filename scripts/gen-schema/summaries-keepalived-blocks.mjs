// Hover text for the keepalived keywords of instances, virtual servers, checkers and trackers that
// summaries-keepalived.mjs leaves out, in lblint's own words. Blocks that read alike (HTTP_GET and
// SSL_GET, their `url`, track_file and the older vrrp_track_file) share one table.

/** What a url block of HTTP_GET or SSL_GET checks. */
const url = {
  path: "Path of the URL to fetch (`/health`).",
  status_code: "HTTP statuses or ranges that count as success (200-299 by default).",
  digest: "MD5 digest the response body must have (see genhash).",
  regex: "Regular expression the response body must match.",
  regex_no_match: "Succeed when the body does not match `regex`.",
  regex_min_offset: "Offset into the body where the `regex` search starts, to skip a large prefix.",
  regex_max_offset: "Furthest offset into the body where a `regex` match may start.",
  regex_options: "PCRE2 options of `regex` (`caseless`, `multiline`…).",
  regex_stack: "Start and maximum sizes in bytes of the JIT stack for a complex `regex`.",
  tls_compliant: "Close the TLS session properly (close_notify) after this URL (SSL_GET only).",
};

/** HTTP_GET and SSL_GET. */
const httpCheck = {
  nb_get_retry: "Old name of `retry`: failed attempts before the real server counts as down.",
  enable_sni: "Send the virtual host name as SNI in the TLS handshake (SSL_GET).",
  sni_name: "Name sent as SNI instead of the virtual host name (SSL_GET).",
  tls_compliant: "Close the TLS session properly (close_notify) after each check (SSL_GET only).",
};

/** track_file and vrrp_track_file. */
const trackFile = {
  file: "File holding the number that gives the tracked value (times the weight); missing or unreadable means 0.",
  weight: "Multiplier of the file's value before it is added to the priority; `reverse` subtracts instead; 0 turns it into FAULT on a non-zero value.",
  init_file: "Write a value (0 by default) to the file at start-up when it does not exist, or always with `overwrite`.",
};

export const BLOCK_SUMMARIES = {
  // the include variants: `include` plus checks of `include_check`, wherever `include` may stand
  "*": {
    includer: "Like `include`, but a match that is not a readable file is an error (`include_check readable`).",
    includem: "Like `include`, but a name without wildcards that matches no file is an error (`include_check match`).",
    includew: "Like `include`, but a pattern matching no file is an error, wildcards or not (`include_check wildcard_match`).",
    includeb: "Like `include`, but a brace alternative matching no file is an error (`include_check brace_match`).",
    includea: "Like `include` with every `include_check` check: any missing or unreadable file is an error.",
  },
  vrrp_instance: {
    garp_extra_if: "Seconds between gratuitous ARPs on the extra interfaces of VMACs (or all, with `all`) while master (0: none).",
    vmac_garp_intvl: "Old name of `garp_extra_if`.",
    garp_lower_prio_delay: "Seconds after an advert of lower priority arrives, as master, before the second round of gratuitous ARPs.",
    garp_lower_prio_repeat: "Gratuitous ARPs sent in each round after an advert of lower priority arrives, as master.",
    garp_master_refresh_repeat: "Gratuitous ARPs sent in each refresh round while master (1 by default).",
    lvs_sync_daemon_interface: "Old form of `lvs_sync_daemon` in global_defs: the interface of the IPVS sync daemon.",
    linkbeat_use_polling: "Old form of the top-level `linkbeat_interfaces`: poll the interface's link state.",
    mcast_dst_ip: "Multicast group the instance sends its adverts to, instead of the standard one.",
    no_virtual_ipaddress: "Allow an instance with no virtual address (addresses managed elsewhere, as in a cloud); breaks VRRPv3 strictly.",
    notify_deleted: "Report DELETED instead of FAULT when a reload removes the instance, running the program if given.",
    notify_master_rx_lower_pri: "Program run when this master receives an advert of lower priority.",
    old_unicast_checksum: "Compute unicast advert checksums the way keepalived before 1.3.6 did; `never` turns off guessing it.",
    owner_ignore_adverts: "As address owner (priority 255), ignore adverts from other routers.",
    thread_timer_expired: "Undocumented companion of `timer_expired_backup`, for when keepalived's timers fired late.",
    timer_expired_backup: "With `nopreempt`, after keepalived ran late: go to BACKUP if another router may have taken over (others' top priority, 254 by default).",
    v3_checksum_as_v2: "Compute VRRPv3 checksums without the pseudo-header, as some other implementations do.",
    auth_hmac: "HMAC-SHA-256 signing of the adverts with shared keys and a time-based sequence number (replaces `authentication`).",
  },
  "vrrp_instance>auth_hmac": {
    key: "A key: its id and its secret (`hex:…`, or `file:…` to read it from a file); repeat for key rotation.",
    active_key: "Id of the key used to sign; the others are only accepted.",
    anti_replay: "Replay protection: `time` (fresh timestamps, synchronised clocks) or `monotonic` (sequence only grows).",
    mode: "`enforce` requires signed adverts; `permissive` and `receive-only` are steps of a roll-out.",
    time_window: "Seconds an advert's timestamp may be off with `anti_replay time` (1 to 300).",
  },
  vrrp_track_process: {
    process: "Command to look for, with the parameters it must have, if any.",
    param_match: "How parameters match: `initial` (the last may be longer) or `partial` (the first ones).",
    full_command: "Match against the full command line instead of the process name.",
    quorum: "Fewest matching processes for the tracker to count as up (1 by default).",
    quorum_max: "Most matching processes allowed (0: up only when none runs).",
    weight: "Priority change while the process is up (negative: while it is down); without it, a lost process means FAULT.",
    fork_delay: "Seconds to wait after the quorum is gained before counting as up, to ride out fork and exec.",
    terminate_delay: "Seconds to wait after the quorum is lost before counting as down, to ride out a restart.",
    delay: "Sets both `fork_delay` and `terminate_delay`.",
  },
  track_file: trackFile,
  vrrp_track_file: trackFile,
  track_group: {
    group: "Names of the VRRP instances of the track group, one per line.",
  },
  virtual_server: {
    "flag-1": "Scheduler flag 1 (ipvsadm `-b flag-1`): `sh-fallback` or `mh-fallback` for the hashing schedulers.",
    "flag-2": "Scheduler flag 2 (ipvsadm `-b flag-2`): `sh-port` or `mh-port` for the hashing schedulers.",
    "flag-3": "Scheduler flag 3 (ipvsadm `-b flag-3`), for schedulers that read one.",
    hashed: "Undocumented IPVS service flag that keepalived still reads.",
    nat_mask: "Netmask of NAT services in keepalived 1.x; IPVS has no such setting any more.",
    weight: "Default weight, undocumented at this level (the real servers set their own).",
  },
  "virtual_server>real_server": {
    snmp_name: "Name that identifies this real server in SNMP output.",
  },
  "virtual_server>real_server>HTTP_GET": httpCheck,
  "virtual_server>real_server>SSL_GET": httpCheck,
  "virtual_server>real_server>HTTP_GET>url": url,
  "virtual_server>real_server>SSL_GET>url": url,
  "virtual_server>real_server>SMTP_CHECK": {
    helo_name: "Name sent in the SMTP HELO (the local host name by default).",
    host: "A server to check instead of the real server, with its own address and port; repeatable.",
  },
  "virtual_server>real_server>UDP_CHECK": {
    payload: "Bytes (hex) sent in the check datagram.",
    require_reply: "Count the server as up only if it replies, and with these bytes (hex) if given.",
    min_reply_length: "Shortest reply accepted (0 by default).",
    max_reply_length: "Longest reply accepted.",
  },
  "virtual_server>real_server>FILE_CHECK": {
    track_file: "track_file whose value decides the real server's state or weight.",
    weight: "Multiplier of the file's value for the real server's weight; `reverse` subtracts; 0: a non-zero value means down.",
  },
  "virtual_server>real_server>BFD_CHECK": {
    name: "bfd_instance this check follows.",
  },
  bfd_instance: {
    neighbor_ip: "Address of the BFD neighbour.",
    neighbour_ip: "Same as `neighbor_ip`.",
    source_ip: "Local address of the BFD session.",
    min_rx: "Shortest interval between received packets this side can handle, in ms (10 by default).",
    min_tx: "Shortest interval between sent packets this side wants, in ms (10 by default).",
    idle_tx: "Interval between sent packets while the session is down, in ms (1000 by default).",
    multiplier: "Packets missed in a row before the session counts as down (5 by default).",
    passive: "Wait for the neighbour to start the session.",
    ttl: "TTL of the IPv4 packets sent (255 by default).",
    hoplimit: "Hop limit of the IPv6 packets sent (64 by default).",
    max_hops: "Most the TTL or hop limit may have dropped on arrival (0 by default; 255 turns the check off).",
    multihop: "Multihop BFD (RFC 5883, port 4784); set `max_hops` too.",
    weight: "Priority change of the VRRP instances that follow this session while it is down; without it, down means FAULT.",
    vrrp: "Tell only the VRRP process about this session's state.",
    checker: "Tell only the health-checker process about this session's state.",
  },
  garp_group: {
    garp_interval: "Delay between gratuitous ARPs on the group's interfaces, in seconds (fractions allowed).",
    gna_interval: "Delay between unsolicited neighbour adverts on the group's interfaces (IPv6).",
    interface: "The interface these intervals apply to.",
    interfaces: "The interfaces these intervals apply to, one per line.",
  },
  SSL: {
    ca: "CA file the SSL_GET checks verify servers with.",
    certificate: "Client certificate file the SSL_GET checks present.",
    key: "Private key file of that certificate.",
    password: "Password of the private key.",
  },
};
