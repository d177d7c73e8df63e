import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// haproxy 2.6.12 reads the value of set-mark and set-tos with strtol() in any base and refuses what
// is left: "invalid character starting at 'x' (integer/hex value expected)" (tenth mutation round).
describe("HA004 set-mark and set-tos values", () => {
  it("reports a value with more after its number, in http and tcp rules", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    http-request set-mark «10x»\n    http-response set-tos «abc»\n    tcp-request connection set-mark «1.5»\n    tcp-request content set-tos «0x1g»\n    tcp-request session set-mark «y»\n",
    );
    expect(found[0]!.message).toBe("'10x' is not a number for 'set-mark' (decimal, or hexadecimal after 0x); haproxy refuses the rule");
  });

  it("takes decimal, hexadecimal, octal and negative numbers, with no range", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80\n    http-request set-mark 0x10\n    http-request set-mark -1\n    http-request set-tos 010\n    http-request set-mark 4294967296 if TRUE\n    tcp-request connection set-tos 0X1F\n");
  });
});
