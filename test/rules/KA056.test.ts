import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA056 bfd-without-neighbor", () => {
  it("accepts a bfd_instance with a neighbour, in either spelling or on some hosts only", () => {
    expectKeepalived("KA056", "bfd_instance b1 {\n  neighbor_ip 10.0.0.2\n}\nbfd_instance b2 {\n  neighbour_ip 10.0.0.3\n}\nbfd_instance b3 {\n  @lb1 neighbor_ip 10.0.0.4\n  @lb2 neighbor_ip 10.0.0.5\n}\n");
  });

  it("reports one without, from its name through the closing brace keepalived names", () => {
    // keepalived 2.2.7 -t: "(Line 3) Configuration error: BFD instance b1 has no neighbor address set, disabling instance"
    const found = expectKeepalived("KA056", "bfd_instance «b1 {\n  source_ip 10.0.0.1\n}»\n");
    expect(found[0]!.message).toBe("bfd_instance 'b1' has no neighbor_ip; keepalived reports it and disables the instance");
  });

  it("leaves a bfd_instance alone whose settings may come from an include", () => {
    expectKeepalived("KA056", "bfd_instance b1 {\n  include /etc/keepalived/bfd-peer.conf\n}\n");
  });
});

describe("KA056 severity", () => {
  it("is an error: keepalived calls it a configuration error and runs no session (fifteenth mutation round)", () => {
    const found = expectKeepalived("KA056", "bfd_instance «b1 {\n  source_ip 10.0.0.1\n}»\n");
    expect(found[0]!.severity).toBe("error");
  });
});
