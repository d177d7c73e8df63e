import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA018 script-security", () => {
  it("accepts scripts with enable_script_security and script_user, and files without scripts", () => {
    expectKeepalived(
      "KA018",
      'global_defs {\n  enable_script_security\n  script_user keepalived_script\n}\nvrrp_script chk {\n  script "/usr/bin/killall -0 haproxy"\n}\nvrrp_instance VI_1 {\n  notify_master "/etc/keepalived/master.sh"\n}\n',
    );
    expectKeepalived("KA018", "vrrp_instance VI_1 {\n  virtual_router_id 51\n}\n");
  });

  it("reports scripts that run without enable_script_security, once, at the first script", () => {
    const found = expectKeepalived(
      "KA018",
      'vrrp_script chk {\n  «script» "/usr/bin/killall -0 haproxy"\n}\nvrrp_instance VI_1 {\n  notify_master "/etc/keepalived/master.sh"\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path "/bin/true"\n    }\n  }\n}\n',
    );
    expect(found[0]!.message).toBe(
      "this and 2 other scripts run as root without 'enable_script_security' in global_defs; keepalived -t reports a security violation",
    );
    expect(found[0]!.related).toHaveLength(2);
  });

  it("advises script_user when scripts have no user of their own", () => {
    const found = expectKeepalived("KA018", 'global_defs {\n  «enable_script_security»\n}\nvrrp_instance VI_1 {\n  notify_master "/etc/keepalived/master.sh"\n}\n');
    expect(found[0]!.severity).toBe("info");
    expectKeepalived(
      "KA018",
      'global_defs {\n  enable_script_security\n}\nvrrp_script chk {\n  script "/bin/true"\n  user nobody\n}\nvrrp_instance VI_1 {\n  notify_master "/etc/keepalived/master.sh" nobody\n}\n',
    );
  });

  it("stays quiet when an include it cannot follow may hold global_defs", () => {
    expectKeepalived("KA018", 'include /etc/keepalived/global.conf\nvrrp_script chk {\n  script "/bin/true"\n}\n');
  });
});
