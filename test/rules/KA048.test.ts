import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA048 virtual-server-defaults", () => {
  it("accepts a virtual_server with a scheduler and a forwarding method, in either spelling", () => {
    expectKeepalived("KA048", "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind DR\n}\nvirtual_server 10.0.0.2 80 {\n  lvs_sched wlc\n  lvs_method NAT\n}\n");
  });

  it("reports what is missing and what keepalived uses instead", () => {
    const found = expectKeepalived(
      "KA048",
      "«virtual_server» 10.0.0.1 80 {\n  lb_algo rr\n}\n«virtual_server» fwmark 5 {\n  lb_kind DR\n}\n«virtual_server» 10.0.0.3 443 {\n  protocol TCP\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "this virtual_server sets no forwarding method (lb_kind); keepalived reports it and uses NAT",
      "this virtual_server sets no scheduler (lb_algo); keepalived reports it and uses wlc",
      "this virtual_server sets no scheduler (lb_algo) and no forwarding method (lb_kind); keepalived reports it and uses wlc and NAT",
    ]);
  });
});
