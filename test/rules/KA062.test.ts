import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const server = (check: string) => `virtual_server 10.0.0.1 80 {\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.6 80 {\n${check}  }\n}\n`;

describe("KA062 bfd-values", () => {
  it("accepts names up to 31 characters, sources of the neighbour's family, and one name per BFD_CHECK", () => {
    expectKeepalived(
      "KA062",
      "bfd_instance abcdefghijabcdefghijabcdefghij1 {\n  neighbor_ip 10.0.0.2\n  source_ip 10.0.0.1\n}\nbfd_instance b6 {\n  neighbour_ip 2001:db8::2\n  source_ip 2001:db8::1\n}\n" +
        server("    BFD_CHECK {\n      name b6\n    }\n"),
    );
  });

  it("reports a name past 31 characters and a source_ip of the other family (keepalived 2.2.7 and 2.3.3)", () => {
    // "BFD instance abcdefghijabcdefghijabcdefghij12 name too long (maximum length is 31 characters) - ignoring" (Line 1);
    // "BFD instance b1 source address 2001:db8::1 and neighbor address … are not of the same family, disabling instance" (Line 7).
    const found = expectKeepalived(
      "KA062",
      "bfd_instance «abcdefghijabcdefghijabcdefghij12» {\n  neighbor_ip 10.0.0.3\n}\nbfd_instance b1 {\n  neighbor_ip 10.0.0.4\n  source_ip «2001:db8::1\n}»\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "this bfd_instance name has 32 characters, more than the 31 keepalived takes: it reports it and ignores the whole instance",
      "this source_ip is IPv6 but the neighbor_ip is IPv4; keepalived disables the bfd_instance 'b1'",
    ]);
  });

  it("reports a BFD_CHECK without a name, through its closing brace, and a second name", () => {
    // "No name has been specified for BFD_CHECKER - skipping" on the `}`; "BFD_CHECK - BFD b2 already specified as b3".
    const found = expectKeepalived(
      "KA062",
      "bfd_instance b2 {\n  neighbor_ip 10.0.0.5\n}\nbfd_instance b3 {\n  neighbor_ip 10.0.0.6\n}\n" +
        server("    «BFD_CHECK {\n    }»\n    BFD_CHECK {\n      name b3\n      name «b2»\n    }\n"),
    );
    expect(found.map((p) => p.message)).toEqual([
      "this BFD_CHECK names no bfd_instance; keepalived skips it",
      "this BFD_CHECK already names 'b3': keepalived reports this second name and ignores it",
    ]);
  });

  it("leaves alone what only some hosts read, or what is known at run time", () => {
    expectKeepalived(
      "KA062",
      "bfd_instance b1 {\n  neighbor_ip 10.0.0.4\n  @lb1 source_ip 2001:db8::1\n}\nbfd_instance b2 {\n  neighbor_ip $PEER\n  source_ip 2001:db8::1\n}\n" + server("    BFD_CHECK {\n      include /etc/keepalived/bfd-name.conf\n    }\n"),
    );
  });
});
