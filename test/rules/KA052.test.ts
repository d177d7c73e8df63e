import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const installed = spawnSync("keepalived", ["--version"]).error === undefined;

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

  it("reports an smtp_server given as a host name, not an address, localhost or a variable", () => {
    // Found on a real file (twelfth round): `smtp_server relay.to.tam`, refused by keepalived -t
    // 2.2.7 where the name does not resolve ("Invalid smtp server relay.to.tam 25", exit 5).
    const found = expectKeepalived("KA052", globals("  smtp_server «relay.example.com» 25\n"));
    expect(found[0]!.message).toContain("smtp_server names the host 'relay.example.com': keepalived resolves it when it reads the configuration");
    for (const server of ["10.0.0.25", "10.0.0.25 2525", "::1", "fe80::25", "127.1", "localhost", "LOCALHOST", "$SMTP"]) {
      expectKeepalived("KA052", globals(`  smtp_server ${server}\n`));
    }
    // Only global_defs' smtp_server is the alert server (a SMTP_CHECK's host is another matter).
    expectKeepalived("KA052", "virtual_server 10.0.0.1 25 {\n  protocol TCP\n  real_server 10.0.0.2 25 {\n    SMTP_CHECK {\n      helo_name mail.example.com\n    }\n  }\n}\n");
  });

  it.runIf(installed)("keepalived 2.2.7 refuses a name that does not resolve, and takes an address", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ka052-"));
    const run = (server: string) => {
      const file = join(dir, "keepalived.conf");
      writeFileSync(file, globals(`  smtp_server ${server}\n`));
      const result = spawnSync("keepalived", ["-t", "-f", file, "-l", "-D"], { encoding: "utf8", timeout: 30_000 });
      return { status: result.status, invalid: /\(Line 2\) Invalid smtp server/.test(result.stdout + result.stderr) };
    };
    // `.invalid` never resolves (RFC 2606).
    expect(run("mail.invalid")).toEqual({ status: 5, invalid: true });
    expect(run("127.0.0.1 25")).toEqual({ status: 0, invalid: false });
  });
});
