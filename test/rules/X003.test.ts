import { describe, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { keepalivedFor, lbPair } from "../site/lb-pair.js";

describe("X003 check-needs-vip", () => {
  it("accepts a check of the local address, and of a longer address that starts like the VIP", async () => {
    await expectSite("X003", lbPair({ "lb1/etc/keepalived/keepalived.conf": keepalivedFor(150, "MASTER", "/usr/bin/curl -sf http://127.0.0.1/") }));
    await expectSite("X003", lbPair({ "lb1/etc/keepalived/keepalived.conf": keepalivedFor(150, "MASTER", "/usr/bin/nc -z 192.168.1.1000 80") }));
  });

  it("reports a check that connects to the VIP", async () => {
    const conf = keepalivedFor(150, "MASTER", "/usr/bin/curl -sf http://192.168.1.100/").replace('script "', 'script «"').replace('/"', '/"»');
    await expectSite("X003", lbPair({ "lb1/etc/keepalived/keepalived.conf": conf }));
  });
});
