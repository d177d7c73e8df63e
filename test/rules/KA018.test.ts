import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, lintText } from "./harness.js";

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

  it("does not say 'as root' when every script runs as another user (the violation is reported all the same)", () => {
    const own = expectKeepalived("KA018", 'vrrp_script chk {\n  «script» "/bin/true"\n  user nobody\n}\n');
    expect(own[0]!.message).toBe("this script runs without 'enable_script_security' in global_defs; keepalived -t reports a security violation");
    const global = expectKeepalived("KA018", 'global_defs {\n  script_user nobody\n}\nvrrp_instance VI_1 {\n  «notify_master» "/etc/keepalived/master.sh"\n}\n');
    expect(global[0]!.message).not.toContain("as root");
    const root = expectKeepalived("KA018", 'global_defs {\n  script_user root\n}\nvrrp_instance VI_1 {\n  «notify_master» "/etc/keepalived/master.sh"\n}\n');
    expect(root[0]!.message).toContain("runs as root");
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

describe("KA018 suggestions", () => {
  const suggested = (text: string) =>
    lintText("keepalived", text)
      .filter((p) => p.ruleId === "KA018")
      .flatMap((p) => p.suggestions ?? [])
      .map((s) => [s.description, applyEdits(text, s.edits)]);
  const script = 'vrrp_script chk {\n    script "/usr/bin/true"\n}\n';

  it("adds enable_script_security (and script_user root) to global_defs, or a global_defs before the first block", () => {
    expect(suggested(`global_defs {  # g\n\trouter_id lb1\n}\n${script}`)).toEqual([
      ["add 'enable_script_security' and 'script_user root' to global_defs", `global_defs {  # g\n\tenable_script_security\n\tscript_user root\n\trouter_id lb1\n}\n${script}`],
    ]);
    expect(suggested(`global_defs {\n    script_user nobody\n}\n${script}`)).toEqual([
      ["add 'enable_script_security' to global_defs", `global_defs {\n    enable_script_security\n    script_user nobody\n}\n${script}`],
    ]);
    expect(suggested(`! keepalived\n${script}`)).toEqual([
      ["add 'enable_script_security' and 'script_user root' to global_defs", `! keepalived\nglobal_defs {\n    enable_script_security\n    script_user root\n}\n\n${script}`],
    ]);
  });

  it("offers nothing where the lines cannot go in after the global_defs header", () => {
    expect(suggested(`global_defs { router_id lb1 }\n${script}`)).toEqual([]);
    expect(suggested(`global_defs\n{\n    router_id lb1\n}\n${script}`)).toEqual([]);
  });
});
