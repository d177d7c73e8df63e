import { describe, expect, it } from "vitest";
import { parseAddress } from "../../server/src/rules/keepalived/ip.js";

describe("keepalived addresses", () => {
  it("gives an IPv4 address in its canonical form, leading zeros dropped", () => {
    expect(parseAddress("192.168.1.10/32")).toMatchObject({ family: 4, address: "192.168.1.10", prefix: 32, hasPrefix: true });
    expect(parseAddress("010.0.01.0")?.address).toBe("10.0.1.0");
    expect(parseAddress("0.0.0.0")?.address).toBe("0.0.0.0");
    expect(parseAddress("10.0.0.00")?.address).toBe("10.0.0.0");
    expect(parseAddress("10.0.0.256")).toBeUndefined();
  });

  it("gives an IPv6 address as eight lower-case groups", () => {
    expect(parseAddress("FE80:0::1%eth0/64")).toMatchObject({ family: 6, address: "fe80:0:0:0:0:0:0:1", prefix: 64 });
  });
});
