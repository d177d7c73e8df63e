import { describe, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { keepalivedFor, lbPair } from "../site/lb-pair.js";

describe("X002 vip-not-tracked", () => {
  it("accepts a script that checks haproxy", async () => {
    await expectSite("X002", lbPair());
  });

  it("accepts a track_process for haproxy", async () => {
    const conf = keepalivedFor(100, "BACKUP")
      .replace(/vrrp_script chk_haproxy \{[^}]*\}/, "vrrp_track_process chk_haproxy {\n    process haproxy\n    weight -60\n}")
      .replace("track_script", "track_process");
    await expectSite("X002", lbPair({ "lb2/etc/keepalived/keepalived.conf": conf }));
  });

  it("reports the instance when nothing watches haproxy", async () => {
    const conf = keepalivedFor(100, "BACKUP").replace("/usr/bin/killall -0 haproxy", "/usr/bin/true").replace("vrrp_instance VI_1", "vrrp_instance «VI_1»");
    await expectSite("X002", lbPair({ "lb2/etc/keepalived/keepalived.conf": conf }));
  });
});
