import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { haproxyFor, lbPair } from "../site/lb-pair.js";

describe("X004 bind-unknown-address", () => {
  it("accepts VIPs, own addresses, loopback and wildcards", async () => {
    await expectSite("X004", lbPair({ "lb1/etc/haproxy/haproxy.cfg": haproxyFor("192.168.1.100:80,192.168.1.11:8080,127.0.0.1:9000,:443") }));
  });

  it("reports an address the host does not have, saying whether haproxy can bind it", async () => {
    // The pair sets net.ipv4.ip_nonlocal_bind = 1: the bind works, nothing is known to arrive there.
    const [bindable] = await expectSite("X004", lbPair({ "lb1/etc/haproxy/haproxy.cfg": haproxyFor("«192.168.1.110»:80") }));
    expect(bindable!.message).toBe(
      "192.168.1.110 is not an address of lb1 and no keepalived instance of the host holds it as a VIP: haproxy binds it (net.ipv4.ip_nonlocal_bind = 1), but receives on it only if something these files do not show puts it on the host",
    );
    const [refused] = await expectSite("X004", lbPair({ "lb1/etc/sysctl.d/90-lb.conf": "", "lb1/etc/haproxy/haproxy.cfg": haproxyFor("«192.168.1.110»:80") }));
    expect(refused!.message).toContain("haproxy cannot bind it");
    const [freebind] = await expectSite("X004", lbPair({ "lb1/etc/sysctl.d/90-lb.conf": "", "lb1/etc/haproxy/haproxy.cfg": haproxyFor("«192.168.1.110»:80 freebind") }));
    expect(freebind!.message).toContain("haproxy binds it (the bind has transparent or freebind)");
  });
});
