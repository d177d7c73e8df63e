import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const STRICT = "global_defs {\n  vrrp_strict\n}\n";
const instance = (name: string, body: string, vips = "  virtual_ipaddress {\n    10.0.0.1/24\n  }\n") =>
  `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id 51\n${body}${vips}}\n`;

describe("KA028 strict-conflicts", () => {
  it("accepts what strict mode allows, and anything without strict mode", () => {
    expectKeepalived("KA028", STRICT + instance("VI_1", "  state MASTER\n  priority 255\n") + instance("VI_2", "  version 3\n  accept\n  lower_prio_no_advert true\n  garp_lower_prio_repeat 0\n"));
    expectKeepalived("KA028", instance("VI_1", "  state MASTER\n  priority 100\n  preempt_delay 10\n  accept\n"));
  });

  it("reports a strict instance without VIPs", () => {
    const found = expectKeepalived("KA028", STRICT + instance("«VI_1»", "", ""));
    expect(found[0]!.message).toBe("strict mode needs at least one VIP; without one keepalived's VRRP process exits");
  });

  it("reports state MASTER below priority 255", () => {
    expectKeepalived("KA028", STRICT + instance("VI_1", "  state «MASTER»\n  priority 100\n"));
  });

  it("reads state and priority given per host as each host reads them", () => {
    // Found on a real file: keepalived 2.2.7 -t -i master reports "State MASTER must match being
    // address owner"; as any other host (-i backup) it says nothing.
    const found = expectKeepalived("KA028", STRICT + instance("VI_1", "@master state «MASTER»\n@backup state BACKUP\n@master priority 200\n@backup priority 100\n"));
    expect(found[0]!.message).toBe(
      "in strict mode only the address owner (priority 255) may start as MASTER; on host 'master' keepalived starts this instance (priority 200) as BACKUP",
    );
    expectKeepalived("KA028", STRICT + instance("VI_1", "@master state MASTER\n@backup state BACKUP\n@master priority 255\n@backup priority 100\n"));
    expectKeepalived("KA028", STRICT + instance("VI_1", "  state «MASTER»\n@^lb1 priority 255\n@lb1 priority 200\n"));
  });

  it("reports the settings strict mode resets", () => {
    const found = expectKeepalived(
      "KA028",
      STRICT +
        instance(
          "VI_1",
          "  «preempt_delay» 10\n  «accept»\n  use_vmac\n  «vmac_xmit_base»\n  «garp_lower_prio_repeat» 2\n  «lower_prio_no_advert» false\n  «higher_prio_send_advert»\n",
        ),
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error", "error", "error", "error"]);
  });

  it("warns about unicast peers in strict mode", () => {
    const found = expectKeepalived("KA028", instance("VI_1", "  strict_mode\n  «unicast_peer» {\n    10.0.0.2\n  }\n"));
    expect(found[0]!.severity).toBe("warning");
  });
});
