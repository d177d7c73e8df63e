import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA004 removed-keyword", () => {
  it("reports a removed keyword with its replacement, renamed by the fix", () => {
    const [found] = expectKeepalived("KA004", "global_defs {\n    «lvs_id» LB1\n}\n");
    expect(found!.message).toMatch(/^'lvs_id' was removed from keepalived.*; use 'router_id' instead$/);
    expect(found!.fix?.edits[0]?.newText).toBe("router_id");
  });

  it("accepts the current keyword", () => {
    expectKeepalived("KA004", "global_defs {\n    router_id LB1\n}\n");
  });
});
