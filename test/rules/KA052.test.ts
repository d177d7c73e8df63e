import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (inside: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n${inside}  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n`;
const globals = (inside: string) => `global_defs {\n${inside}}\n`;
const RECIPIENTS = "  notification_email {\n    ops@example.com\n  }\n";

describe("KA052 email-alerts-nowhere", () => {
  it("accepts alerts with a server and a recipient, alerts turned off, and no alerts at all", () => {
    expectKeepalived("KA052", globals(`${RECIPIENTS}  smtp_server 127.0.0.1\n`) + instance("  smtp_alert\n"));
    expectKeepalived("KA052", globals("  smtp_alert false\n") + instance("  smtp_alert no\n"));
    expectKeepalived("KA052", globals(RECIPIENTS) + instance(""));
  });

  it("reports the first alert when there is no server or no recipient", () => {
    const noServer = expectKeepalived("KA052", globals(RECIPIENTS) + instance("  «smtp_alert»\n") + instance("  smtp_alert true\n").replace("VI_1", "VI_2"));
    expect(noServer.map((p) => p.message)).toEqual([
      "email alerts are turned on, but global_defs has no smtp_server: keepalived sends no alert (1 more smtp_alert line alike)",
    ]);
    const noRecipient = expectKeepalived("KA052", globals("  smtp_server 10.0.0.9 25\n  «smtp_alert_checker»\n"));
    expect(noRecipient.map((p) => p.message)).toEqual(["email alerts are turned on, but global_defs has no notification_email address: keepalived sends no alert"]);
    const neither = expectKeepalived("KA052", instance("  «smtp_alert»\n"));
    expect(neither[0]!.message).toContain("no smtp_server and no notification_email address");
  });

  it("reports an empty notification_email block, as keepalived warns, from its keyword to the `}` keepalived names", () => {
    const found = expectKeepalived("KA052", globals("  «notification_email {\n  }»\n"));
    expect(found.map((p) => [p.severity, p.message])).toEqual([["warning", "this notification_email block lists no address; keepalived warns about it and mails no one"]]);
  });

  it("reports an empty notification_email block also in a file that defines variables", () => {
    // Found on a real file: `$IF=…` elsewhere made the rule skip the whole file; keepalived 2.2.7
    // still warns "empty notification_email block". A comment inside does not fill the block.
    expectKeepalived("KA052", "$IF=eth0\nglobal_defs {\n  «notification_email {\n#disabled\n  }»\n}\nvrrp_instance V {\n  interface $IF\n  virtual_router_id 5\n}\n");
  });
});
