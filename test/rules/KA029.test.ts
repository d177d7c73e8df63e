import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, lintText } from "./harness.js";

describe("KA029 unicast-self-peer", () => {
  it("accepts peer lists without the own address, and per-host peer lists", () => {
    expectKeepalived("KA029", "vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n}\n");
    expectKeepalived(
      "KA029",
      "vrrp_instance VI_1 {\n  @lb1 unicast_src_ip 10.0.0.1\n  @lb2 unicast_src_ip 10.0.0.2\n  unicast_peer {\n    @^lb1 10.0.0.1\n    @^lb2 10.0.0.2\n  }\n}\n",
    );
  });

  it("reports the own unicast_src_ip among the peers", () => {
    const found = expectKeepalived("KA029", "vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    «10.0.0.1»\n    10.0.0.2\n  }\n}\n");
    expect(found[0]!.message).toBe("10.0.0.1 is this instance's own unicast_src_ip; keepalived sends adverts to itself (list only the other nodes)");
  });

  it("compares IPv6 addresses in canonical form", () => {
    expectKeepalived("KA029", "vrrp_instance VI_1 {\n  unicast_src_ip fe80::1\n  unicast_peer {\n    «FE80:0::1»\n  }\n}\n");
  });
});

describe("KA029 suggestions", () => {
  it("offers to remove the instance's own address from its peers", () => {
    const text = "vrrp_instance VI {\n    interface eth0\n    virtual_router_id 5\n    unicast_src_ip 10.0.0.1\n    unicast_peer {\n        10.0.0.1\n        10.0.0.2\n    }\n}\n";
    const [found] = lintText("keepalived", text).filter((p) => p.ruleId === "KA029");
    expect(found!.suggestions!.map((s) => applyEdits(text, s.edits))).toEqual([text.replace("        10.0.0.1\n", "")]);
  });
});
