import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const DEFS = 'vrrp_script chk_haproxy {\n  script "/usr/bin/killall -0 haproxy"\n}\nvrrp_track_process haproxy {\n  process haproxy\n}\ntrack_file maint {\n  file /etc/keepalived/maint\n}\nbfd_instance peer {\n  neighbor_ip 10.0.0.2\n}\n';

describe("KA016 undefined-tracker", () => {
  it("accepts trackers defined before they are used", () => {
    expectKeepalived(
      "KA016",
      DEFS +
        "vrrp_instance VI_1 {\n  track_script {\n    chk_haproxy weight -20\n  }\n  track_process {\n    haproxy\n  }\n  track_file {\n    maint\n  }\n  track_bfd {\n    peer\n  }\n  track_interface {\n    eth1\n  }\n}\n" +
        "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    FILE_CHECK {\n      track_file maint\n    }\n    BFD_CHECK {\n      name peer\n    }\n  }\n}\n",
    );
  });

  it("reports names that nothing defines, with a did-you-mean fix", () => {
    const found = expectKeepalived(
      "KA016",
      DEFS + "vrrp_instance VI_1 {\n  track_script {\n    «chk_haprxy»\n  }\n  track_process {\n    «nginx»\n  }\n}\nvrrp_sync_group G {\n  track_file {\n    «maint2»\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("vrrp_script 'chk_haprxy' is not defined; keepalived ignores this entry; did you mean 'chk_haproxy'?");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("chk_haproxy");
    expect(found[1]!.message).toBe("vrrp_track_process 'nginx' is not defined; keepalived ignores this entry");
  });

  it("reports a tracker defined only after the instance, which keepalived does not find", () => {
    const found = expectKeepalived("KA016", 'vrrp_instance VI_1 {\n  track_script {\n    «chk»\n  }\n}\nvrrp_script chk {\n  script "/bin/true"\n}\n');
    expect(found[0]!.message).toBe(
      "vrrp_script 'chk' is defined only further down (line 6); keepalived looks it up while reading this line, does not find it and runs without it",
    );
  });

  it("checks FILE_CHECK and BFD_CHECK names of real servers", () => {
    expectKeepalived("KA016", "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    FILE_CHECK {\n      track_file «nofile»\n    }\n    BFD_CHECK {\n      name «nobfd»\n    }\n  }\n}\n");
  });

  it("stays quiet when an include it cannot follow may define them", () => {
    expectKeepalived("KA016", "include /etc/keepalived/scripts.conf\nvrrp_instance VI_1 {\n  track_script {\n    chk\n  }\n}\n");
  });
});
