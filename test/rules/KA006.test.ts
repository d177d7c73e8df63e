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

describe("KA006 unexpected-brace: a block keyword without its '{'", () => {
  it("says keepalived reads the lines that follow as the block (2.2.7: 'VRRP parsed invalid IP virtual_router_id')", () => {
    const [found] = expectKeepalived("KA006", "vrrp_instance VI_1 {\n    state MASTER\n    «virtual_ipaddress» 10.0.0.1/24\n    virtual_router_id 51\n}\n");
    expect(found!.message).toBe("'virtual_ipaddress' opens a block: write 'virtual_ipaddress {' with its entries inside; without the '{' keepalived reads the lines that follow, up to the next '}', as its block");
  });
});
