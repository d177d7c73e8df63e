import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA020 weight-range", () => {
  it("accepts weights keepalived takes as written", () => {
    expectKeepalived(
      "KA020",
      "vrrp_instance VI_1 {\n  track_script {\n    chk weight -253\n  }\n  track_interface {\n    eth1 weight 253\n  }\n  track_process {\n    p weight 254\n  }\n  track_file {\n    f weight -254\n  }\n}\n",
    );
  });

  it("reports ±254 on scripts and interfaces, which keepalived lowers to ±253", () => {
    const found = expectKeepalived("KA020", "vrrp_instance VI_1 {\n  track_script {\n    chk weight «254»\n  }\n  track_interface {\n    eth1 weight «-254»\n  }\n}\n");
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning"]);
    expect(found[0]!.message).toBe("keepalived lowers weight 254 to 253; the weight of a tracked script is at most 253");
  });

  it("reports ±254 on a BFD instance, which keepalived ignores", () => {
    const found = expectKeepalived("KA020", "vrrp_instance VI_1 {\n  track_bfd {\n    b1 weight «254»\n    b2 weight 253\n  }\n}\n");
    expect(found[0]!.message).toBe("weight 254 is outside -253..253; keepalived ignores it and uses the tracker's own weight (0 unless set)");
  });

  it("reports weights beyond ±254, which keepalived ignores", () => {
    const found = expectKeepalived(
      "KA020",
      "vrrp_instance VI_1 {\n  track_script {\n    chk weight «300»\n  }\n  track_interface {\n    eth1 weight «-300»\n  }\n}\nvrrp_sync_group G {\n  track_process {\n    p weight «-255»\n  }\n}\n",
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error"]);
    expect(found[0]!.message).toBe("weight 300 is outside -254..254; keepalived ignores it and uses the tracker's own weight (0 unless set), so a failure means FAULT");
    expect(found[2]!.message).toBe("weight -255 is outside -254..254; keepalived ignores it and uses the tracker's own weight (1 unless set)");
  });

  it("reports a weight that is not a number, which keepalived ignores (found by mutations)", () => {
    expectKeepalived("KA020", "vrrp_instance VI_1 {\n  track_script {\n    chk weight $W\n  }\n}\n");
    const found = expectKeepalived("KA020", "vrrp_instance VI_1 {\n  track_script {\n    chk weight «abc»\n  }\n  track_interface {\n    eth1 weight «1.5»\n  }\n}\n");
    expect(found.map((p) => p.message)).toEqual([
      "weight 'abc' is not a whole number; keepalived ignores it and uses the tracker's own weight (0 unless set), so a failure means FAULT",
      "weight '1.5' is not a whole number; keepalived ignores it and uses 0, so a failure means FAULT",
    ]);
  });
});
