import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const text = "global_defs {\n    «vrrp_delay_after_boot» 30\n}\n";

describe("KA009 newer-keyword", () => {
  it("reports a keyword newer than the target version", () => {
    const [found] = expectKeepalived("KA009", text, { keepalivedVersion: "2.2" });
    expect(found!.message).toBe("'vrrp_delay_after_boot' is not in keepalived 2.2; lblint knows it from 2.4 on (set keepalivedVersion if this file is for a newer keepalived)");
  });

  it("accepts it when the target is new enough", () => {
    expectKeepalived("KA009", text.replace(/[«»]/g, ""), { keepalivedVersion: "2.4" });
  });
});
