import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const SCRIPT = 'vrrp_script chk {\n  script "/bin/true"\n  weight -20\n}\n';

describe("KA023 ineffective-weight", () => {
  it("accepts weights larger than the gap between the hosts' priorities", () => {
    expectKeepalived("KA023", SCRIPT + "vrrp_instance VI_1 {\n  @lb1 priority 110\n  @lb2 priority 100\n  track_script {\n    chk\n  }\n}\n");
  });

  it("leaves single-host files, reverse weights and track files alone", () => {
    expectKeepalived("KA023", SCRIPT + "vrrp_instance VI_1 {\n  priority 150\n  track_script {\n    chk\n  }\n}\n");
    expectKeepalived("KA023", SCRIPT + "vrrp_instance VI_1 {\n  @lb1 priority 150\n  @lb2 priority 100\n  track_script {\n    chk weight -20 reverse\n  }\n}\n");
    expectKeepalived("KA023", "vrrp_instance VI_1 {\n  @lb1 priority 150\n  @lb2 priority 100\n  track_file {\n    f weight -20\n  }\n}\n");
  });

  it("reports weights that can never bring the highest priority below the next one", () => {
    const found = expectKeepalived(
      "KA023",
      SCRIPT + "vrrp_instance VI_1 {\n  @lb1 priority «150»\n  @lb2 priority 100\n  track_script {\n    chk\n  }\n  track_interface {\n    eth1 weight 10\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("the tracker weights (30 in all) can never bring priority 150 below 100: no tracker failure moves the VIP; make them larger than 50");
    expect(found[0]!.related).toHaveLength(2);
  });

  it("reports a weight that only reaches a tie", () => {
    const found = expectKeepalived("KA023", "vrrp_instance VI_1 {\n  @lb1 priority «120»\n  @lb2 priority 100\n  track_interface {\n    eth1 weight -20\n  }\n}\n");
    expect(found[0]!.message).toContain("a tie that the higher IP address decides");
  });

  it("compares @id instances that share a VRID", () => {
    expectKeepalived(
      "KA023",
      "@lb1 vrrp_instance VI_1 {\n  virtual_router_id 51\n  priority «200»\n  track_interface {\n    eth1 weight -5\n  }\n}\n@lb2 vrrp_instance VI_1 {\n  virtual_router_id 51\n  priority 100\n  track_interface {\n    eth1 weight -5\n  }\n}\n",
    );
  });
});
