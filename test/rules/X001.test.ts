import { describe, expect, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { haproxyFor, lbPair } from "../site/lb-pair.js";

describe("X001 bind-vip-nonlocal", () => {
  it("accepts ip_nonlocal_bind = 1, and transparent or freebind on the bind", async () => {
    await expectSite("X001", lbPair());
    await expectSite("X001", lbPair({ "lb2/etc/sysctl.d/90-lb.conf": "", "lb2/etc/haproxy/haproxy.cfg": haproxyFor("192.168.1.100:80 transparent") }));
    await expectSite("X001", lbPair({ "lb2/etc/sysctl.d/90-lb.conf": "", "lb2/etc/haproxy/haproxy.cfg": haproxyFor("192.168.1.100:80 freebind") }));
  });

  it("reports the bind when the sysctl is 0, with the sysctl line as related", async () => {
    const [problem] = await expectSite("X001", {
      ...lbPair({ "lb2/etc/sysctl.d/90-lb.conf": "net.ipv4.ip_nonlocal_bind = 0\n" }),
      "lb2/etc/haproxy/haproxy.cfg": haproxyFor("«192.168.1.100»:80"),
    });
    expect(problem!.related?.map((r) => `${r.uri.slice(13)}:${r.range.start.line + 1}`)).toEqual(["lb2/etc/keepalived/keepalived.conf:19", "lb2/etc/sysctl.d/90-lb.conf:1"]);
  });

  it("reads sysctl files in order: /etc/sysctl.conf last", async () => {
    await expectSite("X001", {
      ...lbPair({ "lb1/etc/sysctl.conf": "net/ipv4/ip_nonlocal_bind=0\n" }),
      "lb1/etc/haproxy/haproxy.cfg": haproxyFor("«192.168.1.100»:80"),
    });
  });
});
