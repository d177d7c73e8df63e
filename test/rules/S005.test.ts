import { describe, it } from "vitest";
import { expectSite, router } from "../site/harness.js";

const auth = (pass: string) => `    authentication {\n        auth_type PASS\n        auth_pass ${pass}\n    }\n`;

describe("S005 peer-auth-mismatch", () => {
  it("accepts passwords that differ only after 8 characters", async () => {
    await expectSite("S005", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, extra: auth("abcdefgh1") }),
      "lb2/etc/keepalived/keepalived.conf": router({ extra: auth("abcdefgh2") }),
    });
  });

  it("ignores authentication with VRRPv3", async () => {
    await expectSite("S005", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, extra: "    version 3\n" + auth("one") }),
      "lb2/etc/keepalived/keepalived.conf": router({ extra: "    version 3\n" + auth("two") }),
    });
  });

  it("reports another password, and a node without authentication", async () => {
    await expectSite("S005", {
      "lb1/etc/keepalived/keepalived.conf": router({ state: "MASTER", priority: 150, extra: auth("secret1") }),
      "lb2/etc/keepalived/keepalived.conf": router({ extra: auth("«secret2»") }),
      "lb3/etc/keepalived/keepalived.conf": router({ priority: 90 }).replace("VI_1", "«VI_1»"),
    });
  });
});
