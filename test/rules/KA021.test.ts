import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const SCRIPT = 'vrrp_script chk {\n  script "/bin/true"\n  weight -30\n}\nvrrp_script fault {\n  script "/bin/true"\n}\n';

describe("KA021 weight-nopreempt", () => {
  it("accepts nopreempt with unweighted trackers, and weights without nopreempt", () => {
    expectKeepalived("KA021", SCRIPT + "vrrp_instance VI_1 {\n  state BACKUP\n  nopreempt\n  track_script {\n    fault\n  }\n}\nvrrp_instance VI_2 {\n  track_script {\n    chk\n  }\n}\n");
  });

  it("accepts a later preempt, which undoes nopreempt", () => {
    expectKeepalived("KA021", SCRIPT + "vrrp_instance VI_1 {\n  nopreempt\n  preempt\n  track_script {\n    chk\n  }\n}\n");
  });

  it("reports nopreempt with weighted trackers", () => {
    const found = expectKeepalived(
      "KA021",
      SCRIPT + "vrrp_instance VI_1 {\n  state BACKUP\n  «nopreempt»\n  track_script {\n    chk\n  }\n  track_interface {\n    eth1 weight -10\n  }\n}\n",
    );
    expect(found[0]!.message).toBe(
      "with nopreempt, the weights of 'chk', 'eth1' can lower this node's priority but no other node will take the VIP over while this one runs",
    );
    expect(found[0]!.related).toHaveLength(2);
  });
});
