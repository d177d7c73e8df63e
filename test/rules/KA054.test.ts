import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const server = (header: string, inside = "") => `${header} {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n${inside}  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\n`;

describe("KA054 virtual-server-address", () => {
  it("accepts an address and a port, IPv6, a persistent service without a port, fwmarks, groups and variables", () => {
    expectKeepalived("KA054", server("virtual_server 10.0.0.1 80") + server("virtual_server 2001:db8::1 443"));
    expectKeepalived("KA054", server("virtual_server 10.0.0.1", "  persistence_timeout 50\n") + server("virtual_server 10.0.0.9 0", "  persistence_timeout 50\n"));
    expectKeepalived("KA054", server("virtual_server fwmark 5") + server("virtual_server group G") + server("virtual_server $VIP $PORT"));
  });

  it("reports an address or port keepalived cannot read: it skips the virtual_server (found by mutations)", () => {
    const found = expectKeepalived(
      "KA054",
      server("virtual_server «10.10.10» 1358") + server("virtual_server «10.0.0.300» 80") + server("virtual_server «mail.example.com» 80") + server("virtual_server «10.0.0.2/-1» 80") + server("virtual_server 10.0.0.1 «99999»") + server("virtual_server 10.0.0.1 «abc»"),
    );
    expect(found.map((p) => p.message)).toEqual([
      "'10.10.10' is not an IP address (keepalived takes no host name here); keepalived skips this virtual_server",
      "'10.0.0.300' is not an IP address (keepalived takes no host name here); keepalived skips this virtual_server",
      "'mail.example.com' is not an IP address (keepalived takes no host name here); keepalived skips this virtual_server",
      "'10.0.0.2/-1' is not an IP address (keepalived takes no host name here); keepalived skips this virtual_server",
      "'99999' is not a port (1-65535); keepalived skips this virtual_server",
      "'abc' is not a port (1-65535); keepalived skips this virtual_server",
    ]);
  });

  it("warns about a range or a prefix length, which keepalived 2.2.7 drops without a word", () => {
    const found = expectKeepalived("KA054", server("virtual_server «10.0.0.1/24» 8080") + server("virtual_server «10.0.0.1-9» 80") + server("virtual_server «2001:db8::1/64» 443"));
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "'10.0.0.1/24' is read as 10.0.0.1: a virtual_server takes no prefix length, and keepalived drops '/24' without a word"],
      ["warning", "'10.0.0.1-9' is read as 10.0.0.1: a virtual_server takes one address, not a range (a virtual_server_group takes ranges), and keepalived drops '-9' without a word"],
      ["warning", "'2001:db8::1/64' is read as 2001:db8::1: a virtual_server takes no prefix length, and keepalived drops '/64' without a word"],
    ]);
  });

  it("warns about a virtual_server without a port that is not persistent", () => {
    const found = expectKeepalived("KA054", server("virtual_server «10.0.0.1»") + server("virtual_server 10.0.0.2 «0»"));
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "a virtual_server without a port balances every port and must be persistent; keepalived reports it and makes it persistent"],
      ["warning", "a virtual_server without a port balances every port and must be persistent; keepalived reports it and makes it persistent"],
    ]);
  });

  it("reports an address with a part written with a leading 0, which keepalived 2.2.7 skips (found by mutations of real files)", () => {
    const found = expectKeepalived("KA054", server("virtual_server «010.000.008.010» 80") + server("virtual_server 10.0.8.10 80"));
    expect(found[0]!.message).toBe("'010.000.008.010' has a part with a leading 0, which keepalived does not read in a virtual_server address; keepalived skips this virtual_server");
  });
});

describe("KA054 virtual-server-address: a '+' before the port", () => {
  it("reports a firewall mark that is no whole number up to 4294967295, which keepalived 2.2.7 skips (eleventh mutation round)", () => {
    // keepalived -t: "virtual server fwmark ''1' must be in [0, 4294967295] - ignoring"; `+5` and `010` pass.
    const found = expectKeepalived(
      "KA054",
      "virtual_server fwmark «'1» {\n  real_server 10.0.0.2 80 {\n  }\n}\nvirtual_server fwmark «0x10» {\n  real_server 10.0.0.2 80 {\n  }\n}\nvirtual_server fwmark «4294967296» {\n  real_server 10.0.0.2 80 {\n  }\n}\nvirtual_server fwmark +5 {\n  real_server 10.0.0.2 80 {\n  }\n}\nvirtual_server fwmark 4294967295 {\n  real_server 10.0.0.2 80 {\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("''1' is not a firewall mark (a whole number from 0 to 4294967295); keepalived skips this virtual_server");
  });

  it("reports 'virtual_server group' or 'fwmark' with nothing after it, on which keepalived 2.2.7 crashes (twelfth mutation round)", () => {
    // keepalived -t: a segmentation fault (exit 139) for each.
    const found = expectKeepalived("KA054", server("virtual_server «group»") + server("virtual_server «fwmark»"));
    expect(found.map((p) => p.message)).toEqual([
      "'virtual_server group' needs the name of its virtual_server_group after it; keepalived 2.2 crashes reading this header",
      "'virtual_server fwmark' needs its firewall mark after it; keepalived 2.2 crashes reading this header",
    ]);
  });

  it("takes a port written with '+', as keepalived 2.2.7 does (tenth mutation round)", () => {
    expectKeepalived("KA054", server("virtual_server 10.0.0.1 +80"));
    expectKeepalived("KA054", server("virtual_server 10.0.0.1 «+x80»"));
  });

  it("warns about a group entry without a port (or port 0) for a virtual_server that is not persistent, as keepalived 2.2.7 does (found by a sweep)", () => {
    const group = (entries: string) => `virtual_server_group G {\n${entries}}\n`;
    expectKeepalived("KA054", group("  10.0.0.1 80\n  fwmark 5\n") + server("virtual_server group G"));
    expectKeepalived("KA054", group("  10.0.0.1\n") + server("virtual_server group G", "  persistence_timeout 50\n"));
    const found = expectKeepalived("KA054", group("  «10.0.0.1»\n  10.0.0.2 «0»\n") + server("virtual_server group G"));
    expect(found.map((p) => p.severity)).toEqual(["warning", "warning"]);
  });
});
