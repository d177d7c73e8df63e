import { describe, expect, it } from "vitest";
import { checkShape, isHostName, isIpv6, parseShape } from "../../server/src/facts/shapes.js";

describe("argument shapes", () => {
  it("checks integers with ranges, and numbers", () => {
    expect(checkShape("int:1..255", "100", "keepalived")).toBeUndefined();
    expect(checkShape("int:1..255", "256", "keepalived")).toBe("must be at most 255");
    expect(checkShape("int:1..255", "0", "keepalived")).toBe("must be at least 1");
    expect(checkShape("int:0..", "-1", "haproxy")).toBe("must be at least 0");
    expect(checkShape("int", "1.5", "keepalived")).toBe("is not a whole number");
    expect(checkShape("number:0..", "0.5", "keepalived")).toBeUndefined();
    // keepalived reads decimals with a leading dot (measured: 2.2.7 says "number '.0000001' has too many
    // decimal places" for vrrp_garp_interval, 2.3.3 reads a vrrp_script `interval .0001` as 0.0001).
    expect(checkShape("number", ".2", "keepalived")).toBeUndefined();
    expect(checkShape("number", ".2", "haproxy")).toBe("is not a number");
    expect(checkShape("int", ".2", "keepalived")).toBe("is not a whole number");
  });

  it("reads haproxy times and sizes with their units, and keepalived times as seconds", () => {
    for (const ok of ["10", "10ms", "5s", "1m", "2h", "1d", "100us"]) expect(checkShape("time", ok, "haproxy")).toBeUndefined();
    expect(checkShape("time", "10sec", "haproxy")).toMatch(/is not a time/);
    expect(checkShape("time", "1.5", "keepalived")).toBeUndefined();
    expect(checkShape("size", "16k", "haproxy")).toBeUndefined();
    expect(checkShape("size", "16kb", "haproxy")).toMatch(/is not a size/);
  });

  it("checks enums case-sensitively, as both daemons compare", () => {
    expect(checkShape("enum:MASTER|BACKUP", "MASTER", "keepalived")).toBeUndefined();
    expect(checkShape("enum:MASTER|BACKUP", "master", "keepalived")).toBe("is not one of MASTER, BACKUP");
  });

  it("checks addresses, prefixes and ports", () => {
    expect(checkShape("ip", "10.0.0.1", "keepalived")).toBeUndefined();
    expect(checkShape("ip", "10.0.0.256", "keepalived")).toBe("is not an IP address");
    expect(checkShape("addr", "10.1.1.300", "keepalived")).toBe("is not an IP address");
    expect(checkShape("addr", "mail.example.com", "keepalived")).toBeUndefined();
    expect(checkShape("addr", "10.1.1.1.5", "keepalived")).toBe("is not an IP address");
    expect(checkShape("addr", "10.1.1", "keepalived")).toBeUndefined();
    expect(checkShape("addr", "192.168.1.079", "keepalived")).toBe("is not an IP address");
    expect(checkShape("addr", "192.168.1.07", "keepalived")).toBeUndefined();
    expect(checkShape("cidr", "10.0.0.1/24", "keepalived")).toBeUndefined();
    expect(checkShape("cidr", "10.0.0.1/33", "keepalived")).toBe("has a prefix length above 32");
    expect(checkShape("cidr", "fe80::1/64", "keepalived")).toBeUndefined();
    expect(checkShape("port", "0", "haproxy")).toBe("is not a port between 1 and 65535");
    expect(checkShape("portrange", "1000-2000", "haproxy")).toBeUndefined();
    expect(isIpv6("::1")).toBe(true);
    expect(isIpv6("2001:db8::10.0.0.1")).toBe(true);
    expect(isIpv6("1:2:3:4:5:6:7:8:9")).toBe(false);
    expect(isIpv6("::1::")).toBe(false);
    expect(isHostName("localhost")).toBe(true);
    expect(isHostName("db-1.example.com.")).toBe(true);
    expect(isHostName("bad host")).toBe(false);
  });

  it("marks the shapes every value fits (names, references, addresses checked elsewhere), and only those", () => {
    for (const text of ["def:server", "ref:backend", "ipport", "string", "expr"]) {
      expect(parseShape(text).anyValue).toBe(true);
      expect(parseShape(text).check("%%% not anything", "haproxy")).toBeUndefined();
    }
    for (const text of ["int", "time", "size", "bool", "enum:a|b", "ip", "port", "addr", "email"]) expect(parseShape(text).anyValue).toBeUndefined();
  });

  it("never judges a value that holds a variable", () => {
    expect(checkShape("int:1..255", "${PRIO}", "keepalived")).toBeUndefined();
    expect(checkShape("ip", "$VIP", "keepalived")).toBeUndefined();
  });
});
