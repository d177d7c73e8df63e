// Value forms found by sweeps against keepalived 2.2.7 (docs/agreement.md, "Sweeps of value forms").
import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (block: string) => `vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.9/24 dev eth0 preferred_lft +5
  }
${block}
}
`;

describe("KA053 address-options: numbers of routes and rules as keepalived reads them", () => {
  it("reads a route's numbers as unsigned, whole, in their ranges, with 'lock' where it may stand", () => {
    const found = expectKeepalived(
      "KA053",
      instance(`  virtual_routes {
    10.8.0.0/16 via 10.0.0.1 dev eth0 metric +5 mtu lock 1500 rtt 960000
    10.9.0.0/16 via 10.0.0.1 dev eth0 metric «5abc»
    10.10.0.0/16 via 10.0.0.1 dev eth0 hoplimit «256»
    10.11.0.0/16 via 10.0.0.1 dev eth0 quickack «2»
    10.12.0.0/16 via 10.0.0.1 dev eth0 window «-5»
    10.13.0.0/16 via 10.0.0.1 dev eth0 scope «Link»
    10.14.0.0/16 dev eth0 nexthop via 10.0.0.1 weight «0»
  }`),
    );
    expect(found.map((p) => p.message)).toEqual([
      "'5abc' is not a whole number for the route's 'metric'; keepalived reports it and skips this route",
      "'256' is outside 0..255 for the route's 'hoplimit'; keepalived reports it and skips this route",
      "'2' is outside 0..1 for the route's 'quickack'; keepalived reports it and skips this route",
      "'-5' is negative for the route's 'window'; keepalived reports it and skips this route",
      "'Link' is not a scope (global, site, link, host, nowhere or 0-255); keepalived reports it and skips this route",
      "'0' is outside 1..256 for the route's 'weight'; keepalived reports it and skips this route",
    ]);
  });

  it("reads a rule's preference as unsigned, hexadecimal too", () => {
    const found = expectKeepalived("KA053", instance("  virtual_rules {\n    from 10.8.0.0/16 table 5 preference 0x5\n    from 10.9.0.0/16 table 5 priority «-5»\n    from 10.10.0.0/16 table 5 preference «4294967296»\n  }"));
    expect(found.map((p) => p.message)).toEqual([
      "'-5' is negative for the rule's 'priority'; keepalived reports it and skips this rule",
      "'4294967296' is outside 0..4294967295 for the rule's 'preference'; keepalived reports it and skips this rule",
    ]);
  });

  it("holds a unicast peer's TTLs to 0..255", () => {
    const found = expectKeepalived("KA053", instance("  unicast_peer {\n    10.0.0.2 min_ttl 0 max_ttl +255\n    10.0.0.3 max_ttl «256»\n    10.0.0.4 min_ttl «5abc»\n  }"));
    expect(found.map((p) => p.message)).toEqual([
      "'256' is outside 0..255 for the peer's 'max_ttl'; keepalived reports it",
      "'5abc' is not a whole number for the peer's 'min_ttl'; keepalived reports it",
    ]);
  });
});
