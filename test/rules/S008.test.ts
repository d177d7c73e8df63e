import { describe, it } from "vitest";
import { expectSite, router } from "../site/harness.js";

describe("S008 master-not-highest", () => {
  it("accepts MASTER on the highest priority, and BACKUP everywhere", async () => {
    await expectSite("S008", { "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }) });
    await expectSite("S008", { "lb1/etc/keepalived/keepalived.conf": router({ priority: 150 }), "lb2/etc/keepalived/keepalived.conf": router({ priority: 100 }) });
  });

  it("reports MASTER on a lower priority", async () => {
    await expectSite("S008", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 100 }).replace("state MASTER", "state «MASTER»"),
      "lb2/etc/keepalived/keepalived.conf": router({ priority: 150 }),
    });
  });

  it("reports each of two MASTERs but the winner", async () => {
    await expectSite("S008", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 120 }).replace("state MASTER", "state «MASTER»"),
    });
  });
});
