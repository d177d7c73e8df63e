import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA022 default-weight", () => {
  it("accepts weights on the script or the entry, explicit weight 0, and sync group members", () => {
    expectKeepalived(
      "KA022",
      'vrrp_script a {\n  script "/bin/true"\n  weight -20\n}\nvrrp_script b {\n  script "/bin/true"\n  weight 0\n}\nvrrp_script c {\n  script "/bin/true"\n}\n' +
        "vrrp_sync_group G {\n  group {\n    VI_2\n    VI_3\n  }\n}\n" +
        "vrrp_instance VI_1 {\n  track_script {\n    a\n    b\n    c weight 10\n  }\n}\nvrrp_instance VI_2 {\n  track_script {\n    c\n  }\n}\nvrrp_instance VI_3 {\n  virtual_router_id 3\n}\n",
    );
  });

  it("reports a tracked script with no weight anywhere", () => {
    const found = expectKeepalived("KA022", 'vrrp_script chk {\n  script "/bin/true"\n}\nvrrp_instance VI_1 {\n  priority 100\n  track_script {\n    «chk»\n  }\n}\n');
    expect(found[0]!.severity).toBe("info");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(0);
  });

  it("leaves a script defined after the instance to undefined-tracker", () => {
    expectKeepalived("KA022", 'vrrp_instance VI_1 {\n  track_script {\n    chk\n  }\n}\nvrrp_script chk {\n  script "/bin/true"\n}\n');
  });

  it("leaves address owners alone", () => {
    expectKeepalived("KA022", 'vrrp_script chk {\n  script "/bin/true"\n}\nvrrp_instance VI_1 {\n  priority 255\n  track_script {\n    chk\n  }\n}\n');
  });
});
