import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA006 unexpected-brace", () => {
  it("accepts blocks where keywords open them, on the same line or the next", () => {
    expectKeepalived("KA006", "vrrp_instance V\n{\n    virtual_ipaddress {\n        10.0.0.1\n    }\n}\n");
  });

  it("reports a '{' after a value keyword at the brace, and a block keyword without its block", () => {
    const [brace, alone] = expectKeepalived("KA006", "vrrp_instance V {\n    advert_int «{»\n        1\n    }\n}\nvrrp_instance W {\n    «virtual_ipaddress» 10.0.0.1\n}\n");
    expect(brace!.message).toBe("'advert_int' does not open a block: keepalived ignores this '{', and its '}' closes vrrp_instance instead");
    expect(alone!.message).toContain("'virtual_ipaddress' opens a block");
  });
});
