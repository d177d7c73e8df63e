import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const server = (kind: string) => `virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind ${kind}\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    lvs_method NAT\n  }\n}\n`;

describe("KA055 tunnel-options", () => {
  it("accepts a method alone and the tunnel options keepalived takes", () => {
    for (const kind of ["NAT", "TUN type ipip", "NAT type ipip", "TUN type gue port 5555", "TUN port 5555 type gue remcsum", "TUN type gre csum", "TUN type gue port 5555 nocsum", "TUN $OPTIONS"]) expectKeepalived("KA055", server(kind));
  });

  it("reports a line run into lb_kind, which keepalived reads as a tunnel option (found by mutations)", () => {
    const found = expectKeepalived("KA055", server("NAT «persistence_timeout» 50"));
    expect(found.map((p) => p.message)).toEqual(["'persistence_timeout' is not a tunnel option of lb_kind; keepalived reports it and ignores it (a line run into this one?)"]);
  });

  it("reports tunnel types, ports and checksum options keepalived refuses", () => {
    const messages = (kind: string) => expectKeepalived("KA055", server(kind)).map((p) => p.message);
    expect(messages("TUN type «foo»")).toEqual(["'foo' is not a tunnel type (ipip, gue, gre); keepalived reports it"]);
    expect(messages("TUN «type»")).toEqual(["'type' needs a value; keepalived reports it and ignores it"]);
    expect(messages("TUN type gue port «99999»")).toEqual(["'99999' is not a port (1-65535) for the gue tunnel; keepalived reports it"]);
    expect(messages("TUN type «gue»")).toEqual(["a gue tunnel needs a port; keepalived reports it"]);
    expect(messages("TUN type ipip port «5555»")).toEqual(["only a gue tunnel takes a port, not ipip; keepalived reports it"]);
    expect(messages("TUN «csum»")).toEqual(["an ipip tunnel takes no checksum option; keepalived reports it"]);
    expect(messages("TUN type gre «remcsum»")).toEqual(["a gre tunnel takes no remote checksum option; keepalived reports it"]);
  });
});
