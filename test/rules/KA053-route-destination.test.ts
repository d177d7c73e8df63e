// A route without a destination, and a route type without an address after it. Measured on keepalived
// 2.2.7 and 2.3.3: `dev eth0`, `src A via B`, `metric 5 table 10` and `nexthop via A dev eth0` are
// "Route must have a destination"; `blackhole` alone is "missing a parameter"; `unreachable to X` is
// "VRRP parsed invalid IP to"; `to X`, `table 10 X`, `mtu lock 1500 X` and `X nexthop …` are taken.
import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const routes = (...lines: string[]) =>
  `vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.1.1.1/24\n  }\n  virtual_routes {\n${lines.map((line) => `    ${line}\n`).join("")}  }\n}\n`;

describe("KA053 a route's destination", () => {
  it("reports a route with none, at its first word", () => {
    for (const version of ["2.2", "2.3"]) {
      const found = expectKeepalived("KA053", routes("«dev» eth0", "«src» 10.1.1.1 via 10.1.1.254", "«metric» 5 table 10", "«nexthop» via 10.1.1.254 dev eth0"), { keepalivedVersion: version });
      expect(found[0]!.message).toBe("this route has no destination (an address or 'default', first or after 'to'); keepalived reports it and skips the route");
    }
  });

  it("reads the word after a route type as the destination", () => {
    const found = expectKeepalived("KA053", routes("«blackhole»", "unreachable «to» 10.5.0.0/16 dev eth0", "prohibit 10.6.0.0/16 dev eth0", "throw default dev eth0"));
    expect(found.map((problem) => problem.message)).toEqual([
      "'blackhole' needs the route's destination after it; keepalived reports the line and skips the route",
      "keepalived reads the word after 'unreachable' as the route's destination, and 'to' is no address; it skips the route",
    ]);
  });

  it("takes a destination after 'to', after options with their values, and before nexthops", () => {
    expectKeepalived("KA053", routes("to 10.3.0.0/16 dev eth0", "table 10 10.4.0.0/16 dev eth0", "mtu lock 1500 10.6.0.0/16 dev eth0", "10.0.0.0/8 nexthop via 10.1.1.254 dev eth0", "default via 10.1.1.254 dev eth0"));
  });

  it("leaves such routes to KA053 in KA044", () => {
    expectKeepalived("KA044", routes("dev eth0", "blackhole", "unreachable to 10.5.0.0/16", "«10.0.0.0/8» via 10.1.1.254"), { keepalivedVersion: "2.2" });
  });
});
