import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, lintText } from "./harness.js";

describe("KA031 vip-form", () => {
  it("accepts VIPs with prefixes of the instance's family, and excluded VIPs of the other family", () => {
    expectKeepalived(
      "KA031",
      "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    10.0.0.2/24 dev eth0\n  }\n  virtual_ipaddress_excluded {\n    fe80::1/64\n  }\n}\n",
    );
  });

  it("reports a VIP of the other family, which keepalived ignores", () => {
    const found = expectKeepalived("KA031", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24\n    «fe80::1/64»\n  }\n}\n");
    expect(found[0]!.message).toBe("this VIP is IPv6 but the instance is IPv4 (set by line 3); keepalived ignores it");
    expect(found[0]!.severity).toBe("error");
  });

  it("takes the family from the first address, whichever keyword gives it", () => {
    expectKeepalived(
      "KA031",
      "vrrp_instance VI_1 {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    «fe80::2»\n  }\n  virtual_ipaddress {\n    «fe80::1/64»\n  }\n}\nvrrp_instance VI_2 {\n  virtual_ipaddress {\n    fe80::1/64\n  }\n  unicast_src_ip «10.0.0.1»\n}\n",
    );
  });

  it("reports a real or sorry server of the other family than its virtual server, which keepalived 2.2.7 skips (eleventh mutation round)", () => {
    // keepalived -t: "Address family of virtual server and real server 192.168.1.27 don't match - skipping real server."
    const found = expectKeepalived(
      "KA031",
      "virtual_server 2001:db8::10 80 {\n  lb_kind NAT\n  real_server «192.168.1.27 80 {\n    weight 1\n  }»\n  real_server 2001:db8::11 80 {\n  }\n}\nvirtual_server 10.0.0.1 80 {\n  sorry_server «2001:db8::12» 80\n  real_server 10.0.0.2 80 {\n  }\n}\nvirtual_server fwmark 1 {\n  real_server 2001:db8::13 80 {\n  }\n}\n",
    );
    // Tunnelling carries either family: keepalived 2.2.7 takes them under `lb_kind TUN` (found by a held-out mutation run).
    expectKeepalived("KA031", "virtual_server 10.0.0.2 80 {\n  lb_kind TUN\n  sorry_server fd00::3 80\n  real_server fd00::4 80 {\n  }\n}\nvirtual_server 10.0.0.3 80 {\n  lvs_method TUN\n  real_server fd00::4 80 {\n  }\n}\n");
    expect(found.map((p) => p.message)).toEqual([
      "this real server is IPv4 but its virtual server is IPv6; keepalived skips it",
      "this sorry server is IPv6 but its virtual server is IPv4; keepalived skips it",
    ]);
  });

  it("takes a group or fwmark virtual server's family from its first real server, as keepalived 2.2.7 does (eleventh mutation round)", () => {
    // keepalived -t: IPv6 real servers under a group of IPv4 entries pass; then "Address family of virtual server and real server fd00::6 don't match".
    const found = expectKeepalived(
      "KA031",
      "virtual_server_group G {\n  10.0.0.1 80\n}\nvirtual_server group G {\n  real_server fd00::5 80 {\n  }\n  real_server fd00::6 80 {\n  }\n}\nvirtual_server group G {\n  sorry_server «fd00::7» 80\n  real_server 10.0.0.5 80 {\n  }\n  real_server «fd00::6 80 {\n  }»\n}\nvirtual_server fwmark 1 {\n  real_server 10.0.0.5 80 {\n  }\n  real_server «fd00::6 80 {\n  }»\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "this sorry server is IPv6 but its virtual server is IPv4 (set by its first real server); keepalived skips it",
      "this real server is IPv6 but its virtual server is IPv4 (set by its first real server); keepalived skips it",
      "this real server is IPv6 but its virtual server is IPv4 (set by its first real server); keepalived skips it",
    ]);
  });

  it("advises a prefix on a VIP written without one", () => {
    const found = expectKeepalived("KA031", "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    «10.0.0.1»\n  }\n}\n");
    expect(found[0]!.severity).toBe("info");
  });
});

describe("KA031 suggestions", () => {
  it("offers the prefix the other VIPs share, and the host prefix keepalived reads now", () => {
    const text = "vrrp_instance VI {\n    interface eth0\n    virtual_router_id 5\n    virtual_ipaddress {\n        10.0.0.10/24\n        10.0.0.11\n        2001:db8::1\n    }\n}\n";
    const found = lintText("keepalived", text).filter((p) => p.ruleId === "KA031" && p.severity === "info");
    expect(found.map((p) => p.suggestions!.map((s) => [s.description, applyEdits(text, s.edits)]))).toEqual([
      [
        ["add '/24', as the instance's other VIPs", text.replace("10.0.0.11\n", "10.0.0.11/24\n")],
        ["add '/32' (a host address, as keepalived reads it now)", text.replace("10.0.0.11\n", "10.0.0.11/32\n")],
      ],
      [["add '/128' (a host address, as keepalived reads it now)", text.replace("2001:db8::1\n", "2001:db8::1/128\n")]],
    ]);
  });
});

describe("KA031 vip-form: a virtual server's ip_family", () => {
  it("takes a group or fwmark server's family from an ip_family before its real servers, and reports one that conflicts (fifteenth mutation round)", () => {
    // keepalived 2.2.7 and 2.3.3: "Address family of virtual server and real server 2001:db8::5 don't match - skipping
    // real server." under `ip_family inet`, the same for 10.0.0.5 under `ip_family inet6` (an IPv6 real server passes
    // there, the group's IPv4 entries notwithstanding), and "Virtual server specified family inet6 conflicts with
    // server family" for an ip_family against the address, or written after an IPv4 real server.
    const found = expectKeepalived(
      "KA031",
      "virtual_server fwmark 1 {\n    ip_family inet\n    lb_kind NAT\n    real_server «2001:db8::5 80 {\n    }»\n    real_server 10.0.0.5 80 {\n    }\n}\n" +
        "virtual_server_group G {\n    10.0.0.1 80\n}\n" +
        "virtual_server group G {\n    ip_family inet6\n    lb_kind NAT\n    protocol TCP\n    real_server «10.0.0.5 80 {\n    }»\n    real_server 2001:db8::5 80 {\n    }\n}\n" +
        "virtual_server 10.0.0.9 80 {\n    ip_family «inet6»\n    lb_kind NAT\n    protocol TCP\n    real_server 10.0.0.5 80 {\n    }\n}\n" +
        "virtual_server fwmark 2 {\n    lb_kind NAT\n    real_server 10.0.0.5 80 {\n    }\n    ip_family «inet6»\n}\n" +
        "virtual_server 10.0.0.10 80 {\n    ip_family inet\n    lb_kind NAT\n    protocol TCP\n    real_server 10.0.0.5 80 {\n    }\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "this real server is IPv6 but its virtual server is IPv4 (set by its ip_family); keepalived skips it",
      "this real server is IPv4 but its virtual server is IPv6 (set by its ip_family); keepalived skips it",
      "ip_family inet6 conflicts with the virtual server's IPv4 address; keepalived reports it and keeps IPv4",
      "ip_family inet6 conflicts with the virtual server's IPv4 real servers read before it; keepalived reports it and keeps IPv4",
    ]);
  });
});

describe("KA031 vip-form: a checker's bindto", () => {
  const vs = (reals: string) => `virtual_server 10.0.0.1 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n${reals}}\n`;
  const real = (address: string, check: string) => `    real_server ${address} 80 {\n        TCP_CHECK {\n${check}        }\n    }\n`;

  it("accepts a bindto of the family the check connects to (sixteenth mutation round)", () => {
    expectKeepalived("KA031", vs(real("10.0.0.5", "            bindto 10.0.0.1\n") + real("10.0.0.6", "            connect_ip 2001:db8::6\n            bindto 2001:db8::1\n") + real("10.0.0.7", "            connect_ip 2001:db8::6\n")));
  });

  it("reports one of the other family than the connect_ip above it, else than the real server (a connect_ip below does not count)", () => {
    const found = expectKeepalived(
      "KA031",
      vs(real("10.0.0.5", "            bindto «2001:db8::1»\n") + real("10.0.0.6", "            connect_ip 2001:db8::6\n            bindto «10.0.0.1»\n") + real("10.0.0.7", "            bindto «2001:db8::1»\n            connect_ip 2001:db8::6\n")),
    );
    expect(found.map((p) => p.message)).toEqual([
      "this bindto is IPv6 but the check connects to IPv4 real server 10.0.0.5; keepalived skips it",
      "this bindto is IPv4 but the check connects to IPv6 connect_ip 2001:db8::6; keepalived skips it",
      "this bindto is IPv6 but the check connects to IPv4 real server 10.0.0.7 (a connect_ip below it does not count); keepalived skips it",
    ]);
  });

  it("compares an SMTP_CHECK's bindto, and a host block's, with its own connect_ip only (without one keepalived says nothing)", () => {
    const smtp = (lines: string) => `    real_server 10.0.0.5 25 {\n        SMTP_CHECK {\n${lines}        }\n    }\n`;
    expectKeepalived("KA031", vs(smtp("            bindto 2001:db8::1\n            helo_name lb\n")));
    const found = expectKeepalived("KA031", vs(smtp("            connect_ip 2001:db8::5\n            bindto «10.0.0.1»\n            host {\n                connect_ip 10.0.0.6\n                bindto «2001:db8::1»\n            }\n")));
    expect(found.map((p) => p.message)).toEqual([
      "this bindto is IPv4 but the check connects to IPv6 connect_ip 2001:db8::5; keepalived skips it",
      "this bindto is IPv6 but the check connects to IPv4 connect_ip 10.0.0.6; keepalived skips it",
    ]);
  });
});
