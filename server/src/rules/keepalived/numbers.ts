// The ranges keepalived 2.2.7 holds numbers to where the manuals give none: most counts and delays
// are read as unsigned ("negative number '-5'", "outside unsigned integer range"), a few have a
// range of their own ("outside range [0.010000, 255.000000]"), often seen only with 0. Measured by
// scripts/oracle/keepalived-numbers.mjs; test/rules/KA003-oracle.test.ts asks keepalived again.
// Keys are "BLOCK KEYWORD", the block as the keyword tables name it; a range that starts with "int:"
// is a whole shape (the tables' "number" read as an integer). The delays' upper bound, past what the
// script asks, was measured by a sweep of value forms ("number '18446744073710' outside unsigned
// decimal range").
export const MEASURED_RANGES: Readonly<Record<string, string>> = {
  "bfd_instance hoplimit": "1..255",
  "bfd_instance idle_tx": "1000..4294967",
  "bfd_instance max_hops": "-1..255",
  "bfd_instance min_rx": "1..4294967",
  "bfd_instance min_tx": "1..4294967",
  "bfd_instance multiplier": "1..255",
  "bfd_instance ttl": "1..255",
  "garp_group garp_interval": "0..2147.483647",
  "garp_group gna_interval": "0..2147.483647",
  "global_defs lvs_netlink_cmd_rcv_bufs": "0..4294967295",
  "global_defs lvs_netlink_monitor_rcv_bufs": "0..4294967295",
  "global_defs min_auto_priority_delay": "1..10000000",
  "global_defs nftables_ipvs_priority": "..2147483647",
  "global_defs nftables_ipvs_start_fwmark": "1..4294967295",
  "global_defs nftables_priority": "..2147483647",
  "global_defs process_monitor_rcv_bufs": "0..4294967295",
  "global_defs random_seed": "0..4294967295",
  // Whole seconds (a sweep: "invalid number '1.5'").
  "global_defs shutdown_script_timeout": "int:1..1000",
  "global_defs startup_script_timeout": "int:1..1000",
  "global_defs vrrp_garp_lower_prio_delay": "0..4294",
  "global_defs vrrp_garp_lower_prio_repeat": "0..2147483647",
  "global_defs vrrp_garp_master_delay": "0..4294",
  "global_defs vrrp_garp_master_refresh": "0..4294967295",
  "global_defs vrrp_garp_master_refresh_repeat": "1..4294967295",
  "global_defs vrrp_garp_master_repeat": "1..4294967295",
  "global_defs vrrp_netlink_cmd_rcv_bufs": "0..4294967295",
  "global_defs vrrp_netlink_monitor_rcv_bufs": "0..4294967295",
  "global_defs vrrp_rx_bufs_multiplier": "1..4294967295",
  "global_defs vrrp_startup_delay": "0.001..4294.967295",
  "virtual_server connect_timeout": "0.000001..4294.967295",
  "virtual_server delay_before_retry": "0..18446744073709.55",
  "virtual_server delay_loop": "0.000001..18446744073709.55",
  "virtual_server hysteresis": "0..4294967295",
  "virtual_server persistence_timeout": "1..2678400",
  "virtual_server quorum": "1..4294967295",
  "virtual_server retry": "1..4294967295",
  "virtual_server warmup": "0..18446744073709.55",
  "virtual_server>real_server connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server lthreshold": "0..4294967295",
  "virtual_server>real_server retry": "1..4294967295",
  "virtual_server>real_server uthreshold": "0..4294967295",
  "virtual_server>real_server warmup": "0..18446744073709.55",
  "virtual_server>real_server>DNS_CHECK connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>DNS_CHECK delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>DNS_CHECK delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>DNS_CHECK fwmark": "0..4294967295",
  "virtual_server>real_server>DNS_CHECK retry": "0..4294967295",
  "virtual_server>real_server>DNS_CHECK warmup": "0..18446744073709.55",
  "virtual_server>real_server>HTTP_GET connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>HTTP_GET delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>HTTP_GET delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>HTTP_GET fwmark": "0..4294967295",
  "virtual_server>real_server>HTTP_GET nb_get_retry": "0..4294967295",
  "virtual_server>real_server>HTTP_GET retry": "0..4294967295",
  "virtual_server>real_server>HTTP_GET warmup": "0..18446744073709.55",
  "virtual_server>real_server>MISC_CHECK delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>MISC_CHECK delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>MISC_CHECK misc_timeout": "0..4294",
  "virtual_server>real_server>MISC_CHECK retry": "0..4294967295",
  "virtual_server>real_server>MISC_CHECK warmup": "0..18446744073709.55",
  "virtual_server>real_server>PING_CHECK connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>PING_CHECK delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>PING_CHECK delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>PING_CHECK fwmark": "0..4294967295",
  "virtual_server>real_server>PING_CHECK retry": "0..4294967295",
  "virtual_server>real_server>PING_CHECK warmup": "0..18446744073709.55",
  "virtual_server>real_server>SMTP_CHECK connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>SMTP_CHECK delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>SMTP_CHECK delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>SMTP_CHECK fwmark": "0..4294967295",
  "virtual_server>real_server>SMTP_CHECK retry": "0..4294967295",
  "virtual_server>real_server>SMTP_CHECK warmup": "0..18446744073709.55",
  "virtual_server>real_server>SMTP_CHECK>host connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>SMTP_CHECK>host delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>SMTP_CHECK>host delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>SMTP_CHECK>host fwmark": "0..4294967295",
  "virtual_server>real_server>SMTP_CHECK>host retry": "0..4294967295",
  "virtual_server>real_server>SMTP_CHECK>host warmup": "0..18446744073709.55",
  "virtual_server>real_server>SSL_GET connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>SSL_GET delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>SSL_GET delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>SSL_GET fwmark": "0..4294967295",
  "virtual_server>real_server>SSL_GET nb_get_retry": "0..4294967295",
  "virtual_server>real_server>SSL_GET retry": "0..4294967295",
  "virtual_server>real_server>SSL_GET warmup": "0..18446744073709.55",
  "virtual_server>real_server>TCP_CHECK connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>TCP_CHECK delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>TCP_CHECK delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>TCP_CHECK fwmark": "0..4294967295",
  "virtual_server>real_server>TCP_CHECK retry": "0..4294967295",
  "virtual_server>real_server>TCP_CHECK warmup": "0..18446744073709.55",
  "virtual_server>real_server>UDP_CHECK connect_timeout": "0.000001..4294.967295",
  "virtual_server>real_server>UDP_CHECK delay_before_retry": "0..18446744073709.55",
  "virtual_server>real_server>UDP_CHECK delay_loop": "0.000001..18446744073709.55",
  "virtual_server>real_server>UDP_CHECK fwmark": "0..4294967295",
  "virtual_server>real_server>UDP_CHECK max_reply_length": "0..65535",
  "virtual_server>real_server>UDP_CHECK min_reply_length": "0..65535",
  "virtual_server>real_server>UDP_CHECK retry": "0..4294967295",
  "virtual_server>real_server>UDP_CHECK warmup": "0..18446744073709.55",
  "vrrp_instance advert_int": "0.01..255",
  "vrrp_instance garp_lower_prio_delay": "0..4294",
  "vrrp_instance garp_lower_prio_repeat": "0..2147483647",
  "vrrp_instance garp_master_delay": "0..4294",
  "vrrp_instance garp_master_refresh": "0..4294967295",
  "vrrp_instance garp_master_refresh_repeat": "1..4294967295",
  "vrrp_instance garp_master_repeat": "1..4294967295",
  "vrrp_instance kernel_rx_buf_size": "0..4294967295",
  "vrrp_instance preempt_delay": "0..1000",
  "vrrp_script fall": "1..2147483647",
  "vrrp_script rise": "1..2147483647",
  "vrrp_script timeout": "1..4294",
};

/**
 * A keyword without its value: keepalived 2.2.7 reports "is missing a parameter" and exits (status 2,
 * the daemon does not start), but for the keywords below. These it takes without a word and says
 * nothing (the setting keeps its default). Measured by scripts/oracle/keepalived-missing-values.mjs;
 * test/rules/KA003-oracle.test.ts asks keepalived again.
 */
export const SILENT_WITHOUT_VALUE: ReadonlySet<string> = new Set([
  "global_defs smtp_helo_name",
  "virtual_server>real_server>MISC_CHECK misc_path",
  "vrrp_script script",
]);

/** These its own reading of the keyword reports ("routerid name missing - ignoring") and carries on. */
export const CARRIES_ON_WITHOUT_VALUE: ReadonlySet<string> = new Set([
  "global_defs bfd_cpu_affinity",
  "global_defs bfd_priority",
  "global_defs bfd_rt_priority",
  "global_defs checker_cpu_affinity",
  "global_defs checker_priority",
  "global_defs checker_rt_priority",
  "global_defs dbus_service_name",
  "global_defs default_interface",
  "global_defs lvs_netlink_cmd_rcv_bufs",
  "global_defs lvs_netlink_monitor_rcv_bufs",
  "global_defs lvs_notify_fifo",
  "global_defs lvs_notify_fifo_script",
  "global_defs lvs_sync_daemon",
  "global_defs lvs_timeouts",
  "global_defs min_auto_priority_delay",
  "global_defs notification_email_from",
  "global_defs notify_fifo",
  "global_defs notify_fifo_script",
  "global_defs process_monitor_rcv_bufs",
  "global_defs reload_time_file",
  "global_defs router_id",
  "global_defs script_user",
  "global_defs shutdown_script",
  "global_defs shutdown_script_timeout",
  "global_defs snmp_socket",
  "global_defs startup_script",
  "global_defs startup_script_timeout",
  "global_defs tmp_config_directory",
  "global_defs vrrp_cpu_affinity",
  "global_defs vrrp_garp_extra_if",
  "global_defs vrrp_netlink_cmd_rcv_bufs",
  "global_defs vrrp_netlink_monitor_rcv_bufs",
  "global_defs vrrp_notify_fifo",
  "global_defs vrrp_notify_fifo_script",
  "global_defs vrrp_priority",
  "global_defs vrrp_rt_priority",
  "global_defs vrrp_rx_bufs_multiplier",
  "global_defs vrrp_rx_bufs_policy",
  "global_defs vrrp_vmac_garp_intvl",
  "virtual_server snmp_name",
  "virtual_server sorry_server_lvs_method",
  "virtual_server virtualhost",
  "virtual_server>real_server snmp_name",
  "virtual_server>real_server virtualhost",
  "virtual_server>real_server>HTTP_GET http_protocol",
  "virtual_server>real_server>HTTP_GET virtualhost",
  "virtual_server>real_server>MISC_CHECK user",
  "virtual_server>real_server>SMTP_CHECK helo_name",
  "virtual_server>real_server>SSL_GET http_protocol",
  "virtual_server>real_server>SSL_GET virtualhost",
  "virtual_server>real_server>UDP_CHECK payload",
  "vrrp_instance garp_extra_if",
  "vrrp_instance kernel_rx_buf_size",
  "vrrp_instance vmac_garp_intvl",
]);

/**
 * Likewise for keywords keepalived 2.3 added, measured on 2.3.3 ("dbus_no_interface_name missing -
 * ignoring", "iproute_etc_dir requires path", "json_dump_file requires a non-empty path", "json_version
 * requires version"); kept apart from the 2.2.7 list, which test/rules/KA003-oracle.test.ts asks 2.2.7 again.
 */
export const CARRIES_ON_WITHOUT_VALUE_2_3: ReadonlySet<string> = new Set([
  "global_defs dbus_no_interface_name",
  "global_defs iproute_etc_dir",
  "global_defs iproute_usr_dir",
  "global_defs json_dump_file",
  "global_defs json_version",
  "global_defs state_dump_file",
  "global_defs stats_dump_file",
]);

/**
 * A block keyword without its name: keepalived 2.2.7 reports "is missing a parameter" and exits but
 * for these, which it reports ("vrrp_instance must have a name") and skips with their block, and
 * `bfd_instance`, which it takes silently. Measured by writing each block keyword of the top level
 * (and `real_server`) alone before `{`.
 */
export const SKIPPED_WITHOUT_NAME: ReadonlySet<string> = new Set(["top vrrp_instance", "top vrrp_sync_group", "top track_group"]);
export const SILENT_WITHOUT_NAME: ReadonlySet<string> = new Set(["top bfd_instance"]);

/**
 * How many decimal places keepalived keeps of a number that takes fractions ("BLOCK KEYWORD"), where it
 * is not six (measured on 2.2.7 and 2.3.3 by scripts/oracle/keepalived-decimals.mjs: every delay and
 * interval keeps six, microseconds; BFD's `min_rx` and `min_tx` three). A value with more is read
 * rounded, after "number '1.0000001' has too many decimal places". `idle_tx` takes no fraction at all.
 */
export const DECIMAL_PLACES: Readonly<Record<string, number>> = {
  "bfd_instance min_rx": 3,
  "bfd_instance min_tx": 3,
  "bfd_instance idle_tx": 0,
};

/** Decimal places of the shapes later releases read differently (invalid-arguments.ts's LATER_SHAPES): 2.3.3's vrrp_script `interval` and `timeout` keep three. */
export const LATER_DECIMAL_PLACES: Readonly<Record<string, number>> = {
  "vrrp_script interval": 3,
  "vrrp_script timeout": 3,
};
