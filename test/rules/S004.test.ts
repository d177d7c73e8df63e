import { describe, it } from "vitest";
import { expectSite, router } from "../site/harness.js";

describe("S004 peer-version-mismatch", () => {
  it("accepts version 3 set globally on one node and per instance on the other", async () => {
    await expectSite("S004", {
      "lb1/etc/keepalived/keepalived.conf": "global_defs {\n    vrrp_version 3\n}\n" + router({ state: "MASTER", priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({ extra: "    version 3\n" }),
    });
  });

  it("reports VRRPv2 against v3, on the instance name when nothing is written", async () => {
    await expectSite("S004", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, extra: "    version 3\n" }),
      "lb2/etc/keepalived/keepalived.conf": router({}).replace("VI_1", "«VI_1»"),
    });
  });
});
