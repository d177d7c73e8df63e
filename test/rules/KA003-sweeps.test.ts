// Value forms found by sweeps against keepalived 2.2.7 (docs/agreement.md, "Sweeps of value forms").
import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA003 invalid-arguments: the blocks a sweep of value forms added", () => {
  it("holds BFD instances, garp groups and SMTP hosts to the ranges keepalived checks", () => {
    const found = expectKeepalived(
      "KA003",
      `bfd_instance b1 {
  neighbor_ip 10.0.0.2
  ttl «0»
  max_hops -1
  multiplier «256»
  idle_tx «5»
  min_rx 10
}
garp_group {
  interface eth0
  garp_interval «-5»
}
virtual_server 10.0.0.1 25 {
  lb_algo rr
  lb_kind NAT
  protocol TCP
  real_server 10.0.0.3 25 {
    SMTP_CHECK {
      host {
        connect_ip 10.0.0.4
        connect_timeout «0»
        retry «-5»
      }
    }
  }
}
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'0' must be at least 1 for 'ttl'",
      "'256' must be at most 255 for 'multiplier'",
      "'5' must be at least 1000 for 'idle_tx'",
      "'-5' must be at least 0 for 'garp_interval'",
      "'0' must be at least 0.000001 for 'connect_timeout'",
      "'-5' must be at least 0 for 'retry'",
    ]);
  });

  it("holds a track_file's weight to -254..254", () => {
    const found = expectKeepalived("KA003", "track_file f1 {\n  file /run/f1\n  weight 254\n}\nvrrp_track_file f2 {\n  file /run/f2\n  weight «256» reverse\n}\n");
    expect(found.map((p) => p.message)).toEqual(["'256' must be at most 254 for 'weight'"]);
  });

  it("takes a status code with a '+', as strtoul() reads it", () => {
    const found = expectKeepalived(
      "KA003",
      "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.3 80 {\n    HTTP_GET {\n      url {\n        path /\n        status_code +200 200-+299 «-200» «200-»\n      }\n    }\n  }\n}\n",
    );
    expect(found).toHaveLength(2);
  });
});
