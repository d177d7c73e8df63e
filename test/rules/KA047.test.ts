import { describe, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA047 auth-deprecated", () => {
  it("notes every authentication block, and nothing else", () => {
    expectKeepalived("KA047", "vrrp_instance A {\n    «authentication» {\n        auth_type PASS\n        auth_pass x\n    }\n}\nvrrp_instance B {\n    priority 100\n}\n");
  });
});
