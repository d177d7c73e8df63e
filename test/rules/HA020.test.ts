import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA020 missing-timeouts", () => {
  it("accepts timeouts set in the proxy, in defaults, or through a from chain", () => {
    expectHaproxy(
      "HA020",
      `defaults base
    timeout connect 5s
    timeout client 30s
    timeout server 30s
defaults other from base
    mode http
frontend www from other
    bind :80
backend app from base
    server a 10.0.0.1:80
defaults
    mode tcp
listen db
    bind :5432
    timeout connect 1s
    timeout client 1h
    timeout tunnel 1h
    server d 10.0.0.2:5432
`,
    );
  });

  it("does not ask a backend without servers for backend timeouts", () => {
    expectHaproxy("HA020", "defaults\n    timeout client 5s\nbackend empty\n    http-request return status 200\nfrontend f\n    bind :80\n");
  });

  it("reports each proxy once, on its name, listing what is missing", () => {
    const found = expectHaproxy(
      "HA020",
      `defaults
    timeout connect 5s
    timeout server 0
frontend «www»
    bind :80
backend «app»
    server a 10.0.0.1:80
listen «both»
    bind :81
    timeout client 30s
    server a 10.0.0.1:80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "frontend 'www' has no 'timeout client' in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts",
      "backend 'app' has no 'timeout server' in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts",
      "listen 'both' has no 'timeout server' in effect (set here or in its defaults section, not 0): connections may hang forever, and haproxy warns about missing timeouts",
    ]);
  });

  it("lets timeout tunnel stand in for timeout server in mode tcp only; a new defaults starts empty", () => {
    expectHaproxy(
      "HA020",
      `defaults
    timeout connect 5s
    timeout client 30s
    timeout tunnel 1h
backend tcp
    server a 10.0.0.1:80
backend «http»
    mode http
    server a 10.0.0.1:80
defaults
    mode tcp
frontend «late»
    bind :80
`,
    );
  });
});
