import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const instance = (name: string, vrid: string, extra = "", vip = "10.0.0.1/24") =>
  `vrrp_instance ${name} {\n  interface eth0\n  virtual_router_id ${vrid}\n${extra}  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;

describe("KA015 duplicate-vrid", () => {
  it("accepts different VRIDs, interfaces, address families, multicast groups and unicast peers", () => {
    expectKeepalived(
      "KA015",
      instance("VI_1", "51") +
        instance("VI_2", "52") +
        instance("VI_3", "51", "", "fe80::1/64") +
        instance("VI_4", "51", "  mcast_dst_ip 224.0.0.19\n") +
        instance("VI_5", "51", "  unicast_peer {\n    10.0.0.2\n  }\n") +
        instance("VI_6", "51", "  unicast_peer {\n    10.0.0.3\n  }\n") +
        "vrrp_instance VI_7 {\n  interface eth1\n  virtual_router_id 51\n}\n",
    );
  });

  it("reports two multicast instances with one VRID on one interface", () => {
    const found = expectKeepalived("KA015", instance("VI_1", "51") + instance("VI_2", "«51»"));
    expect(found[0]!.message).toBe("'VI_2' and 'VI_1' (line 1) both use VRID 51 for IPv4 on eth0; keepalived's VRRP process exits");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(2);
  });

  it("reports two unicast instances with a common peer and the same source", () => {
    expectKeepalived(
      "KA015",
      instance("VI_1", "51", "  unicast_peer {\n    10.0.0.2\n    10.0.0.3\n  }\n") + instance("VI_2", "«51»", "  unicast_peer {\n    10.0.0.3\n  }\n"),
    );
  });

  it("leaves per-host instances alone", () => {
    expectKeepalived("KA015", "@lb1 " + instance("VI_1", "51") + "@lb2 " + instance("VI_2", "51"));
    expectKeepalived("KA015", instance("VI_1", "51") + instance("VI_2", "$VRID"));
  });
});
