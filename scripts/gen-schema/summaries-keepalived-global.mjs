// Hover text for the keepalived keywords of global_defs and of the top level that
// summaries-keepalived.mjs leaves out: process tuning, notification scripts, SNMP, D-Bus,
// nftables, reloads and state dumps. In lblint's own words.

/** The three child processes and what each does, for the per-process settings. */
const PROCESSES = { vrrp: "VRRP", checker: "health-checker", bfd: "BFD" };

const perProcess = Object.fromEntries(
  Object.entries(PROCESSES).flatMap(([process, label]) => [
    [`${process}_cpu_affinity`, `CPUs (ids as in /proc/cpuinfo) the ${label} process may run on.`],
    [`${process}_priority`, `Scheduling priority (nice value, -20 to 19) of the ${label} process.`],
    [`${process}_no_swap`, `Lock the ${label} process in memory so that it is never swapped out.`],
    [`${process}_rt_priority`, `Run the ${label} process with real-time scheduling at this priority (1 to 99).`],
    [`${process}_rlimit_rttime`, `CPU time in microseconds the ${label} process may use between blocking calls when real-time (guards against a runaway).`],
    [`${process}_rlimit_rtime`, `Misspelt old name of \`${process}_rlimit_rttime\`.`],
    [`${process}_process_name`, `Name the ${label} process shows in ps and top.`],
  ]),
);

/** Netlink and process-monitor socket buffers: the size, and whether it may exceed the system's maximum. */
const buffers = Object.fromEntries(
  [
    ["vrrp_netlink_cmd_rcv_bufs", "the VRRP process's netlink command socket"],
    ["vrrp_netlink_monitor_rcv_bufs", "the VRRP process's netlink monitor socket"],
    ["lvs_netlink_cmd_rcv_bufs", "the checker process's netlink command socket"],
    ["lvs_netlink_monitor_rcv_bufs", "the checker process's netlink monitor socket"],
    ["process_monitor_rcv_bufs", "the socket that watches processes for vrrp_track_process"],
  ].flatMap(([name, what]) => [
    [name, `Receive buffer size in bytes of ${what}; raise it for large configurations.`],
    [`${name}_force`, `Let the buffer of \`${name}\` exceed the system's rmem_max (SO_RCVBUFFORCE).`],
  ]),
);

/** nftables settings: keepalived's own table for VRRP and IPVS rules. */
const nftables = {
  nftables_priority: "Priority of the chains keepalived adds to its nftables table.",
  nftables_ifindex: "Match interfaces by index rather than by name in the nftables rules.",
  nftables_counters: "Add counters to the nftables rules keepalived creates.",
  nftables_ipvs: "Use nftables (in this table) to set fwmarks for the virtual servers of groups given by address ranges.",
  nftables_ipvs_priority: "Priority of the nftables chains that set the virtual servers' fwmarks.",
  nftables_ipvs_start_fwmark: "First fwmark keepalived gives the virtual server groups in nftables (1000 by default).",
};

export const GLOBAL_SUMMARIES = {
  global_defs: {
    ...perProcess,
    ...buffers,
    ...nftables,
    process_name: "Name the main keepalived process shows in ps and top.",
    min_auto_priority_delay: "Scheduling delay, in microseconds, past which keepalived raises its own priority (see `max_auto_priority`).",
    // notification
    notify_fifo_script: "Program that reads the notify FIFO (its name is passed as the last argument).",
    vrrp_notify_fifo_script: "Program that reads the VRRP notify FIFO (its name is passed as the last argument).",
    lvs_notify_fifo_script: "Program that reads the health-checker notify FIFO (its name is passed as the last argument).",
    vrrp_notify_priority_changes: "Write instance priority changes to the notify FIFOs too.",
    fifo_write_vrrp_states_on_reload: "Write the instances' and groups' states to the FIFOs again after a reload.",
    rs_init_notifies: "Run the real servers' notify programs for their state at start-up too.",
    no_checker_emails: "Send no e-mail when a real server's check changes state, only when it is added or removed.",
    no_email_faults: "Send no e-mail alert for FAULT states.",
    checker_log_all_failures: "Log every failed real server check, not only the one that marks it down.",
    startup_script_timeout: "Seconds `startup_script` may run (1 to 1000).",
    shutdown_script_timeout: "Seconds `shutdown_script` may run (1 to 1000).",
    set_supplementary_groups: "Give the scripts keepalived runs the supplementary groups of their user.",
    use_symlink_paths: "Keep symbolic links in script paths instead of resolving them.",
    // SNMP and D-Bus
    enable_snmp_rfcv2: "Expose VRRP state over SNMP with the RFC 2787 (VRRPv2) MIB.",
    enable_snmp_rfcv3: "Expose VRRP state over SNMP with the RFC 6527 (VRRPv3) MIB.",
    enable_snmp_keepalived: "Old name of `enable_snmp_vrrp`: VRRP state over SNMP with keepalived's MIB.",
    snmp_socket: "Socket of the SNMP master agent keepalived connects to (AgentX; unix:/var/agentx/master by default).",
    snmp_vs_stats_update_interval: "Seconds between refreshes of the virtual server statistics SNMP reports.",
    snmp_rs_stats_update_interval: "Seconds between refreshes of the real server statistics SNMP reports.",
    dbus_service_name: "D-Bus service name, to run several keepalived processes with D-Bus (org.keepalived.Vrrp1 by default).",
    dbus_no_interface_name: "Word used in D-Bus paths for an instance with no interface (`none` by default).",
    // VRRP defaults
    vrrp_garp_lower_prio_delay: "Default for the instances' `garp_lower_prio_delay`.",
    vrrp_garp_lower_prio_repeat: "Default for the instances' `garp_lower_prio_repeat`.",
    vrrp_garp_master_refresh_repeat: "Default for the instances' `garp_master_refresh_repeat`.",
    vrrp_garp_extra_if: "Seconds between gratuitous ARPs on the extra interfaces of VMACs (or all, with `all`) while master.",
    vrrp_vmac_garp_intvl: "Old name of `vrrp_garp_extra_if`.",
    vrrp_min_garp: "Send a single gratuitous ARP on becoming master, with no second round.",
    vrrp_down_timer_adverts: "Default for the instances' `down_timer_adverts`.",
    vrrp_owner_ignore_adverts: "Default for the instances' `owner_ignore_adverts`.",
    v3_checksum_as_v2: "Default for the instances' `v3_checksum_as_v2`.",
    vrrp_delay_after_boot: "Keep VRRP from starting until this many seconds after the system booted.",
    vrrp_rx_bufs_policy: "How the receive buffers of the VRRP sockets are sized: by MTU, by advert size, or a number of bytes.",
    vrrp_rx_bufs_multiplier: "Multiplier used by `vrrp_rx_bufs_policy` MTU or ADVERT (3 by default).",
    log_unknown_vrids: "Log adverts received for VRIDs no instance uses on that interface.",
    disable_local_igmp: "Turn off IGMP reports for the VRRP multicast group on the interfaces (sets the sysctl).",
    vmac_addr_prefix: "Prefix of the names of the VMAC interfaces made for virtual addresses on other interfaces.",
    // IPVS
    lvs_flush_onstop: "Old name of `lvs_flush_on_stop`.",
    lvs_process_name: "Old name of `checker_process_name`.",
    // reloads, files, instances
    config_save_dir: "Directory where keepalived saves its configuration and state around each reload, for debugging.",
    tmp_config_directory: "Directory for the temporary copy of the configuration that child processes read on reload.",
    reload_check_config: "Check a new configuration before reloading it and keep the old one if it is wrong (log to a file if given).",
    reload_file: "File that, while present, marks a reload in progress; keepalived deletes it when the configuration is read.",
    reload_time_file: "File holding a date and time at which keepalived reloads itself.",
    reload_repeat: "Reload again at the same time every day (with `reload_time_file`).",
    data_use_instance: "Put the instance name and namespace in the names of the .data dump files.",
    state_dump_file: "File the state dump (SIGUSR1) is written to.",
    stats_dump_file: "File the statistics dump (SIGUSR2) is written to.",
    json_dump_file: "File the JSON state dump (SIGJSON) is written to.",
    json_version: "Layout of the JSON dump: 1, or 2 (named arrays, with tracked processes).",
    iproute_etc_dir: "Directory of iproute2's local tables (rt_tables…), when not /etc/iproute2.",
    iproute_usr_dir: "Directory of iproute2's default tables, when not /usr/share/iproute2.",
    include_check: "Which missing or unreadable include files are errors (`readable`, `match`, `wildcard_match`, `brace_match`; all if none).",
    random_seed: "Seed of `${_RANDOM}`, so that a configuration using it reads the same each time.",
  },
  top: {
    SSL: "TLS client settings (CA, certificate, key) of the SSL_GET checks.",
    bfd_instance: "A BFD session with a neighbour, which VRRP instances and checks can follow.",
    child_wait_time: "Seconds the main process waits for its children to exit on shut-down (5 by default).",
    garp_group: "Gratuitous ARP and NA intervals for a set of interfaces.",
    instance: "Name of this keepalived instance, used in its pid and data file names when several run in one namespace.",
    interface_up_down_delays: "Per interface, seconds a link change must last before VRRP instances react to it, against bouncing links.",
    linkbeat_interfaces: "Interfaces whose link state is polled (ETHTOOL, MII, ioctl) rather than read from netlink.",
    linkbeat_use_polling: "Poll every interface's link state instead of following netlink.",
    namespace_with_ipsets: "Allow ipsets in a network namespace on kernels older than 3.13.",
    net_namespace: "Network namespace keepalived runs in.",
    net_namespace_ipvs: "Network namespace the IPVS configuration goes in (the default namespace without a name).",
    static_routes: "Routes keepalived adds at start-up whatever the VRRP state, one per line.",
    static_rules: "Policy routing rules keepalived adds at start-up whatever the VRRP state, one per line.",
    track_file: "A file holding a number that instances following it add (times a weight) to their priority.",
    vrrp_track_file: "Old name of `track_file`.",
    track_group: "Named list of VRRP instances for static addresses, routes and rules to name: if such an item is deleted, they go to BACKUP.",
    use_pid_dir: "Put the pid files in keepalived's own run directory.",
    vrrp_track_process: "A process (or several) whose presence VRRP instances follow.",
  },
};
