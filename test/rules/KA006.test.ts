import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA006 unexpected-brace", () => {
  it("accepts blocks where keywords open them, on the same line or the next", () => {
    expectKeepalived("KA006", "vrrp_instance V\n{\n    virtual_ipaddress {\n        10.0.0.1\n    }\n}\n");
  });

  it("reports a '{' after a value keyword at the brace, and a block keyword without its block", () => {
    const [brace, closing, alone] = expectKeepalived("KA006", "vrrp_instance V {\n    advert_int «{»\n        1\n    }\n«}»\nvrrp_instance W {\n    «virtual_ipaddress» 10.0.0.1\n}\n");
    expect(brace!.message).toBe("'advert_int' does not open a block: keepalived ignores this '{', and its '}' closes vrrp_instance instead");
    expect(closing!.message).toBe("an earlier '}' already closed this block (keepalived ignored a '{' inside it), so no block is open here: keepalived reports this '}' as an unknown keyword");
    expect(alone!.message).toContain("'virtual_ipaddress' opens a block");
  });
});

describe("KA006 unexpected-brace: a block keyword without its '{'", () => {
  it("says keepalived reads the lines that follow as the block (2.2.7: 'VRRP parsed invalid IP virtual_router_id')", () => {
    const [found] = expectKeepalived("KA006", "vrrp_instance VI_1 {\n    state MASTER\n    «virtual_ipaddress» 10.0.0.1/24\n    virtual_router_id 51\n}\n");
    expect(found!.message).toBe("'virtual_ipaddress' opens a block: write 'virtual_ipaddress {' with its entries inside; without the '{' keepalived reads the lines that follow, up to the next '}', as its block");
  });
});

describe("KA006 unexpected-brace: a '}' read where no block is open", () => {
  it("reports the '}' of an unknown top-level block, and that of a block an earlier '}' closed (2.2.7: \"Unknown keyword '}'\")", () => {
    const [own, inner, closed] = expectKeepalived(
      "KA006",
      "foo {\n    bar 1\n«}»\nvrrp_instance VI_1 {\n    zap {\n        zip 2\n    }\n    virtual_ipaddress {\n        10.0.0.1/24\n    «}»\n«}»\n",
    );
    expect(own!.message).toBe("keepalived ignored the '{' this '}' matches, so no block is open here: keepalived reports this '}' as an unknown keyword");
    expect(inner!.message).toBe(own!.message);
    expect(closed!.message).toContain("an earlier '}' already closed this block");
  });

  it("leaves the braces of well-formed blocks, and a '}' that closes the enclosing block, alone", () => {
    expectKeepalived("KA006", "global_defs {\n    router_id a\n}\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n");
    // zap's '}' closes the instance, which keepalived says nothing about; the instance's own '}' comes after.
    expectKeepalived("KA006", "vrrp_instance VI_1 {\n    zap {\n        priority 1\n    }\n«}»\n");
  });
});

describe("KA006 unexpected-brace: where keepalived names a missing '{'", () => {
  it("runs a checker sublevel's finding to the next line, which keepalived names (sixteenth mutation round), but not a value block's", () => {
    const [host, url] = expectKeepalived(
      "KA006",
      "virtual_server 10.0.0.1 25 {\n    lb_algo rr\n    real_server 10.0.0.5 25 {\n        SMTP_CHECK {\n            «host\n        }»\n        HTTP_GET {\n            «url\n            path» /\n        }\n    }\n}\n",
    );
    expect(host!.range.end.line).toBe(5);
    expect(url!.range.end.line).toBe(8);
  });
});
