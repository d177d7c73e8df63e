import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA075 check-without-port", () => {
  it("accepts checked servers with a port, a port option, a tcp-check connect port, or no check", () => {
    expectHaproxy(
      "HA075",
      `backend a
    server s1 10.0.0.1:80 check
    server s2 10.0.0.2 check port 8080
    server s3 10.0.0.3
    server s4 /run/app.sock check
    server s5 2001:db8::1 check
    server s6 10.0.0.6 no-check
    server s7 app.example check
backend b
    default-server check port 9000
    server s1 10.0.0.1
backend c
    option tcp-check
    tcp-check connect port 5432
    server s1 10.0.0.1 check
`,
    );
  });

  it("reports a checked server without a port, also when the check comes from default-server (found by mutations)", () => {
    const found = expectHaproxy(
      "HA075",
      `defaults
    default-server check
backend a
    server s1 «10.0.0.1»
    server s2 «10.0.0.2:»
    server s3 «10.0.0.3:0» check
    server s4 «[::1]» check
    server-template web 3 «10.0.0.4:+1» check
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "server 's1' of backend 'a' runs health checks, but its address '10.0.0.1' has no port and no 'port' option gives one; haproxy refuses it",
      "server 's2' of backend 'a' runs health checks, but its address '10.0.0.2:' has no port and no 'port' option gives one; haproxy refuses it",
      "server 's3' of backend 'a' runs health checks, but its address '10.0.0.3:0' has no port and no 'port' option gives one; haproxy refuses it",
      "server 's4' of backend 'a' runs health checks, but its address '[::1]' has no port and no 'port' option gives one; haproxy refuses it",
      "server 'web' of backend 'a' runs health checks, but its address '10.0.0.4:+1' has no port and no 'port' option gives one; haproxy refuses it",
    ]);
  });

  it("counts a check rule's connect port only under the check type that runs it (found by mutations: 'option tcp-check' dropped)", () => {
    expectHaproxy(
      "HA075",
      `backend a
    tcp-check connect port 6443
    server s1 «10.0.0.1» check
backend b
    option tcp-check
    tcp-check connect port 6443
    option httpchk
    server s1 «10.0.0.1» check
backend c
    option tcp-check
    http-check connect port 80
    server s1 «10.0.0.1» check
backend d
    option httpchk
    http-check connect port 80
    http-check send meth GET uri /
    server s1 10.0.0.1 check
`,
    );
  });

  it("leaves a bracket without its pair to HA004: haproxy reads such an address as a host name and asks it for no port (mutation round 11)", () => {
    // haproxy 2.6.12 -c -dr: `[::1:80` and `[::1]80` "could not resolve address", never "neither service port nor check port".
    expectHaproxy(
      "HA075",
      `backend a
    server s1 [2001:db8::1:80 check
    server s2 [2001:db8::1]8087 check
`,
    );
  });

  it("reports an agent check without agent-port, from the server or a default-server, and accepts one with it or a check port", () => {
    const found = expectHaproxy(
      "HA075",
      `defaults
    mode http
backend a
    server s1 10.0.0.1:80 check «agent-check» agent-inter 5s
    server s2 10.0.0.2:80 check agent-check agent-port 9999
backend b
    default-server agent-check
    server «s1» 10.0.0.1:80 check
backend c
    default-server agent-check agent-port 9999
    server s1 10.0.0.1:80 check
backend d
    server s1 10.0.0.1:80 check port 8008 agent-check
peers p
    peer lb1 10.0.0.1:1024
    server lb2 10.0.0.2:1024 «agent-check»
`,
    );
    expect(found.map((problem) => [problem.severity, problem.message])).toEqual([
      // haproxy 2.6.12: "[ALERT] … server s1 does not have agent port. Agent check has been disabled.", and -c exits 1.
      ["error", "server 's1' of backend 'a' runs an agent check, but no 'agent-port' (or check 'port') gives the agent's port; haproxy disables the agent check with an alert and refuses the configuration"],
      ["error", "server 's1' of backend 'b' runs an agent check, but no 'agent-port' (or check 'port') gives the agent's port; haproxy disables the agent check with an alert and refuses the configuration"],
      ["error", "server 'lb2' of peers 'p' runs an agent check, but no 'agent-port' (or check 'port') gives the agent's port; haproxy disables the agent check with an alert and refuses the configuration"],
    ]);
  });
});
