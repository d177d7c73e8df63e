import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// haproxy 2.6.12 reads a capture's `len` with atol() into an int: `len 2147483648` and `len 4294967296`
// are "length must be > 0", while `len 4294967297` (1) and `len 99999999999` pass (tenth mutation round).
describe("HA004 a capture length past 32 bits", () => {
  it("reports a length that comes out 0 or negative in 32 signed bits", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    http-request capture req.hdr(a) len «2147483648»\n    http-request capture req.hdr(b) len «4294967296»\n    http-request capture req.hdr(c) len 4294967297\n    http-request capture req.hdr(d) len 99999999999\n",
    );
    expect(found[0]!.message).toBe("'2147483648' is not a length above 0 once haproxy keeps it in 32 signed bits");
  });
});
