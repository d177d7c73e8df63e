import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (name: string, vrid: number, lines: string) =>
  `vrrp_instance ${name} {\n    interface eth0\n    virtual_router_id ${vrid}\n${lines}    virtual_ipaddress {\n        10.0.0.${vrid}/24\n    }\n}\n`;

describe("KA058 vmac-options", () => {
  it("accepts vmac_xmit_base with use_vmac, promote_secondaries without it, and per-host use_vmac", () => {
    expectKeepalived("KA058", instance("VI_1", 1, "    use_vmac\n    vmac_xmit_base\n") + instance("VI_2", 2, "    promote_secondaries\n"));
    expectKeepalived("KA058", instance("VI_1", 1, "    @lb1 use_vmac\n    vmac_xmit_base\n"));
  });

  it("reports vmac_xmit_base without use_vmac, and promote_secondaries with it as information", () => {
    const found = expectKeepalived("KA058", instance("VI_1", 1, "    «vmac_xmit_base»\n") + instance("VI_2", 2, "    use_vmac vrrp.2\n    «promote_secondaries»\n"));
    expect(found.map((problem) => [problem.severity, problem.message])).toEqual([
      ["warning", "vmac_xmit_base only applies to an instance with use_vmac; keepalived ignores it here"],
      ["info", "keepalived sets promote_secondaries on a VMAC by itself, and ignores this line"],
    ]);
    expect(found[0]!.suggestions?.map((fix) => fix.description)).toEqual(["remove 'vmac_xmit_base', which keepalived ignores"]);
  });

  it("reports use_vmac followed by a word for 'off', which keepalived takes as the VMAC's name", () => {
    const found = expectKeepalived("KA058", instance("VI_1", 1, "    use_vmac «No»\n") + instance("VI_2", 2, "    use_vmac «false»\n"));
    expect(found.map((problem) => [problem.severity, problem.message])).toEqual([
      ["warning", "use_vmac takes the name of the VMAC interface, not a yes or no: keepalived runs this instance on a VMAC named 'No'; remove the line to run it without one"],
      ["warning", "use_vmac takes the name of the VMAC interface, not a yes or no: keepalived runs this instance on a VMAC named 'false'; remove the line to run it without one"],
    ]);
  });

  it("leaves use_vmac with an interface name, or with none, alone", () => {
    expectKeepalived("KA058", instance("VI_1", 1, "    use_vmac vrrp.1\n") + instance("VI_2", 2, "    use_vmac\n") + instance("VI_3", 3, "    use_vmac nobody\n"));
  });

  it("reports a VMAC instance with unicast settings (even an empty unicast_peer) and no vmac_xmit_base, which keepalived -t refuses", () => {
    const peers = "    unicast_src_ip 10.0.0.2\n    unicast_peer {\n        10.0.0.3\n    }\n";
    const found = expectKeepalived("KA058", instance("VI_1", 1, "    «use_vmac» vrrp.1\n" + peers) + instance("VI_2", 2, "    use_vmac\n    vmac_xmit_base\n" + peers) + instance("VI_3", 3, "    «use_vmac»\n    unicast_peer {\n    }\n") + instance("VI_4", 4, "    «use_vmac»\n    unicast_src_ip 10.0.0.2\n") + instance("VI_5", 5, "    use_vmac\n"));
    expect(new Set(found.map((problem) => problem.message))).toEqual(new Set([
      "a VMAC instance with unicast settings needs vmac_xmit_base: keepalived adds it itself, but keepalived -t exits 5 until the line is written",
    ]));
  });

  it("says only that use_vmac false is not a no when the instance also has unicast peers", () => {
    expectKeepalived("KA058", instance("VI_1", 1, "    use_vmac «off»\n    unicast_peer {\n        10.0.0.3\n    }\n"));
  });

  it("reports the words use_vmac and use_ipvlan drop, and an IPv4 ipvlan without its address (2.2.7, 2.3.3)", () => {
    const found = expectKeepalived(
      "KA058",
      instance("VI_1", 1, "    use_vmac vrrp.1 «x»\n") +
        instance("VI_2", 2, "    use_vmac vrrp.2 02:00:00:00:00:01\n") +
        instance("VI_3", 3, "    «use_ipvlan» vrrp.3 «10.0.0.300/24»\n") +
        instance("VI_4", 4, "    use_ipvlan vrrp.4 10.0.0.4/24 bridge\n") +
        instance("VI_5", 5, "    «use_ipvlan» vrrp.5 bridge\n") +
        instance("VI_6", 6, "    use_ipvlan 10.0.0.6/24 «10.0.0.7/24»\n") +
        instance("VI_7", 7, "    «use_ipvlan»\n"),
    );
    expect(found.map((problem) => [problem.severity, problem.message])).toEqual([
      ["warning", "use_vmac takes one interface name (and a MAC address): keepalived drops 'x' (\"VMAC interface name already specified\")"],
      ["error", "an IPv4 instance on an ipvlan needs its address on the use_ipvlan line (use_ipvlan [NAME] ADDRESS/PREFIX): without one keepalived puts the instance in FAULT"],
      ["warning", "'10.0.0.300/24' is not an address, and use_ipvlan takes one interface name: keepalived drops it (\"IPVLAN interface already specified\")"],
      ["error", "an IPv4 instance on an ipvlan needs its address on the use_ipvlan line (use_ipvlan [NAME] ADDRESS/PREFIX): without one keepalived puts the instance in FAULT"],
      ["warning", "use_ipvlan takes one address: keepalived drops '10.0.0.7/24' (\"ipvlan address already specified\")"],
      ["error", "an IPv4 instance on an ipvlan needs its address on the use_ipvlan line (use_ipvlan [NAME] ADDRESS/PREFIX): without one keepalived puts the instance in FAULT"],
    ]);
  });
});
