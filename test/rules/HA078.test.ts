import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const TIMEOUTS = "    mode http\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n";
const BACKEND = "backend b\n    server s 10.0.0.1:80\n";

describe("HA078 log-format-without-log", () => {
  it("accepts a log format with a log target, its own, its defaults' or the global section's", () => {
    expectHaproxy("HA078", `global\n    log stdout format raw local0\ndefaults\n${TIMEOUTS}    log global\n    option httplog\nfrontend f\n    bind :80\n    default_backend b\n${BACKEND}`);
    expectHaproxy("HA078", `defaults\n${TIMEOUTS}    log 127.0.0.1:514 local0\nfrontend f\n    bind :80\n    log-format %ci\n    default_backend b\n${BACKEND}`);
    expectHaproxy("HA078", `defaults\n${TIMEOUTS}frontend f\n    bind :80\n    log /dev/log local0\n    option tcplog\n    default_backend b\n${BACKEND}`);
    expectHaproxy("HA078", `defaults\n${TIMEOUTS}frontend f\n    bind :80\n    option httplog\n    no option httplog\n    default_backend b\n${BACKEND}`);
    expectHaproxy("HA078", `defaults\n${TIMEOUTS}frontend f\n    bind :80\n    default_backend b\n${BACKEND}`);
  });

  it("warns on the format line, or on the proxy's name for a format its defaults give it", () => {
    const found = expectHaproxy(
      "HA078",
      `global\n    daemon\ndefaults\n${TIMEOUTS}    log global\n    option httplog\nfrontend «a»\n    bind :80\n    default_backend b\nfrontend c\n    bind :81\n    «log-format %ci»\n    no log\n    default_backend b\n${BACKEND}`,
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "frontend 'a' sets a log format (from defaults) but has no log target: it has only 'log global' and the global section has no 'log' line, so haproxy ignores the format and logs nothing for it"],
      ["warning", "frontend 'c' sets a log format but has no log target: 'no log' turns its logging off, so haproxy ignores the format and logs nothing for it"],
    ]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(8);
  });

  it("leaves lines under .if alone", () => {
    expectHaproxy("HA078", `defaults\n${TIMEOUTS}frontend f\n    bind :80\n    option httplog\n.if defined(LOGHOST)\n    log \${LOGHOST}:514 local0\n.endif\n    default_backend b\n${BACKEND}`);
  });
});
