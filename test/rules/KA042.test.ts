import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA042 undefined-vs-group", () => {
  it("accepts a defined group, wherever it stands", () => {
    expectKeepalived("KA042", "virtual_server group WEB {\n  protocol TCP\n}\nvirtual_server_group WEB {\n  10.0.0.1 80\n}\n");
  });

  it("reports an undefined group with a did-you-mean fix", () => {
    const found = expectKeepalived("KA042", "virtual_server_group WEB {\n  10.0.0.1 80\n}\nvirtual_server group «WBE» {\n  protocol TCP\n}\n");
    expect(found[0]!.message).toBe("virtual_server_group 'WBE' is not defined; keepalived ignores this virtual_server when it starts; did you mean 'WEB'?");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("WEB");
  });
});

describe("KA042 undefined-vs-group: an empty group", () => {
  it("warns where a virtual_server names a group with no entries, which keepalived removes", () => {
    const found = expectKeepalived("KA042", "virtual_server_group G2 {\n}\nvirtual_server group «G2» {\n  lb_algo rr\n  lb_kind NAT\n}\n");
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual(["warning virtual_server_group 'G2' has no entries; keepalived removes it and ignores this virtual_server"]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(0);
  });
});
