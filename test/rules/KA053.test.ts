import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const vips = (...lines: string[]) => `vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n${lines.map((line) => `    ${line}\n`).join("")}  }\n}\n`;

describe("KA053 address-options", () => {
  it("accepts the option values keepalived takes", () => {
    expectKeepalived(
      "KA053",
      vips(
        "10.0.0.1/24 dev eth0 scope global label eth0:vip",
        "10.0.0.2/24 scope 255",
        "10.0.0.3/24 scope 0x10 brd 10.0.0.255",
        "10.0.0.4/30 brd -",
        "10.0.0.5/24 brd + preferred_lft forever",
        "10.0.0.6 preferred_lft 0",
        "10.0.0.7 peer 10.0.0.8",
        "10.0.0.9/32 peer 10.0.0.10 dev eth0",
        "$VIP scope $SCOPE",
        "<public ip>/24 brd <broadcast public ip>",
      ),
    );
  });

  it("reports scopes, broadcasts and lifetimes keepalived cannot use (found by mutations)", () => {
    const found = expectKeepalived(
      "KA053",
      vips("10.0.0.1/24 scope «wrong»", "10.0.0.2/24 scope «256»", "10.0.0.3 broadcast «x»", "10.0.0.4 brd «10.0.0.255/24»", "10.0.0.5 broadcast «+»", "10.0.0.6/31 brd «-»", "10.0.0.7 preferred_lft «x»", "10.0.0.8 preferred_lft «-1»"),
    );
    expect(found.map((p) => p.message)).toEqual([
      "'wrong' is not a scope (global, site, link, host, nowhere or 0-255); keepalived ignores the scope",
      "'256' is not a scope (global, site, link, host, nowhere or 0-255); keepalived ignores the scope",
      "'x' is not an IPv4 address, + or -; keepalived skips this address",
      "'10.0.0.255/24' is not an IPv4 address, + or -; keepalived skips this address",
      "a /32 address has no broadcast to compute; keepalived reports it and sets none",
      "a /31 address has no broadcast to compute; keepalived reports it and sets none",
      "'x' is not a lifetime (seconds up to 4294967295, or forever); keepalived ignores it",
      "'-1' is not a lifetime (seconds up to 4294967295, or forever); keepalived ignores it",
    ]);
  });

  it("reports options an IPv6 address does not take, long labels, peers and repeated devices", () => {
    const found = expectKeepalived(
      "KA053",
      `static_ipaddress {\n  fe80::1/64 dev eth0 scope «link»\n  fe80::2/64 dev eth0 brd «+»\n  fe80::3/64 dev eth0 label «x»\n  10.0.0.1/24 dev eth0 label «eth0:verylonglabel1»\n  10.0.0.2 peer «10.0.0.3/24»\n  10.0.0.4 peer «fe80::1»\n  «10.0.0.5/24» peer 10.0.0.6\n  10.0.0.7 dev eth0 «dev» eth0\n  10.0.0.8 peer 10.0.0.9 «brd» 10.0.0.255\n}\n`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "keepalived takes no scope for an IPv6 address and ignores it",
      "an IPv6 address has no broadcast; keepalived skips this address",
      "keepalived takes no label for an IPv6 address and ignores it",
      "the label is longer than 15 characters; keepalived removes this address",
      "'10.0.0.3/24' is not an IP address (without a prefix); keepalived ignores the peer",
      "the peer is IPv6 but the address IPv4; keepalived ignores the peer",
      "an address with a peer takes no prefix length; keepalived ignores the prefix",
      "a second 'dev' for one address; keepalived skips this address",
      "an address with a peer takes no broadcast; keepalived ignores the broadcast",
    ]);
  });

  it("reports a device whose name holds a '/', which no interface has (eleventh mutation round)", () => {
    // keepalived 2.2.7 -t exits 5: "WARNING - interface a/b for ip address 10.0.0.1/24 doesn't exist".
    const found = expectKeepalived("KA053", "vrrp_instance A {\n  virtual_ipaddress {\n    10.0.0.1/24 dev «a/b»\n    10.0.0.2/24 dev eth0.10\n  }\n}\n");
    expect(found[0]!.message).toBe("'a/b' holds a '/', which no interface name may have; keepalived reports the interface missing");
  });

  it("reports a broadcast with a part written with a leading 0, which keepalived cannot read (found by mutations of the corpus)", () => {
    const found = expectKeepalived("KA053", vips("172.25.8.204/16 brd «172.025.255.255»", "172.25.8.205/16 brd 172.25.255.255"));
    expect(found[0]!.message).toBe("'172.025.255.255' is not an IPv4 address, + or -; keepalived skips this address");
  });

  it("reads the addresses of routes: src, via, gw and or, a plain address of the route's family", () => {
    const found = expectKeepalived(
      "KA053",
      "static_routes {\n  10.1.0.0/16 via «10.0.0.300» dev eth0\n  src «10.0.0.2/24» 10.2.0.0/16 dev eth0\n  10.3.0.0/16 via «fe80::1» dev eth0\n  10.4.0.0/16 via 10.0.0.1 dev eth0\n  2001:db8::/32 via fe80::1 dev eth0\n  blackhole 10.5.0.0/16\n  default via 10.0.0.1 dev eth0 table 100 metric 5 onlink\n  10.7.0.0/16 «gateway» 10.0.0.1 dev eth0\n}\nvrrp_instance V {\n  virtual_routes {\n    10.6.0.0/16 gw «10.0.0.256»\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("'10.0.0.300' is not an IP address (without a prefix) for 'via'; keepalived skips this route");
    expect(found[2]!.message).toBe("'fe80::1' is IPv6 but the route's other addresses are not; keepalived cannot mix the families and skips this route");
  });

  it("reports a route's or rule's option written last without its value, where keepalived stops reading (2.2.7, 2.3.3)", () => {
    const block = (name: string, lines: string[]) => `  ${name} {\n${lines.map((line) => `    ${line}\n`).join("")}  }\n`;
    const text =
      "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n" +
      block("virtual_routes", ["10.9.0.0/24 dev eth0 «table»", "10.9.0.0/24 «dev»", "10.9.0.0/24 dev eth0 mtu «lock»", "10.9.0.0/24 dev eth0 table 5 metric 3 mtu lock 1500"]) +
      block("virtual_rules", ["from 10.9.0.0/24 «lookup»", "«iif»", "from 10.9.0.0/24 table 5 «preference»", "from 10.9.0.0/24 table 5 preference 3"]) +
      "}\nstatic_rules {\n  from 10.9.0.0/24 «goto»\n}\n";
    const found = expectKeepalived("KA053", text);
    expect(found[0]!.message).toBe("'table' needs a value after it: keepalived reports the line as missing a parameter and reads no further");
  });

  it("reports a virtual rule keepalived drops: no action, a route type for one, a wrong fwmark, a goto backwards (2.2.7, 2.3.3)", () => {
    const rules = [
      "from 10.9.0.0/24 table 5 preference 20",
      "from 10.9.0.0/24 blackhole preference 21",
      "from 10.9.0.0/24 type prohibit preference 22",
      "from 10.9.0.0/24 fwmark 5/0xff nop preference 23",
      "from 10.9.0.0/24 goto 100 preference 24",
      "«from» 10.9.0.0/24 preference 25",
      "from 10.9.0.0/24 «nat» preference 26",
      "from 10.9.0.0/24 type «unicast» preference 27",
      "from 10.9.0.0/24 table 5 fwmark «0x5/x» preference 28",
      "from 10.9.0.0/24 goto «5» preference 29",
    ];
    const text = `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n  virtual_rules {\n${rules.map((line) => `    ${line}\n`).join("")}  }\n}\n`;
    const found = expectKeepalived("KA053", text);
    expect(found.map((problem) => problem.message)).toEqual([
      "this rule has no action (table, goto, blackhole, unreachable, prohibit, nop); keepalived reports it and skips the rule",
      "'nat' is no rule action (table, goto, blackhole, unreachable, prohibit, nop); keepalived reports it and skips this rule",
      "'unicast' is no rule action (table, goto, blackhole, unreachable, prohibit, nop); keepalived reports it and skips this rule",
      "'0x5/x' is not a mark (a number, or MARK/MASK) for the rule's 'fwmark'; keepalived reports it and skips this rule",
      "a rule can only go to a later preference, and 5 is not after its own 29; keepalived reports it and skips this rule",
    ]);
  });

  it("reports the same of a static rule, as 2.2.7 and 2.3.3 do", () => {
    const found = expectKeepalived("KA053", "static_rules {\n  from 10.9.0.0/24 table 100 fwmark «x»\n  «from» 10.9.0.0/24 preference 7\n  from 10.9.0.0/24 «nat» preference 8\n  from 10.9.0.0/24 table 100 preference 9\n}\n");
    expect(found.length).toBe(3);
  });
});
