import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// haproxy 2.6.12: "'resolve-net' invalid network '10.0.0.0/33'" (tenth mutation round's probes).
describe("HA004 a server's resolve-net", () => {
  it("reports a network that is none, in a comma-separated list", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    server s1 10.0.0.1:80 resolve-net «10.0.0.0/8,10.0.0.0/33»\n    server s2 10.0.0.2:80 resolve-net 10.0.0.0/8,192.168.0.0/16,2001:db8::/32\n",
    );
    expect(found[0]!.message).toBe("'10.0.0.0/8,10.0.0.0/33' holds '10.0.0.0/33', which is no network ('/33' is not an IPv4 mask (a length up to 32, or a dotted mask)) for server option 'resolve-net'");
  });
});
