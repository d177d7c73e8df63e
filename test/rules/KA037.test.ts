import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA037 trailing-after-brace", () => {
  it("accepts closing braces alone on their line, with comments, and one-line blocks", () => {
    expectKeepalived("KA037", "vrrp_instance VI_1 {\n  virtual_ipaddress { 10.0.0.1/24 }\n  track_script {\n    chk\n  } # end\n}\n}\n");
  });

  it("reports a statement after a closing brace and moves it to its own line", () => {
    const found = expectKeepalived("KA037", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n  } «priority 200»\n}\n");
    expect(found[0]!.message).toBe("this stands after the '}' of 'virtual_ipaddress' on the same line; keepalived reads it as a new statement of 'vrrp_instance', not of 'virtual_ipaddress'");
    expect(found[0]!.fix?.edits[0]).toMatchObject({ newText: "\n  " });
  });

  it("reports a block opened after a closing brace", () => {
    expectKeepalived("KA037", "vrrp_instance VI_1 {\n  virtual_router_id 1\n} «vrrp_instance VI_2» {\n  virtual_router_id 2\n}\n");
  });
});
