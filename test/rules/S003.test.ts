import { describe, it } from "vitest";
import { expectSite, router } from "../site/harness.js";

describe("S003 peer-advert-int-mismatch", () => {
  it("accepts one interval, written or not (1 is the default)", async () => {
    await expectSite("S003", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({}).replace("    advert_int 1\n", ""),
    });
  });

  it("reports a different interval on the backup", async () => {
    await expectSite("S003", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150 }),
      "lb2/etc/keepalived/keepalived.conf": router({}).replace("advert_int 1", "advert_int «3»"),
    });
  });
});
