import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const SCRIPT = 'vrrp_script chk {\n  script "/bin/true"\n  weight -20\n}\nvrrp_script fault {\n  script "/bin/true"\n}\n';
const GROUP = "vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n}\nvrrp_instance VI_2 {\n  virtual_router_id 2\n}\n";

describe("KA043 tracker-ignored", () => {
  it("accepts unweighted trackers in sync groups and on address owners, and weights with sync_group_tracking_weight", () => {
    expectKeepalived("KA043", SCRIPT + GROUP + "vrrp_instance VI_1 {\n  interface eth0\n  track_script {\n    fault\n  }\n  track_interface {\n    eth1\n  }\n}\n");
    expectKeepalived("KA043", SCRIPT + "vrrp_instance VI_1 {\n  priority 255\n  track_script {\n    fault\n  }\n}\n");
    expectKeepalived(
      "KA043",
      SCRIPT + GROUP.replace("  group {", "  sync_group_tracking_weight\n  group {") + "vrrp_instance VI_1 {\n  track_script {\n    chk\n  }\n}\n",
    );
  });

  it("reports weighted scripts, interfaces and files of sync group members", () => {
    const found = expectKeepalived(
      "KA043",
      SCRIPT + GROUP + "vrrp_instance VI_1 {\n  track_script {\n    «chk»\n  }\n  track_interface {\n    eth1 weight «-10»\n  }\n  track_file {\n    f weight «5»\n  }\n}\n",
    );
    expect(found[0]!.message).toBe(
      "this instance is in sync group 'G', where weighted scripts are not allowed; keepalived ignores 'chk' entirely (use weight 0, or sync_group_tracking_weight in the group)",
    );
  });

  it("reports weighted trackers of an address owner, also a MASTER without a priority", () => {
    expectKeepalived("KA043", SCRIPT + "vrrp_instance VI_1 {\n  state MASTER\n  track_script {\n    «chk»\n    fault\n  }\n}\n");
  });

  it("reports the instance's own interface in track_interface", () => {
    const found = expectKeepalived("KA043", "vrrp_instance VI_1 {\n  interface eth0\n  track_interface {\n    «eth0»\n    eth1\n  }\n}\nvrrp_instance VI_2 {\n  interface eth0\n  track_interface {\n    «eth0» weight -10\n  }\n}\n");
    expect(found.map((p) => p.severity)).toEqual(["warning", "error"]);
  });
});
