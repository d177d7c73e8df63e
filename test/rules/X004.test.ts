import { describe, it } from "vitest";
import { expectSite } from "../site/harness.js";
import { haproxyFor, lbPair } from "../site/lb-pair.js";

describe("X004 bind-unknown-address", () => {
  it("accepts VIPs, own addresses, loopback and wildcards", async () => {
    await expectSite("X004", lbPair({ "lb1/etc/haproxy/haproxy.cfg": haproxyFor("192.168.1.100:80,192.168.1.11:8080,127.0.0.1:9000,:443") }));
  });

  it("reports an address the host does not have", async () => {
    await expectSite("X004", lbPair({ "lb1/etc/haproxy/haproxy.cfg": haproxyFor("«192.168.1.110»:80") }));
  });
});
