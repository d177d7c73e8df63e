import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA050 script-missing", () => {
  it("accepts a vrrp_script with its script", () => {
    expectKeepalived("KA050", 'vrrp_script chk {\n  script "/usr/bin/pgrep haproxy"\n  interval 2\n}\n');
  });

  it("reports a vrrp_script without one on its closing brace, the line keepalived names, with its name related", () => {
    const found = expectKeepalived("KA050", "vrrp_script chk {\n  interval 2\n  weight -20\n«}»\n");
    expect(found[0]!.message).toBe("vrrp_script 'chk' has no 'script' line; keepalived removes it, and the instances that track it go on without the check");
    expect(found[0]!.related?.[0]?.range.start).toMatchObject({ line: 0, column: 12 });
    const unclosed = expectKeepalived("KA050", "vrrp_script «chk» {\n  interval 2\n");
    expect(unclosed).toHaveLength(1);
  });
});
