import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// Found by the tenth mutation round's probes, measured on haproxy 2.6.12.
describe("HA004 hash-balance-factor", () => {
  it("reports a factor from 1 to 100 as haproxy reads it (atol into an int), and takes 0 and above 100", () => {
    // "'hash-balance-factor' must be 0 or greater than 100"; `abc` is 0 and `150x` is 150, taken.
    const found = expectHaproxy(
      "HA004",
      "backend b\n    hash-balance-factor «50»\n    hash-balance-factor «-1»\n    hash-balance-factor «4294967396»\n    hash-balance-factor 0\n    hash-balance-factor 101\n    hash-balance-factor 99999999999\n    server s 10.0.0.1:80\n",
    );
    expect(found[2]!.message).toBe("'4294967396' is read as 100: a hash balance factor is 0 (off) or above 100; haproxy refuses the line");
  });
});

describe("HA004 tcp-check send-binary", () => {
  it("reports data that is not hex digits two a byte", () => {
    // "'0g' invalid binary string (an hex digit is expected (found 'g'))", "an even number of hex digit is expected".
    const found = expectHaproxy("HA004", "backend b\n    option tcp-check\n    tcp-check send-binary «0g»\n    tcp-check send-binary «abc»\n    tcp-check send-binary 0102\n    server s 10.0.0.1:80 check\n");
    expect(found.map((p) => p.message)).toEqual([
      "'0g' is not a binary string of 'tcp-check send-binary' ('g' is no hex digit); haproxy refuses it",
      "'abc' is not a binary string of 'tcp-check send-binary' (an even number of hex digits is wanted); haproxy refuses it",
    ]);
  });
});
