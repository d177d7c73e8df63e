// Tracker entries read by position, found by the third round of sweeps against keepalived 2.2.7
// (docs/agreement.md, "Sweeps, third round").
import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (block: string) => `vrrp_script chk {
  script /bin/true
  weight 2
}
vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.9/24
  }
${block}
}
`;

describe("KA008 value-entries: a tracker entry is NAME [weight N [reverse|noreverse]]", () => {
  it("reports 'reverse' before a weight and a second weight, as keepalived does", () => {
    // measured on 2.2.7: "unknown track_interface eth1 option reverse - ignoring" (the entry is dropped);
    // "unknown track_interace eth1 weight option weight - ignoring" (the weight of 10 is kept)
    const found = expectKeepalived(
      "KA008",
      instance(`  track_interface {
    eth1 «reverse»
    eth2 weight 10 «weight» 20
    eth3 weight 10 reverse
  }
  track_script {
    chk «reverse» weight 10
  }`),
    );
    expect(found.map((p) => p.message)).toEqual([
      "'reverse' is out of place: a track_interface (in vrrp_instance) entry reads weight N, then reverse in this order after the name; keepalived drops the entry",
      "'weight' is out of place: a track_interface (in vrrp_instance) entry reads weight N, then reverse in this order after the name; keepalived reports it and ignores the word",
      "'reverse' is out of place: a track_script (in vrrp_instance) entry reads weight N, then reverse|noreverse in this order after the name; keepalived drops the entry",
    ]);
  });

  it("says what keepalived keeps of a word after the weight, and warns past the fourth word", () => {
    // measured on 2.2.7: `chk weight 10 x` is "unknown track_script chk weight option x - ignoring";
    // `chk weight 10 reverse x` passes without a word
    const found = expectKeepalived(
      "KA008",
      instance(`  track_script {
    chk weight 10 «x»
  }
  track_interface {
    eth1 weight 10 reverse «x»
  }`),
    );
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["error", "'x' is not 'reverse' or 'noreverse', the only words a track_script (in vrrp_instance) entry takes after its weight; keepalived reports it and ignores the word"],
      ["warning", "keepalived reads no more than 'eth1 weight 10 reverse' of a track_interface (in vrrp_instance) entry and ignores 'x' without a word"],
    ]);
  });
});
