import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const server = (urls: string) => `virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n${urls}    }\n  }\n}\n`;

describe("KA051 url-incomplete", () => {
  it("accepts urls with a path and distinct digests", () => {
    expectKeepalived("KA051", server("      url {\n        path /\n        digest 9b3a0c85a887a256d6939da88aabd8cd\n      }\n      url {\n        path /health\n        status_code 200\n      }\n"));
  });

  it("reports a url without a path, and a digest given twice", () => {
    const found = expectKeepalived(
      "KA051",
      server("      url {\n        status_code 200\n      «}»\n      url {\n        path /\n        digest 9b3a0c85a887a256d6939da88aabd8cd\n        digest «9B3A0C85A887A256D6939DA88AABD8CD»\n      }\n"),
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error this url has no path; keepalived drops it from the check",
      "warning this digest is already given on line 11; keepalived reports the duplicate",
    ]);
  });
});
