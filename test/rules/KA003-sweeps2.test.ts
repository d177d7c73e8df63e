// Value forms found by the second round of sweeps against keepalived 2.2.7 (docs/agreement.md,
// "Sweeps, second round"); scripts/oracle/keepalived-numbers.mjs now asks keepalived these too.
import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA003 invalid-arguments: numbers a second sweep of value forms found", () => {
  it("reads the script timeouts whole and holds the checkers' delays to what keepalived keeps in microseconds", () => {
    const found = expectKeepalived(
      "KA003",
      `global_defs {
  startup_script_timeout «1.5»
  shutdown_script_timeout 10
}
virtual_server 10.0.0.1 80 {
  delay_before_retry «18446744073710»
  real_server 10.0.0.2 80 {
    warmup 18446744073709.55
    TCP_CHECK {
      delay_before_retry 3.5
      warmup «100000000000000000000»
    }
  }
}
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "error", "error"]);
  });
});
