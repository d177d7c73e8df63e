// Found by the sweeps against keepalived 2.3.3 (docs/agreement.md, "keepalived 2.3.3 as an oracle";
// scripts/oracle/keepalived23-*.mjs): what a 2.3 target (and 2.4, lblint's default) reads otherwise than 2.2.
import { describe, expect, it } from "vitest";
import { expectKeepalived, lintText } from "./harness.js";

const instance = (line: string): string =>
  `vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n  ${line}\n}\n`;

describe("KA009 newer-keyword: keywords keepalived 2.3.3 already knows", () => {
  it("takes them from a 2.3 target on", () => {
    // measured on 2.3.3: each alone in its block is no "Unknown keyword" (2.2.7 reports every one)
    const text =
      "global_defs {\n  json_version 2\n  use_symlink_paths\n  vrrp_owner_ignore_adverts\n  dbus_no_interface_name x\n  state_dump_file /tmp/state\n}\n" +
      instance("timer_expired_backup 200\n  no_virtual_ipaddress\n  owner_ignore_adverts") +
      "bfd_instance B {\n  neighbor_ip 10.0.0.9\n  multihop\n}\n";
    for (const keepalivedVersion of ["2.3", "2.4"] as const) expectKeepalived("KA009", text, { keepalivedVersion });
    expect(lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === "KA009")).toHaveLength(9);
  });

  it("still reports at 2.3 what 2.3.3 does not know", () => {
    // measured on 2.3.3: "Unknown keyword 'vrrp_delay_after_boot'", likewise `sni_name` and `auth_hmac`
    const [found] = expectKeepalived("KA009", "global_defs {\n  «vrrp_delay_after_boot» 30\n}\n", { keepalivedVersion: "2.3" });
    expect(found!.message).toBe("'vrrp_delay_after_boot' is not in keepalived 2.3; lblint knows it from 2.4 on (set keepalivedVersion if this file is for a newer keepalived)");
  });
});

describe("KA005 deprecated-keyword: thread_timer_expired", () => {
  it("warns from 2.3, as keepalived 2.3.3 does", () => {
    // measured on 2.3.3: "(VI_1) thread_timer_expired - please replace with keyword 'timer_expired_backup'"
    const [found] = expectKeepalived("KA005", instance("«thread_timer_expired»"), { keepalivedVersion: "2.3" });
    expect(found!.severity).toBe("warning");
    expect(found!.message).toBe("'thread_timer_expired' is deprecated since keepalived 2.3; use 'timer_expired_backup' instead");
  });
});

describe("KA003 invalid-arguments: values of the keywords 2.3 added", () => {
  it("holds them to what keepalived 2.3.3 takes", () => {
    // measured on 2.3.3: "timer_expired_backup highest_other_priority not valid! must be between 1 & 254",
    // "number '0' outside range [0.001000, 30.000000]" for the SNMP intervals, "Invalid value … for global
    // TRUE specified", "invalid owner_ignore_adverts TRUE specified"
    expectKeepalived("KA003", instance("timer_expired_backup «255»"), { keepalivedVersion: "2.3" });
    expectKeepalived("KA003", instance("owner_ignore_adverts «TRUE»"), { keepalivedVersion: "2.3" });
    expectKeepalived("KA003", "global_defs {\n  snmp_vs_stats_update_interval «0»\n  snmp_rs_stats_update_interval «31»\n  vrrp_owner_ignore_adverts «x»\n}\n", { keepalivedVersion: "2.3" });
  });

  it("accepts what keepalived 2.3.3 accepts without a word", () => {
    // measured on 2.3.3: quiet on each
    expectKeepalived("KA003", "global_defs {\n  snmp_vs_stats_update_interval 0.5\n  snmp_rs_stats_update_interval 30\n  v3_checksum_as_v2 0\n  vrrp_owner_ignore_adverts off\n}\n", { keepalivedVersion: "2.3" });
    expectKeepalived("KA003", instance("timer_expired_backup\n  owner_ignore_adverts on"), { keepalivedVersion: "2.3" });
  });

  it("says that keepalived carries on without the value of a 2.3 path keyword", () => {
    // measured on 2.3.3: "json_dump_file requires a non-empty path", and the file is read on
    const [found] = expectKeepalived("KA003", "global_defs {\n  «json_dump_file»\n}\n", { keepalivedVersion: "2.3" });
    expect(found!.message).toContain("keepalived reports it and skips the line");
  });

  it("reads a vrrp_script timeout in fractions of a second from 2.3", () => {
    // measured: 2.2.7 "vrrp script timeout '1.5' invalid - ignoring"; 2.3.3 quiet on 0.5, .5 and 4294,
    // "outside range [0.000, 4294.000]" on 4294.5
    const script = (value: string): string => `vrrp_script S {\n  script "/bin/true"\n  interval 10\n  timeout ${value}\n}\n`;
    expectKeepalived("KA003", script("0.5"), { keepalivedVersion: "2.3" });
    expectKeepalived("KA003", script(".5"), { keepalivedVersion: "2.4" });
    expectKeepalived("KA003", script("«4294.5»"), { keepalivedVersion: "2.3" });
    expectKeepalived("KA003", script("«0.5»"), { keepalivedVersion: "2.2" });
  });

  it("holds a virtual server's weight to 1..2147483647", () => {
    // measured on 2.2.7 and 2.3.3 alike: "Virtual server weight 0 is outside range 1-2147483647"
    const text = (value: string): string => `virtual_server 10.0.0.1 80 {\n  protocol TCP\n  weight ${value}\n  real_server 10.0.0.2 80 {\n  }\n}\n`;
    expectKeepalived("KA003", text("«0»"), { keepalivedVersion: "2.2" });
    expectKeepalived("KA003", text("«1.5»"), { keepalivedVersion: "2.3" });
    expectKeepalived("KA003", text("2147483647"), { keepalivedVersion: "2.3" });
  });
});

describe("KA010 undefined-variable: the predefined names at 2.3", () => {
  it("reports an unknown ${_NAME} at 2.3 and 2.4, as at 2.2", () => {
    // measured on 2.3.3: `${_SHIFT}` and `${_ENV}` are left as written ("Unexpected '{'", "Unknown keyword '_ENV'")
    const text = 'vrrp_script chk {\n  script "/bin/true"\n  user «${_PWDD}»\n}\n';
    const [found] = expectKeepalived("KA010", text, { keepalivedVersion: "2.3" });
    expect(found!.message).toBe("'${_PWDD}' is not one of keepalived's predefined definitions; did you mean '${_PWD}'?");
    expectKeepalived("KA010", text, { keepalivedVersion: "2.4" });
    expectKeepalived("KA010", 'vrrp_script chk {\n  script "/bin/true"\n  user «${_ENV}»\n}\n', { keepalivedVersion: "2.3" });
  });
});

describe("KA044 route-without-interface: keepalived 2.3.3 is quiet", () => {
  it("reports nothing from a 2.3 target on", () => {
    // measured: 2.2.7 "Warning - cannot track route 10.1.0.0/16 with no interface specified"; 2.3.3 exits 0
    const text = instance("virtual_routes {\n    10.1.0.0/16 via 10.0.0.254\n  }");
    expectKeepalived("KA044", text, { keepalivedVersion: "2.3" });
    expectKeepalived("KA044", text, { keepalivedVersion: "2.4" });
    expect(lintText("keepalived", text, { keepalivedVersion: "2.2" }).filter((p) => p.ruleId === "KA044")).toHaveLength(1);
  });
});
