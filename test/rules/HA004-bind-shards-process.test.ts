import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const V26 = { haproxyVersion: "2.6" } as const;

// Measured on haproxy 2.6.12 (tenth mutation round's probes): "invalid value 65, allowed range is
// 1..64 or 'by-thread'" (`shards x` is 0, `by-group` too), "'1-2' is not a valid number/range. It
// supports numbers from 1 to 1.".
describe("HA004 a bind's shards and process", () => {
  it("reports shards outside 1..64 and by-group at 2.6", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind :80 shards «65»\n    bind :81 shards «x»\n    bind :82 shards «by-group»\n    bind :83 shards by-thread\n    bind :84 shards 2x\n    bind :85 shards 64\n", V26);
    expect(found[0]!.message).toBe("'65' must be between 1 and 64, or by-thread for bind option 'shards'");
  });

  it("reports a process other than 1 at 2.6, with or without a thread set", () => {
    const found = expectHaproxy("HA004", "frontend f\n    bind :80 process «1-2»\n    bind :81 process «x»\n    bind :82 process «2/1»\n    bind :83 process 1/2\n    bind :84 process all\n    bind :85 process odd\n", V26);
    expect(found[0]!.message).toBe("'1-2' names a process other than 1, and haproxy 2.6 runs only process 1 for bind option 'process'");
  });

  it("leaves by-group to later versions", () => {
    expectHaproxy("HA004", "frontend f\n    bind :80 shards by-group\n", { haproxyVersion: "3.4" });
  });
});
