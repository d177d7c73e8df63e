import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

// keepalived 2.2.7 splits `notify_master"/bin/x.sh"` at the quote when it looks the keyword up, but its
// script reader reads the line again and joins the two: `notify_backup"/bin/true"` is "Configuration line
// starting `notify_backup/bin/true` is missing a parameter", `script"/bin/true"` is "No script set for
// vrrp_script chk - removing", and `script"/bin/true" x` runs `x`.
describe("KA003 a command glued to its keyword by a quote", () => {
  it("reports a quoted command with no blank after its keyword, with or without words after it", () => {
    const found = expectKeepalived(
      "KA003",
      `vrrp_script chk {
    «script"/usr/local/bin/check.sh"» x
    interval 2
}
vrrp_instance V {
    interface eth0
    virtual_router_id 51
    priority 100
    «notify_backup"/etc/keepalived/notify.sh BACKUP"»
    notify_master "/etc/keepalived/notify.sh MASTER"
    track_script {
        chk
    }
}
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      `keepalived's script reader takes 'script"/usr/local/bin/check.sh"' for one word, 'script/usr/local/bin/check.sh', and runs 'x' instead; put a blank before the quote`,
      `keepalived's script reader takes 'notify_backup"/etc/keepalived/notify.sh BACKUP"' for one word, 'notify_backup/etc/keepalived/notify.sh BACKUP', so 'notify_backup' has no command (keepalived -t reports it); put a blank before the quote`,
    ]);
    expect(found[1]!.fix?.edits).toEqual([{ start: expect.any(Number), end: expect.any(Number), newText: " " }]);
  });

  it("leaves a value glued to a keyword that is no command, which keepalived splits at the quote", () => {
    expectKeepalived("KA003", `vrrp_instance V {\n    interface eth0\n    virtual_router_id 51\n    priority"100"\n}\n`);
  });

  it("leaves KA007 out of it: the words keepalived drops are other ones", () => {
    expectKeepalived("KA007", `vrrp_script chk {\n    script"/usr/local/bin/check.sh" x\n    interval 2\n}\n`);
  });
});
