import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const vs = (head: string, method: string, rs: string) => `virtual_server ${head} {\n  lb_kind ${method}\n  protocol TCP\n  real_server ${rs} {\n    weight 1\n  }\n}\n`;

describe("KA033 lvs-dr-port", () => {
  it("accepts equal ports, real servers without a port, and NAT port mapping", () => {
    expectKeepalived("KA033", vs("10.0.0.100 80", "DR", "10.0.0.11 80") + vs("10.0.0.101 80", "DR", "10.0.0.11") + vs("10.0.0.102 80", "NAT", "10.0.0.11 8080"));
  });

  it("reports a different real server port with DR or TUN and fixes it to the virtual server's", () => {
    const found = expectKeepalived("KA033", vs("10.0.0.100 80", "DR", "10.0.0.11 «8080»") + vs("10.0.0.100 443", "TUN", "10.0.0.11 «8443»"));
    expect(found[0]!.message).toBe("with DR forwarding the real server receives packets for port 80 unchanged; keepalived replaces port 8080 by 80");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("80");
  });

  it("says of a virtual_server group that keepalived reports the mismatch, not that it replaces the port (keepalived 2.2.7 and 2.3.3: no 'resetting' there)", () => {
    const found = expectKeepalived("KA033", "virtual_server_group G {\n  10.0.0.120 80\n  10.0.0.121 8080\n}\n" + vs("group G", "DR", "10.0.0.11 «81»"));
    expect(found[0]!.message).toBe("with DR forwarding the real server receives packets for port 80 of the group's entry unchanged, not on port 81; keepalived reports the mismatch");
  });

  it("reads lvs_method, fwmark virtual servers and virtual server groups", () => {
    expectKeepalived(
      "KA033",
      "virtual_server 10.0.0.100 80 {\n  lvs_method DR\n  real_server 10.0.0.11 «81» {\n  }\n}\n" +
        vs("fwmark 5", "DR", "10.0.0.11 «8080»") +
        "virtual_server_group G {\n  10.0.0.120 80\n  10.0.0.121 80\n}\n" +
        vs("group G", "DR", "10.0.0.11 «8080»"),
    );
  });
});

describe("KA033 lvs-dr-port: sorry servers", () => {
  it("reports a sorry_server on another port under DR or TUN, which keepalived resets (found by mutations of real files)", () => {
    const found = expectKeepalived(
      "KA033",
      "virtual_server 10.0.8.10 80 {\n  lb_kind DR\n  sorry_server 10.0.8.12 «1»\n  real_server 10.0.8.9 80 {\n  }\n}\nvirtual_server 10.0.8.11 80 {\n  lb_kind NAT\n  sorry_server 10.0.8.12 1\n  real_server 10.0.8.9 80 {\n  }\n}\nvirtual_server 10.0.8.13 80 {\n  lb_kind TUN\n  sorry_server 10.0.8.12 0\n  real_server 10.0.8.9 80 {\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("with DR forwarding the sorry server receives packets for port 80 unchanged; keepalived replaces port 1 by 80");
  });
});

describe("KA033 lvs-dr-port: a virtual server without a port", () => {
  it("reports a real server port under DR or TUN when the virtual server has none (tenth mutation round)", () => {
    // keepalived 2.2.7: "virtual server [10.0.0.1]:tcp:0 and real server [10.0.0.2]:tcp:3306 ports don't match - resetting".
    const found = expectKeepalived(
      "KA033",
      "virtual_server 10.0.0.1 {\n  persistence_timeout 50\n  lb_kind DR\n  real_server 10.0.0.2 «3306» {\n  }\n  real_server 10.0.0.3 0 {\n  }\n  real_server 10.0.0.4 {\n  }\n}\n" +
        "virtual_server 10.0.0.5 {\n  persistence_timeout 50\n  lb_kind NAT\n  real_server 10.0.0.2 3306 {\n  }\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual(["the virtual server has no port (it takes every port), and with DR forwarding keepalived resets this real server's port 3306 to 0"]);
    expect(found[0]!.fix).toBeUndefined();
  });
});

describe("KA033 lvs-dr-port: a real server's own lvs_method", () => {
  it("reads a real server's lvs_method before its virtual server's (fifteenth mutation round)", () => {
    // keepalived 2.2.7 and 2.3.3: "virtual server [10.0.0.1]:tcp:80 and real server [10.0.0.5]:tcp:8080 ports
    // don't match - resetting" for the TUN real server of a NAT virtual server, nothing for the NAT one of a DR
    // virtual server, and "has port specified - clearing" for a DR real server of a NAT fwmark virtual server.
    const found = expectKeepalived(
      "KA033",
      "virtual_server 10.0.0.1 80 {\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.0.5 «8080» {\n    lvs_method TUN\n  }\n  real_server 10.0.0.6 8080 {\n  }\n}\n" +
        "virtual_server 10.0.0.2 80 {\n  lb_kind DR\n  protocol TCP\n  real_server 10.0.0.5 8080 {\n    lvs_method NAT\n  }\n  real_server 10.0.0.7 «8080» {\n    lvs_method DR\n  }\n}\n" +
        "virtual_server fwmark 5 {\n  lb_kind NAT\n  real_server 10.0.0.5 «8080» {\n    lvs_method DR\n  }\n}\n",
    );
    expect(found[0]!.message).toBe("with TUN forwarding the real server receives packets for port 80 unchanged; keepalived replaces port 8080 by 80");
  });
});

describe("KA033 lvs-dr-port: group entries of the other family", () => {
  it("compares a real server with the group's entries of its own family only, and a mixed group with none (fifteenth mutation round)", () => {
    // keepalived 2.2.7 and 2.3.3 say nothing of an IPv4 real server on port 8080 under a DR group of IPv6 entries, or of
    // a group holding both families; "virtual server [G]:0:[10.0.0.1,80] and real server … ports don't match" otherwise.
    const vs = (entries: string) => `virtual_server_group G {\n${entries}}\nvirtual_server group G {\n  lb_kind DR\n  protocol TCP\n  real_server 10.0.0.5 8080 {\n  }\n}\n`;
    expectKeepalived("KA033", vs("  2001:db8::1-ff 80\n"));
    expectKeepalived("KA033", vs("  10.0.0.1 80\n  2001:db8::1 80\n"));
    expectKeepalived("KA033", vs("  10.0.0.1-20 80\n").replace("10.0.0.5 8080", "10.0.0.5 «8080»"));
  });
});
