import { describe, expect, it } from "vitest";
import { inetAton } from "../../server/src/rules/keepalived/word-values.js";
import { expectKeepalived } from "./harness.js";

const said = (found: readonly { severity: string; message: string }[]) => found.map((p) => `${p.severity} ${p.message}`);

describe("KA003 garp_extra_if", () => {
  it("takes a delay and 'all' in either order, refuses other words and 'all' alone, and warns of a delay overridden", () => {
    const found = expectKeepalived(
      "KA003",
      `global_defs {
  vrrp_garp_extra_if all 5
  vrrp_garp_extra_if «0»
}
vrrp_instance V {
  garp_extra_if 0
  garp_extra_if 5 all
  garp_extra_if 5 «bogus»
  garp_extra_if «86401» all
  «garp_extra_if» all
  garp_extra_if «5» 6 7
}
`,
    );
    expect(said(found)).toEqual([
      "error '0' is not a delay from 1 to 86400 seconds for 'vrrp_garp_extra_if'; keepalived reports it and ignores the line",
      "error 'bogus' is neither a delay in seconds nor 'all' for 'garp_extra_if'; keepalived reports it and ignores the line",
      "error '86401' is not a delay from 0 to 86400 seconds for 'garp_extra_if'; keepalived reports it and ignores the line",
      "error 'garp_extra_if' needs a delay in seconds, not only 'all'; keepalived reports it and ignores the line",
      "warning '5' is overridden by the later delay '7'; keepalived uses the last one and says nothing",
    ]);
  });

  it("has no finding about extra words: keepalived reads every word", () => {
    expectKeepalived("KA007", "vrrp_instance V {\n  garp_extra_if 5 all all\n}\n");
  });
});

describe("KA003 vrrp_rx_bufs_policy", () => {
  it("takes MTU, ADVERT or a size, and says what keepalived ignores when they are mixed", () => {
    const found = expectKeepalived(
      "KA003",
      `global_defs {
  vrrp_rx_bufs_policy mtu
  vrrp_rx_bufs_policy 4096
  vrrp_rx_bufs_policy «bogus»
  vrrp_rx_bufs_policy MTU «ADVERT»
  vrrp_rx_bufs_policy 4096 «MTU»
  vrrp_rx_bufs_policy MTU «4096»
  vrrp_rx_bufs_policy 4096 «8192»
}
`,
    );
    expect(said(found)).toEqual([
      "error 'bogus' is not MTU, ADVERT or a buffer size in bytes for 'vrrp_rx_bufs_policy'; keepalived reports it and ignores it",
      "error 'vrrp_rx_bufs_policy' takes MTU or ADVERT, not both; keepalived reports it and ignores ADVERT",
      "error 'vrrp_rx_bufs_policy' takes a size or a policy, not both; keepalived reports it and ignores 'MTU'",
      "error keepalived reads a size from the first word ('MTU'), so it reports '4096' as invalid and ignores it; give the size alone",
      "warning keepalived reads a size from the first word only and says nothing about '8192'",
    ]);
  });
});

describe("KA003 persistence_granularity", () => {
  it("reads an IPv4 virtual server's netmask as inet_aton does, and warns of a prefix length read as a netmask", () => {
    const found = expectKeepalived(
      "KA003",
      `virtual_server 10.0.0.1 80 {
  persistence_granularity 255.255.255.0
  persistence_granularity 0xffffff00
  persistence_granularity «24»
  persistence_granularity «255.0.255.0»
  persistence_granularity «255.255.255.256»
  persistence_granularity «08»
}
virtual_server 2001:db8::1 80 {
  persistence_granularity 64
  persistence_granularity «255.255.255.0»
}
virtual_server fwmark 1 {
  persistence_granularity «anything»
  persistence_granularity 24
  persistence_granularity «255.255.255.300»
}
virtual_server group G {
  persistence_granularity «/33»
  persistence_granularity 255.255.255.0
}
`,
    );
    expect(said(found)).toEqual([
      "warning keepalived reads '24' as the netmask 0.0.0.24, not as a prefix length, and says nothing; write 255.255.255.0",
      "warning '255.0.255.0' is not a contiguous netmask; keepalived says nothing and groups clients by those bits",
      "error '255.255.255.256' is not a netmask (such as 255.255.255.0) for 'persistence_granularity'; keepalived reports it and ignores it",
      "error '08' is not a netmask (such as 255.255.255.0) for 'persistence_granularity'; keepalived reports it and ignores it",
      "error '255.255.255.0' is not a prefix length from 1 to 128 for 'persistence_granularity' of an IPv6 virtual server; keepalived reports it and ignores it",
      // A fwmark or group virtual server has no family: 2.2.7 and 2.3.3 read a value without a '.' as
      // an IPv6 prefix length ("invalid number 'anything'"), one with a '.' as a netmask.
      "error 'anything' is not a prefix length from 1 to 128 for 'persistence_granularity' of a fwmark virtual server (a value without a '.' is read as an IPv6 prefix length); keepalived reports it and ignores it",
      "error '255.255.255.300' is not a netmask (such as 255.255.255.0) for 'persistence_granularity'; keepalived reports it and ignores it",
      "error '/33' is not a prefix length from 1 to 128 for 'persistence_granularity' of a group virtual server (a value without a '.' is read as an IPv6 prefix length); keepalived reports it and ignores it",
    ]);
  });

  it("reads addresses as inet_aton does: one to four parts, decimal, octal or hexadecimal, the last filling the rest", () => {
    expect(inetAton("255.255.255.0")).toBe(0xffffff00);
    expect(inetAton("1.16777215")).toBe(0x01ffffff);
    expect(inetAton("0377.0xff.255.0")).toBe(0xffffff00);
    expect(inetAton("24")).toBe(24);
    for (const refused of ["1.16777216", "256.1", "0x", "1..2", "+5", "1.2.3.4.5", "4294967296", "08", ""]) expect(inetAton(refused), refused).toBeUndefined();
  });
});

describe("KA003 UDP_CHECK hexadecimal strings", () => {
  it("takes hexadecimal digits in any grouping for payload, and x for require_reply", () => {
    const found = expectKeepalived(
      "KA003",
      `virtual_server 10.0.0.1 53 {
  protocol UDP
  real_server 10.0.0.2 53 {
    UDP_CHECK {
      payload Ab12f 3 456
      payload 00 «0xab»
      require_reply 12xX
      require_reply «ab:cd»
    }
  }
}
`,
    );
    expect(said(found)).toEqual([
      "error '0xab' is not made of hexadecimal digits for UDP_CHECK 'payload'; keepalived reports an invalid hex string and ignores the line",
      "error 'ab:cd' is not made of hexadecimal digits (or x for one not compared) for UDP_CHECK 'require_reply'; keepalived reports an invalid hex string and ignores the line",
    ]);
  });
});

describe("KA003 interface names", () => {
  it("refuses an interface name with a '/', which no interface has (eleventh mutation round: an address where the name goes)", () => {
    // keepalived 2.2.7 -t exits 5: "WARNING - interface 192.168.0.92/24 for vrrp_instance VI_1 doesn't exist".
    const found = expectKeepalived("KA003", "vrrp_instance A {\n  interface «192.168.0.92/24»\n  virtual_router_id 1\n  priority 100\n}\n");
    expect(said(found)).toEqual(["error '192.168.0.92/24' holds a '/', which no interface name may have; keepalived reports the interface missing"]);
  });

  it("warns of an interface name ending with ';', which keepalived keeps in the name (tenth real-world round: a heredoc with a ';' on every line)", () => {
    // keepalived 2.2.7 -t exits 5: "WARNING - interface eth1; for vrrp_instance VI_1 doesn't exist"; the kernel allows the name.
    const found = expectKeepalived("KA003", "vrrp_instance A {\n  interface «eth1;»\n  virtual_router_id 1\n  priority 100\n}\n");
    expect(said(found)).toEqual(["warning 'eth1;' ends with ';', which keepalived keeps in the name (a keepalived line needs no ';'): it looks for an interface named 'eth1;', not 'eth1'"]);
    expect(found[0]!.fix?.edits).toEqual([{ start: 34, end: 35, newText: "" }]);
  });

  it("warns of an interface written as 'ip link' shows it, with its link after '@' (tenth real-world round: eth0@if2 in a container)", () => {
    // keepalived 2.2.7 -t, with eth0 present: "WARNING - interface eth0@if2 for vrrp_instance A doesn't exist", exit 5.
    const found = expectKeepalived("KA003", "vrrp_instance A {\n  interface «eth0@if2»\n  virtual_router_id 1\n  priority 100\n}\n");
    expect(said(found)).toEqual(["warning 'eth0@if2' reads like 'ip link' output, which shows an interface with its link after '@': the interface is 'eth0', and keepalived looks for one named 'eth0@if2'"]);
    expect(found[0]!.fix?.edits).toEqual([{ start: 34, end: 38, newText: "" }]);
  });

  it("refuses a VRRP instance's interface name longer than 15 characters", () => {
    const found = expectKeepalived("KA003", "vrrp_instance A {\n  interface «abcdefghijklmnop»\n  virtual_router_id 1\n  priority 100\n}\nvrrp_instance B {\n  interface abcdefghijklmno\n  virtual_router_id 2\n  priority 100\n}\n");
    expect(said(found)).toEqual(["error 'abcdefghijklmnop' is 16 characters long, more than the 15 an interface name may have; keepalived ignores it, and the instance has no interface"]);
  });
});
