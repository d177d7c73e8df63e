import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA005 deprecated-keyword", () => {
  it("reports nb_get_retry in an HTTP_GET with the fix to retry", () => {
    const [found] = expectKeepalived(
      "KA005",
      "virtual_server 10.0.0.1 80 {\n    real_server 10.0.1.1 80 {\n        HTTP_GET {\n            «nb_get_retry» 3\n        }\n    }\n}\n",
    );
    expect(found!.severity).toBe("warning");
    expect(found!.message).toMatch(/^'nb_get_retry' is deprecated since keepalived .*; use 'retry' instead$/);
    expect(found!.fix?.edits[0]?.newText).toBe("retry");
  });

  it("accepts the replacement", () => {
    expectKeepalived("KA005", "virtual_server 10.0.0.1 80 {\n    real_server 10.0.1.1 80 {\n        HTTP_GET {\n            retry 3\n        }\n    }\n}\n");
  });
});

describe("KA005 deprecated-keyword: route words", () => {
  it("reports 'gw' (fixed to 'via') and 'or' in routes, as keepalived 2.2.7 warns", () => {
    const found = expectKeepalived(
      "KA005",
      "static_routes {\n  0.0.0.0/0 «gw» 192.168.0.1 table 100\n  192.168.113.0/24 via 192.168.100.252 «or» 192.168.100.253\n  10.0.0.0/8 via 192.168.0.1 dev eth0\n}\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'gw' is deprecated in routes (keepalived warns); write 'via'",
      "'or' is deprecated in routes (keepalived warns); give each path with 'nexthop' (nexthop via A nexthop via B)",
    ]);
    expect(found[0]!.fix?.edits[0]?.newText).toBe("via");
  });
});
