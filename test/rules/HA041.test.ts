import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA041 ssl-verify-none", () => {
  it("accepts verified TLS, plain servers, and TLS to loopback or UNIX sockets", () => {
    expectHaproxy(
      "HA041",
      `global
    ssl-server-verify required
backend app
    default-server check verify none
    server a 10.0.0.1:443 ssl verify required ca-file @system-ca
    server b 10.0.0.2:80
    server c 127.0.0.1:8443 ssl verify none
    server d unix@/run/app.sock ssl verify none
    server e 10.0.0.3:80 verify none
    server f rhttp@ ssl verify none
`,
    );
  });

  it("reports verify none on TLS servers, with a suggestion", () => {
    const [found, checks] = expectHaproxy(
      "HA041",
      `backend app
    server a 10.0.0.1:443 ssl «verify none» check
    server-template web 3 10.0.0.10:443 check-ssl «verify none»
`,
    );
    expect(found!.message).toBe("server 'a' uses TLS to '10.0.0.1:443' without checking its certificate: anyone on the path can pose as it");
    expect(found!.fix).toBeUndefined();
    expect(found!.suggestions?.[0]?.edits[0]?.newText).toBe("required ca-file @system-ca");
    expect(checks!.severity).toBe("info");
    expect(checks!.message).toBe("the TLS health checks of server 'web' do not check its certificate: a machine posing as it would be marked UP");
  });

  it("takes ssl from default-server lines and reports verify none written there", () => {
    expectHaproxy(
      "HA041",
      `defaults
    default-server ssl
backend app
    server a 10.0.0.1:443 «verify none»
`,
    );
    expectHaproxy(
      "HA041",
      `defaults
    default-server «verify none»
backend app
    server a 10.0.0.1:443 ssl
backend other
    server b 10.0.0.2:443 ssl verify required ca-file /etc/ssl/ca.pem
`,
    );
    expectHaproxy("HA041", "backend app\n    default-server ssl «verify none»\n");
  });

  it("reports ssl-server-verify none in global", () => {
    expectHaproxy("HA041", "global\n    ssl-server-verify «none»\n");
  });
});
