import { describe, it } from "vitest";
import { expectSite, router } from "../site/harness.js";

describe("S006 peer-unicast-mismatch", () => {
  it("accepts unicast on both nodes", async () => {
    await expectSite("S006", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } }),
    });
  });

  it("reports the multicast node of a unicast group", async () => {
    await expectSite("S006", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, unicast: { src: "192.168.1.11", peers: ["192.168.1.12"] } }),
      "lb2/etc/keepalived/keepalived.conf": router({}).replace("VI_1", "«VI_1»"),
    });
  });

  it("reports the unicast_peer block of a unicast node in a multicast group", async () => {
    await expectSite("S006", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({ unicast: { src: "192.168.1.12", peers: ["192.168.1.11"] } }).replace("unicast_peer", "«unicast_peer»"),
    });
  });
});
