import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA061 tracker-values", () => {
  it("reports the later of a quorum and a quorum_max below it, which keepalived ignores (2.2.7, 2.3.3)", () => {
    const found = expectKeepalived(
      "KA061",
      "vrrp_track_process p {\n    process keepalived\n    quorum 3\n    quorum_max «2»\n}\n" +
        "vrrp_track_process q {\n    process keepalived\n    quorum_max 2\n    quorum «3»\n}\n" +
        "vrrp_track_process r {\n    process keepalived\n    quorum_max 0\n}\n" +
        "vrrp_track_process s {\n    process keepalived\n    quorum 2\n    quorum_max 3\n}\n",
    );
    expect(found.map((problem) => problem.message)).toEqual([
      "quorum_max 2 is below the quorum 3 set before it: keepalived ignores this line",
      "quorum 3 is above the quorum_max 2 set before it: keepalived ignores this line and keeps quorum 1",
    ]);
  });

  it("warns of an init_file value outside -254..254", () => {
    const found = expectKeepalived(
      "KA061",
      "vrrp_track_file f {\n    file /tmp/x\n    init_file «300»\n}\ntrack_file g {\n    file /tmp/y\n    init_file -254 overwrite\n}\ntrack_file h {\n    file /tmp/z\n    init_file «255»\n}\n",
    );
    expect(found.map((problem) => problem.severity)).toEqual(["warning", "warning"]);
  });
});
