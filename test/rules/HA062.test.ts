import { describe, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA062 ssl-incomplete", () => {
  it("accepts a certificate on TLS binds, and a CA file or verify none on TLS servers", () => {
    expectHaproxy(
      "HA062",
      `frontend www
    bind :443 ssl crt /etc/ssl/site.pem
    bind :8443 ssl crt-list /etc/ssl/list.txt
    default_backend app
backend app
    default-server ssl ca-file /etc/ssl/ca.pem
    server a 10.0.0.1:443
    server b 10.0.0.2:443 verify none
    server c 10.0.0.3:80 no-ssl
`,
    );
  });

  it("reports a TLS bind without a certificate and TLS servers with nothing to verify against", () => {
    expectHaproxy(
      "HA062",
      `frontend www
    bind :443 «ssl»
    default_backend app
backend app
    server a 10.0.0.1:443 «ssl»
backend other
    default-server ssl
    «server» b 10.0.0.2:443
`,
    );
  });

  it("accepts servers without a CA when global ssl-server-verify is none", () => {
    expectHaproxy("HA062", "global\n    ssl-server-verify none\nbackend app\n    server a 10.0.0.1:443 ssl\n");
  });
});
