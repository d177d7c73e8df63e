// Value forms found by the third round of sweeps against keepalived 2.2.7 (docs/agreement.md, "Sweeps, third round").
import { describe, it } from "vitest";
import { expectKeepalived } from "./harness.js";

/** An instance holding `blocks` (already indented by two). */
const instance = (blocks: string) => `vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
${blocks}
}
`;

describe("KA053 address-options: third round of sweeps", () => {
  it("takes a scope of 0 on an IPv6 address, as keepalived does without a word", () => {
    // measured on 2.2.7: `scope global`, `scope 0` and `scope 0x0` pass; `scope link` and `scope 253` are reported
    expectKeepalived(
      "KA053",
      instance(`  virtual_ipaddress {
    fd00::2/64 scope global
    fd00::3/64 scope 0
    fd00::4/64 scope 0x0
    fd00::5/64 scope «link»
    fd00::6/64 scope «253»
  }`),
    );
  });

  it("reports a unicast peer's min_ttl above its max_ttl", () => {
    // measured on 2.2.7: "(VI_1) min_ttl 10 > max_ttl 5 - all packets will be discarded"; 5 and 5 pass
    expectKeepalived(
      "KA053",
      instance(`  unicast_src_ip 10.0.0.1
  unicast_peer {
    10.0.0.9 min_ttl 10 max_ttl «5»
    10.0.0.8 min_ttl 5 max_ttl 5
    10.0.0.7 max_ttl 5
  }
  virtual_ipaddress {
    10.0.0.100/24
  }`),
    );
  });

  it("reports the first word of a virtual rule that is not a rule option", () => {
    // measured on 2.2.7: "Unknown rule option pref", "Unknown rule option 10.0.0.0/24"; `tunnel-id 5` and `dev eth0` pass
    expectKeepalived(
      "KA053",
      instance(`  virtual_ipaddress {
    10.0.0.100/24
  }
  virtual_rules {
    from 10.0.0.0/24 table 100 preference 5 tunnel-id 5 dev eth0
    from 10.0.1.0/24 table 100 «pref» 100
    «10.0.2.0/24» table 100 preference 7
    from 10.0.3.0/24 table 100 preference 8 «x» y z
  }`),
    );
  });
});
