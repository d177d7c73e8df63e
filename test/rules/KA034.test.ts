import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA034 lvs-protocol", () => {
  it("accepts virtual servers with a protocol, and fwmark ones without", () => {
    expectKeepalived("KA034", "virtual_server 10.0.0.1 80 {\n  protocol TCP\n}\nvirtual_server fwmark 5 {\n  lb_kind DR\n}\n");
  });

  it("reports a missing protocol and suggests TCP", () => {
    const found = expectKeepalived("KA034", "«virtual_server» 10.0.0.1 80 {\n  lb_kind NAT\n}\n");
    expect(found[0]!.message).toBe("this virtual_server has no protocol; keepalived makes it UDP, not TCP");
    expect(found[0]!.fix).toBeUndefined();
    expect(found[0]!.suggestions?.[0]?.edits[0]?.newText).toBe("\n    protocol TCP");
  });
});

describe("KA034 lvs-protocol: fwmark", () => {
  it("reports a protocol line in a fwmark virtual_server, which keepalived ignores, and nothing without one", () => {
    const found = expectKeepalived("KA034", "virtual_server fwmark 1 {\n  lb_algo rr\n  lb_kind DR\n  «protocol» TCP\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n    }\n  }\n}\n");
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "a fwmark virtual_server carries whatever its mark covers; keepalived ignores this protocol line, warns, and keepalived -t fails (exit 5): remove it"],
    ]);
    expectKeepalived("KA034", "virtual_server fwmark 1 {\n  lb_algo rr\n  lb_kind DR\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n    }\n  }\n}\n");
  });
});
