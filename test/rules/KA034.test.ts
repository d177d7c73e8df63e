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

  it("reports ops on a virtual_server that is not UDP, and ha_suspend on a fwmark one, which keepalived resets", () => {
    const real = "  real_server 10.0.0.4 80 {\n    weight 1\n  }\n}\n";
    const found = expectKeepalived(
      "KA034",
      `virtual_server 10.0.0.10 80 {\n  protocol TCP\n  «ops»\n${real}virtual_server 10.0.0.10 53 {\n  protocol UDP\n  ops\n${real}virtual_server fwmark 5 {\n  «ha_suspend»\n${real}virtual_server 10.0.0.11 80 {\n  protocol TCP\n  ha_suspend\n${real}` +
        `virtual_server_group M {\n  10.0.0.12 80\n  fwmark 7\n}\nvirtual_server group M {\n  protocol TCP\n  «ha_suspend»\n${real}`,
    );
    expect(found.map((problem) => problem.message)).toEqual([
      "ops (one-packet scheduling) only works for UDP, and this virtual_server is TCP; keepalived resets it",
      "ha_suspend cannot be used on a fwmark virtual_server: keepalived clears it, and its checkers run while the VIP is down too",
      // one fwmark entry in the group is enough (2.2.7 and 2.3.3: "Virtual server [M]:0: cannot use ha_suspend with fwmarks")
      "ha_suspend cannot be used on a virtual_server whose group holds a fwmark entry: keepalived clears it, and its checkers run while the VIP is down too",
    ]);
  });

  it("reads a virtual_server whose group holds only fwmark entries as a fwmark one, as keepalived 2.2.7 does (found by a sweep)", () => {
    const vs = (protocol: string) => `virtual_server group G {\n  lb_algo rr\n  lb_kind NAT\n${protocol}  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\n`;
    expectKeepalived("KA034", "virtual_server_group G {\n  fwmark 5\n}\n" + vs(""));
    const [found] = expectKeepalived("KA034", "virtual_server_group G {\n  fwmark 5\n}\n" + vs("  «protocol» TCP\n"));
    expect(found!.message).toMatch(/^a virtual_server whose group holds only fwmark entries/);
    expectKeepalived("KA034", "virtual_server_group G {\n  fwmark 5\n  10.0.0.1 80\n}\n" + vs("  protocol TCP\n"));
  });
});
