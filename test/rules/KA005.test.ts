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
