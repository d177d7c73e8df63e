import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectKeepalived, unmark } from "./harness.js";

describe("KA008 value-entries", () => {
  it("accepts one entry per line with its options, and word lists", () => {
    expectKeepalived(
      "KA008",
      `global_defs {
    notification_email {
        a@example.com b@example.com
    }
}
vrrp_instance V {
    virtual_ipaddress {
        10.0.0.1/24 dev eth0 label eth0:1
        10.0.0.2
    }
    track_script {
        chk weight -20
    }
}
`,
    );
  });

  it("reports a second entry on a line and splits it; unknown options and bad addresses too", () => {
    const source = `vrrp_instance V {
    virtual_ipaddress {
        10.0.0.1/24 «10.0.0.2/24»
        «VIP»
        10.0.0.3 «device» eth0
    }
}
`;
    const [second, bad, option] = expectKeepalived("KA008", source);
    expect(second!.message).toBe("one virtual_ipaddress (in vrrp_instance) entry per line: keepalived reads '10.0.0.2/24' as an option of '10.0.0.1/24' and drops the entry");
    expect(applyEdits(unmark(source).text, second!.fix!.edits)).toContain("        10.0.0.1/24\n        10.0.0.2/24\n");
    expect(bad!.message).toBe("'VIP' is not an IP address; keepalived skips this virtual_ipaddress (in vrrp_instance) entry");
    expect(option!.message).toBe("'device' is not an option of a virtual_ipaddress (in vrrp_instance) entry; keepalived drops the entry");
  });

  it("reports an option left without its value after a word keepalived does not know, as keepalived does", () => {
    const found = expectKeepalived("KA008", "vrrp_instance V {\n    virtual_ipaddress {\n        10.0.0.1 «//vip» «dev»\n        10.0.0.2 «//» x\n    }\n}\n");
    expect(found[1]!.message).toBe("'dev' needs a value after it; keepalived skips this virtual_ipaddress (in vrrp_instance) entry");
  });
});

describe("KA008 value-entries: positional words", () => {
  it("reports a virtual_server_group entry whose port is not a number", () => {
    const found = expectKeepalived("KA008", "virtual_server_group G1 {\n  10.0.0.1 «abc»\n  10.0.0.2 80\n  10.0.0.3-10 443\n  fwmark 7\n}\n");
    expect(found[0]!.message).toBe("'abc' is not a port number; keepalived skips this virtual_server_group entry");
  });
});

describe("KA008 value-entries: a group's firewall mark", () => {
  it("reports a negative mark, which keepalived reads as unsigned", () => {
    expectKeepalived("KA008", "virtual_server_group G1 {\n  fwmark «-5»\n  fwmark 7\n}\n");
  });
});

describe("KA008 value-entries: virtual_server_group addresses", () => {
  const group = (entries: string) => `virtual_server_group G {\n${entries}}\nvirtual_server group G {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.1 80 {\n    TCP_CHECK {\n    }\n  }\n}\n`;

  it("accepts addresses, ranges of their last part and fwmarks", () => {
    expectKeepalived("KA008", group("  10.0.0.1 80\n  10.0.0.1-10 80\n  2001:db8::1-a 443\n  fwmark 5\n"));
  });

  it("accepts a network written with its prefix length, as keepalived 2.2.7 does", () => {
    expectKeepalived("KA008", group("  172.16.4.0/22 80\n  172.16.9.77/32 80\n  172.16.8.0-20/24 443\n  fd00:1::/48 443\n  172.16.12.0/024 80\n"));
  });

  it("reports a prefix length keepalived refuses: bits set past it, 0, above the family's length, not a number", () => {
    const found = expectKeepalived("KA008", group("  «172.16.5.0/22» 80\n  «172.16.9.77/0» 80\n  «fd00:1::/129» 443\n  «fd00:1::1/48» 443\n  «172.16.9.77/x» 80\n"));
    expect(found.map((p) => p.message)).toEqual([
      "'172.16.5.0/22' has bits set past its /22 prefix (write the network's address, or a range: 10.0.0.1-10); keepalived skips this virtual_server_group entry",
      "'172.16.9.77/0' has a prefix length that is not a number from 1 to 32; keepalived skips this virtual_server_group entry",
      "'fd00:1::/129' has a prefix length that is not a number from 1 to 128; keepalived skips this virtual_server_group entry",
      "'fd00:1::1/48' has bits set past its /48 prefix (write the network's address, or a range: 10.0.0.1-10); keepalived skips this virtual_server_group entry",
      "'172.16.9.77/x' has a prefix length that is not a number from 1 to 32; keepalived skips this virtual_server_group entry",
    ]);
  });

  it("reports what keepalived 2.2.7 skips: a host address with a prefix, a host name, a range past 255, a keyword", () => {
    const found = expectKeepalived("KA008", group("  «10.0.0.1/24» 80\n  «example.com» 80\n  «10.0.0.1-300» 80\n  «connect_timeout» 3\n"));
    expect(found.map((p) => p.message)).toEqual([
      "'10.0.0.1/24' has bits set past its /24 prefix (write the network's address, or a range: 10.0.0.1-10); keepalived skips this virtual_server_group entry",
      "'example.com' is not an IP address or address range; keepalived skips this virtual_server_group entry",
      "'10.0.0.1-300' ends its range above 255; keepalived skips this virtual_server_group entry",
      "'connect_timeout' is not an IP address or address range; keepalived skips this virtual_server_group entry",
    ]);
  });
});

describe("KA008 value-entries: rule addresses", () => {
  const rules = (lines: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n  virtual_rules {\n${lines}  }\n}\n`;

  it("accepts addresses, prefixes, 'all' and 'default' after from and to", () => {
    expectKeepalived("KA008", rules("    from all table 100 preference 100\n    from 10.0.0.1 to default table 100 preference 101\n    from 2001:db8::/32 table 100 preference 102\n"));
  });

  it("reports an address keepalived cannot read (it drops the rule), and a prefix too long (it cuts it)", () => {
    const found = expectKeepalived("KA008", rules("    to «192.168.100./24» table 100 preference 100\n    from «10.0.0.0/33» table 100 preference 101\n"));
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["error", "'192.168.100./24' is not an IP address for 'to'; keepalived drops this rule"],
      ["warning", "'10.0.0.0/33' has a prefix length above 32 for 'from'; keepalived uses the longest prefix instead"],
    ]);
  });
});

describe("KA008 value-entries: prefix lengths keepalived reads differently (found by mutations)", () => {
  const instance = (block: string, lines: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  ${block} {\n${lines}  }\n}\n`;

  it("says what keepalived does with an empty, unreadable or too long VIP prefix", () => {
    const found = expectKeepalived("KA008", instance("virtual_ipaddress", "    «10.0.0.1/»\n    «10.0.0.2/abc»\n    «10.0.0.3/33»\n    «2001:db8::1/129»\n    10.0.0.4/0\n"));
    expect(found.map((p) => p.message)).toEqual([
      "'10.0.0.1/' has an empty prefix length; keepalived reads it as /0 without a word",
      "'10.0.0.2/abc' has a prefix length that is not a number; keepalived reports it and uses /32",
      "'10.0.0.3/33' has a prefix length above 32; keepalived reports it and uses /32",
      "'2001:db8::1/129' has a prefix length above 128; keepalived reports it and uses /128",
    ]);
  });

  it("warns about a unicast peer written as a range: keepalived reads the one address before the '-'", () => {
    const found = expectKeepalived("KA008", instance("unicast_peer", "    «10.0.0.2-5»\n    «10.0.0.6-7/24» min_ttl 2\n"));
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'10.0.0.2-5' is read as 10.0.0.2: a unicast_peer entry takes one address, not a range, and keepalived drops '-5' without a word"],
      ["warning", "'10.0.0.6-7/24' is read as 10.0.0.6: a unicast_peer entry takes one address, not a range, and keepalived drops '-7/24' without a word"],
    ]);
  });

  it("leaves a unicast peer's prefix alone: keepalived does not read it", () => {
    expectKeepalived("KA008", instance("unicast_peer", "    10.0.0.9/\n    10.0.0.10/abc\n    10.0.0.11/24\n"));
    const found = expectKeepalived("KA008", instance("unicast_peer", "    «10.0.0.300»\n    «10.0.0.12/-1»\n"));
    expect(found.map((p) => p.message)).toEqual([
      "'10.0.0.300' is not an IP address; keepalived skips this unicast_peer (in vrrp_instance) entry",
      "'10.0.0.12/-1' is not an IP address; keepalived skips this unicast_peer (in vrrp_instance) entry",
    ]);
  });

  it("reads a unicast peer up to its '/', as IPv6 when the word holds a ':' (twelfth mutation round)", () => {
    // keepalived 2.2.7: `10.0.0.2/24/24` passes; `10.0.0.2/24:80` and `10.0.0.2/2:4` are "malformed unicast peer address".
    expectKeepalived("KA008", instance("unicast_peer", "    10.0.0.9/24/24\n"));
    const found = expectKeepalived("KA008", instance("unicast_peer", "    «10.0.0.2/24:80»\n    «10.0.0.3/2:4»\n    «10.0.0/24»\n"));
    expect(found.map((p) => p.message)).toEqual([
      "'10.0.0.2/24:80' is not an IP address: keepalived reads a peer up to its '/', as an IPv6 address since the word holds a ':', and skips this unicast_peer (in vrrp_instance) entry",
      "'10.0.0.3/2:4' is not an IP address: keepalived reads a peer up to its '/', as an IPv6 address since the word holds a ':', and skips this unicast_peer (in vrrp_instance) entry",
      "'10.0.0/24' is not an IP address: keepalived reads a peer up to its '/', and finds no IPv4 address, and skips this unicast_peer (in vrrp_instance) entry",
    ]);
  });
});

describe("KA008 value-entries: words after a virtual_server_group entry's port", () => {
  it("warns that keepalived ignores them and keeps the entry (fifteenth mutation round)", () => {
    // keepalived 2.2.7 and 2.3.3 say nothing of `10.0.0.1 80 80` or `10.0.0.1 80 weight 3`, and a group holding only
    // such an entry is not "removed" as a group with no entries is: the address and port are read, the rest ignored.
    const text = "virtual_server_group G {\n  10.0.0.1 80 «80»\n  10.0.0.3-10 80 «weight 3»\n  10.0.0.20 80 «10.0.0.21 80»\n  fwmark 7\n}\n";
    const found = expectKeepalived("KA008", text);
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "keepalived reads a virtual_server_group entry as an address and a port, and ignores '80' without a word"],
      ["warning", "keepalived reads a virtual_server_group entry as an address and a port, and ignores 'weight 3' without a word"],
      ["warning", "keepalived reads a virtual_server_group entry as an address and a port, and ignores '10.0.0.21 80' without a word; put each entry on its own line"],
    ]);
    const plain = unmark(text).text;
    expect(applyEdits(plain, found[2]!.fix!.edits)).toBe(plain.replace("80 10.0.0.21 80", "80\n  10.0.0.21 80"));
  });
});
