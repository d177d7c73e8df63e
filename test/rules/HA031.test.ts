import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA031 timeout-zero", () => {
  it("accepts non-zero timeouts and zeros that are not timeouts", () => {
    expectHaproxy("HA031", "defaults\n    timeout tunnel 1h\n    timeout client 10\n    retries 0\nbackend app\n    server a 10.0.0.1:80 weight 0\n");
  });

  it("reports each zero timeout with what haproxy does instead", () => {
    const found = expectHaproxy(
      "HA031",
      `defaults
    timeout «tunnel 0»
    timeout «client 0s»
frontend www
    bind :80
    timeout «http-request 0ms»
backend app
    timeout «queue 00»
    server a 10.0.0.1:80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'timeout tunnel 0' does not disable the timeout: 0 means not set, so 'timeout client' and 'timeout server' apply instead",
      "'timeout client 0s' means no timeout at all: connections may stay open forever (haproxy warns about missing timeouts); set a real value",
      "'timeout http-request 0ms' does not disable the timeout: 0 means not set, so 'timeout client' applies instead",
      "'timeout queue 00' does not disable the timeout: 0 means not set, so 'timeout connect' applies instead",
    ]);
  });
});
