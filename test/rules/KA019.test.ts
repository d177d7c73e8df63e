import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, lintText } from "./harness.js";

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

describe("KA019 suggestions", () => {
  const suggested = (text: string) =>
    lintText("keepalived", text)
      .filter((p) => p.ruleId === "KA019")
      .map((p) => (p.suggestions ?? []).map((s) => [s.description, applyEdits(text, s.edits)]));
  const track = "vrrp_instance VI {\n    interface eth0\n    virtual_router_id 5\n    track_script {\n        chk\n    }\n}\n";

  it("offers a timeout a second below the interval: after the interval line, after the header, or in place", () => {
    const after = `vrrp_script chk {\n\tscript "/bin/true"\n\tinterval 5   # s\n\tweight -20\n}\n${track}`;
    expect(suggested(after)).toEqual([[["add 'timeout 4'", after.replace("# s\n", "# s\n\ttimeout 4\n")]]]);
    const header = `vrrp_script chk {\n    script "/bin/true"\n}\n${track}`;
    expect(suggested(header)).toEqual([[]]);
    const shared = `vrrp_script chk { # c\n  script "/bin/true"\n  interval 2 }\n${track}`;
    expect(suggested(shared)).toEqual([[["add 'timeout 1'", shared.replace("# c\n", "# c\n  timeout 1\n")]]]);
    const long = `vrrp_script chk {\n    script "/bin/true"\n    interval 3\n    timeout 10\n}\n${track}`;
    expect(suggested(long)).toEqual([[["set the timeout to 2", long.replace("timeout 10", "timeout 2")]]]);
  });
});
