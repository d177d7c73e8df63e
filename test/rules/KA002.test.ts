import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA002 wrong-block", () => {
  it("accepts each keyword in its own block", () => {
    expectKeepalived("KA002", "global_defs {\n    router_id a\n}\nvrrp_instance V {\n    priority 100\n}\n");
  });

  it("names the blocks that take a keyword written elsewhere", () => {
    const [found] = expectKeepalived("KA002", "global_defs {\n    «priority» 100\n}\nvirtual_server 10.0.0.1 80 {\n    real_server 10.0.1.1 80 {\n        «lb_algo» rr\n    }\n}\n");
    expect(found!.message).toBe("'priority' does not belong in global_defs; keepalived skips it there (it is read in vrrp_instance)");
  });

  it("reads another host's header of a block where its block's own header stands", () => {
    // keepalived 2.2.7 with -i lb2: "Unknown keyword 'real_server'" at the top level, its '{' ignored.
    expectKeepalived("KA002", "@lb1 vrrp_instance A {\n@lb2 «real_server» 10.0.0.1 80 {\n    priority 100\n}\n");
    expectKeepalived("KA002", "@lb1 vrrp_instance A {\n@lb2 vrrp_instance B {\n    priority 100\n}\n");
  });
});
