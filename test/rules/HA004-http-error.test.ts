import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// haproxy 2.6.12 reads the options of `http-error status CODE` as those of `return`: "'content-type'
// expects <ctype> as argument", "'hdr' expects <name> and <value> as arguments", "unknown keyword 'foo'".
describe("HA004 http-error options", () => {
  it("reports an option without its value and a word that is no option", () => {
    const found = expectHaproxy(
      "HA004",
      "defaults\n    mode http\n    http-error status 503 «content-type»\n    http-error status 502 «hdr» X\n    http-error status 504 «foo» bar\n    http-error status 500 content-type text/plain lf-string \"%[src]\" hdr X-A b\n    http-error status 429 default-errorfiles\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'content-type' needs a value",
      "'hdr' needs a header name and a value",
      expect.stringMatching(/^'foo' is not an option of 'http-error' \(it takes no condition\); haproxy refuses it/),
    ]);
  });
});
