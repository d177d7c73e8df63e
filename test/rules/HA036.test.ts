import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA036 check-missing", () => {
  it("accepts checks on servers, templates and default-server lines, and inherited check types", () => {
    expectHaproxy(
      "HA036",
      `defaults base
    option httpchk GET /health
    default-server inter 2s
backend inherits from base
    server a 10.0.0.1:80
defaults checked
    default-server check
backend fromdefaults from checked
    option tcp-check
    server a 10.0.0.1:80
backend own
    option httpchk
    http-check expect status 200
    server a 10.0.0.1:80
    server b 10.0.0.2:80 check fall 3 rise 2
backend templated
    option tcp-check
    tcp-check connect
    server-template web 3 10.0.0.5:80 check
backend nocheck
    server a 10.0.0.1:80
`,
    );
  });

  it("reports a check description when no server checks, on the first one", () => {
    const found = expectHaproxy(
      "HA036",
      `backend app
    «option httpchk» GET /health
    http-check expect status 200
    server a 10.0.0.1:80
    server b 10.0.0.2:80 check no-check
    server c 10.0.0.3:80 agent-check agent-port 9999
backend tcp
    «tcp-check» connect port 5432
    server d 10.0.0.4:5432
`,
    );
    expect(found[0]!.message).toBe("backend 'app' describes a health check with 'option httpchk', but none of its servers has 'check': haproxy never runs it");
    expect(found[1]!.message).toBe("backend 'tcp' describes a health check with 'tcp-check' rules, but none of its servers has 'check': haproxy never runs it");
  });

  it("reports fall 0 and rise 0 as errors", () => {
    const found = expectHaproxy("HA036", "defaults\n    default-server rise «0»\nbackend app\n    server a 10.0.0.1:80 check fall «0»\n");
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["error", "'rise 0' is refused: haproxy needs at least 1 check"],
      ["error", "'fall 0' is refused: haproxy needs at least 1 check"],
    ]);
  });
});
