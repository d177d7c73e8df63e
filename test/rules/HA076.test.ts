import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA076 fetch-direction", () => {
  it("accepts fetches of the rule's own side and those read on both", () => {
    expectHaproxy(
      "HA076",
      `frontend f
    bind :80
    http-request set-var(txn.host) req.hdr(host) if { path /a }
    http-response set-header X-Host %[var(txn.host)] if { status 200 }
    http-response set-var(txn.m) method
    http-response set-header X-H %[hdr(x)]
    http-response set-header X-C %[capture.req.hdr(0)]
    tcp-request content set-var(txn.l) req.len
`,
    );
  });

  it("reports a request fetch in a response rule and the reverse; in a condition only a warning (found by mutations)", () => {
    const found = expectHaproxy(
      "HA076",
      `frontend f
    bind :80
    http-response set-header X-Host %[«req.hdr»(host)]
    http-after-response set-var(txn.p) «path»
    http-request set-var(txn.s) «status»
    http-response set-header X-A b if { «path» /a }
`,
    );
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "error 'http-response' rules run on the response, and 'req.hdr' reads the request, which is not available there; haproxy refuses it (keep the value in a variable during the request: http-request set-var(txn.x))",
      "error 'http-after-response' rules run on the response, and 'path' reads the request, which is not available there; haproxy refuses it (keep the value in a variable during the request: http-request set-var(txn.x))",
      "error 'http-request' rules run on the request, and 'status' reads the response, which is not available there; haproxy refuses it",
      "warning 'http-response' rules run on the response, and 'path' reads the request, which is not available there: the condition never matches (keep the value in a variable during the request: http-request set-var(txn.x))",
    ]);
  });
});
