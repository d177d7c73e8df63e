import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA019 script-timing", () => {
  it("accepts a timeout below the interval", () => {
    expectKeepalived("KA019", 'vrrp_script chk {\n  script "/bin/true"\n  interval 3\n  timeout 2\n}\n');
  });

  it("warns about a timeout longer than the interval", () => {
    const found = expectKeepalived("KA019", 'vrrp_script chk {\n  script "/bin/true"\n  interval 2\n  timeout «5»\n}\n');
    expect(found[0]!.severity).toBe("warning");
    expect(found[0]!.message).toBe(
      "timeout 5s is longer than the interval 2s: while a run hangs, keepalived skips the next runs, so the check runs less often than configured",
    );
  });

  it("advises a timeout when it equals the interval or is missing", () => {
    const equal = expectKeepalived("KA019", 'vrrp_script chk {\n  script "/bin/true"\n  interval 2\n  timeout «2»\n}\n');
    expect(equal[0]!.severity).toBe("info");
    const missing = expectKeepalived("KA019", 'vrrp_script «chk» {\n  script "/bin/true"\n  interval 2\n}\n');
    expect(missing[0]!.severity).toBe("info");
    expect(missing[0]!.message).toBe(
      "vrrp_script 'chk' has no timeout, so a hanging run is killed only after the whole interval (2s) and the next run is skipped; set a timeout below the interval",
    );
  });

  it("leaves per-host and computed values alone", () => {
    expectKeepalived("KA019", 'vrrp_script chk {\n  script "/bin/true"\n  interval $I\n  timeout 5\n}\nvrrp_script chk2 {\n  @a interval 1\n  timeout 5\n}\n');
  });
});
