import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// Measured on haproxy 2.6.12 (tenth mutation round's probes): "'hdr' expects at the name keyword as
// first argument followed by a pattern"; `connect addr 1.2.3.300` is refused.
describe("HA004 http-check expect hdr and check connect addr", () => {
  it("reports a header match without 'name NAME' and a dotted address that is none", () => {
    const found = expectHaproxy(
      "HA004",
      "backend b\n    option httpchk\n    http-check expect hdr «name»\n    http-check expect «hdr»\n    http-check expect hdr name x\n    http-check expect hdr name-lf -m str \"%[var(check.n)]\"\n    http-check expect hdr name -m reg ^a\n    http-check expect fhdr name x value y\n    http-check connect port 80 addr «1.2.3.300»\n    http-check connect addr localhost\n    server s 10.0.0.1:80 check\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'hdr' takes 'name' (or 'name-lf') and the header's name first; haproxy refuses it",
      "'hdr' takes 'name' (or 'name-lf') and the header's name first; haproxy refuses it",
      "'1.2.3.300': not an IPv4 address; haproxy refuses the line",
    ]);
  });
});
