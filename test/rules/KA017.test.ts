import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA017 unused-script", () => {
  it("accepts scripts, processes and files that an instance, a sync group or a checker tracks", () => {
    expectKeepalived(
      "KA017",
      'vrrp_script a {\n  script "/bin/true"\n}\nvrrp_script b {\n  script "/bin/true"\n}\nvrrp_track_process p {\n  process haproxy\n}\ntrack_file f {\n  file /tmp/f\n}\ntrack_file g {\n  file /tmp/g\n}\n' +
        "vrrp_instance VI_1 {\n  track_script {\n    a\n  }\n  track_process {\n    p\n  }\n}\nvrrp_sync_group G {\n  track_script {\n    b\n  }\n  track_file {\n    f\n  }\n}\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    FILE_CHECK {\n      track_file g\n    }\n  }\n}\n",
    );
  });

  it("reports what nothing tracks, as advice", () => {
    const found = expectKeepalived(
      "KA017",
      'vrrp_script «chk_nginx» {\n  script "/bin/true"\n}\nvrrp_track_process «p» {\n  process haproxy\n}\nvrrp_track_file «f» {\n  file /tmp/f\n}\nvrrp_instance VI_1 {\n  virtual_router_id 1\n}\n',
    );
    expect(found[0]!.message).toBe("vrrp_script 'chk_nginx' is not tracked by any vrrp_instance or sync group; keepalived never runs it");
    expect(found[0]!.severity).toBe("info");
  });

  it("stays quiet when a tracked name is computed", () => {
    expectKeepalived("KA017", 'vrrp_script chk_a {\n  script "/bin/true"\n}\nvrrp_instance VI_1 {\n  track_script {\n    chk_${NAME}\n  }\n}\n');
  });
});
