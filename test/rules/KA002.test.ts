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

  it("says what keepalived does with the block a misplaced keyword opens, and reads its lines where keepalived does", () => {
    // keepalived 2.2.7: "Unknown keyword 'group'", "Unexpected '{' - ignoring", then each line inside
    // at the top level ("Unknown keyword 'real_server'", "Unknown keyword 'weight'").
    const [group, server, weight] = expectKeepalived("KA002", "«group» G {\n    «real_server» 10.0.0.9 80 {\n        «weight» 1\n    }\n}\n");
    expect(group!.message).toBe("'group' does not belong in the top level; keepalived skips it there (it is read in track_group, vrrp_sync_group); it ignores its '{' and reads the lines inside at the top level");
    expect(server!.message).toContain("it ignores its '{' and reads the lines inside at the top level");
    expect(weight!.message).not.toContain("'{'");
    const [check] = expectKeepalived("KA002", "virtual_server 10.0.0.1 80 {\n    «HTTP_GET» {\n        connect_timeout 3\n    }\n}\n");
    expect(check!.message).toContain("; it ignores its '{', reads the lines inside as lines of virtual_server, and its '}' closes virtual_server");
  });
});
