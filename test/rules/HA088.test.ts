import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// Measured on haproxy 2.6.12, 3.0.11 and 3.2.26: after `quiet`, an unknown keyword makes
// `haproxy -c` exit 1 with no output; before it, the alert is printed.
describe("HA088 quiet-startup", () => {
  it("accepts a global section without quiet, and 'quiet' as a word elsewhere", () => {
    expectHaproxy("HA088", "global\n    daemon\n    log stdout local0\n\nfrontend f\n    bind :80\n    http-request set-header X-Mode quiet\n");
  });

  it("warns on quiet in the global section, with a suggestion that removes the line", () => {
    const found = expectHaproxy("HA088", "global\n    daemon\n    «quiet»\n    maxconn 100\n");
    expect(found[0]!.severity).toBe("warning");
    expect(found[0]!.message).toBe(
      "'quiet' silences haproxy while it reads the configuration and starts: a refused configuration then fails with exit status 1 and no message saying why, and warnings are not shown either (remove it; 'haproxy -q' does the same from the command line where wanted)",
    );
    expect(found[0]!.suggestions?.[0]?.edits).toHaveLength(1);
  });
});
