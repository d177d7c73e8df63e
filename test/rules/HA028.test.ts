import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA028 rule-order", () => {
  it("accepts rules in haproxy's order, and sets it does not order", () => {
    expectHaproxy(
      "HA028",
      `frontend www
    bind :80
    tcp-request connection accept if { src 10.0.0.0/8 }
    tcp-request session accept
    tcp-request inspect-delay 5s
    tcp-request content accept
    monitor fail if { nbsrv(app) lt 1 }
    http-request deny if { path_beg /admin }
    http-request return status 200 if { path /health }
    http-request set-header X-A b
    redirect scheme https if !{ ssl_fc }
    use_backend api if { path_beg /api }
    default_backend app
    http-response set-header X-B c
backend app
    http-request set-header X-C d
.if defined(A)
    http-request deny
.else
    http-request allow
.endif
    use-server a if { req.hdr(x-a) -m found }
    http-response set-header X-D e
    server a 10.0.0.1:80
`,
    );
  });

  it("reports a rule written after one of a later set, naming the nearest one", () => {
    const found = expectHaproxy(
      "HA028",
      `frontend www
    bind :80
    use_backend api if { path_beg /api }
    redirect scheme https if !{ ssl_fc }
    «http-request» deny if { path_beg /admin }
    «tcp-request content» accept
    «tcp-request connection» accept
    default_backend app
backend app
    use-server a if TRUE
    http-request set-header X-A b
    server a 10.0.0.1:80
`,
    );
    // Rules written after `use_backend`/`use-server` (lines 4 and 11) are HA054's findings.
    expect(found.map((p) => p.message)).toEqual([
      "this 'http-request' rule is written after a 'redirect' rule (line 4), but haproxy evaluates it before: move it up",
      "this 'tcp-request content' rule is written after a 'http-request' rule (line 5), but haproxy evaluates it before: move it up",
      "this 'tcp-request connection' rule is written after a 'tcp-request content' rule (line 6), but haproxy evaluates it before: move it up",
    ]);
    expect(found[0]!.related?.[0]?.range.start.line).toBe(3);
  });

  it("reports the rule after an unconditional final action, once", () => {
    const found = expectHaproxy(
      "HA028",
      `frontend www
    bind :80
    http-request deny if { path_beg /admin }
    http-request set-header X-A b
    http-request return status 200
    «http-request» set-header X-B c
    http-request set-header X-C d
    http-response deny
    «http-response» set-header X-D e
    http-after-response allow
    «http-after-response» set-header X-E f
`,
    );
    expect(found[0]!.message).toBe("this 'http-request' rule never runs: the 'http-request return' on line 5 has no condition and ends the 'http-request' rules");
  });
});

describe("HA028 suggestions", () => {
  const suggested = (text: string) =>
    lintText("haproxy", text)
      .filter((p) => p.ruleId === "HA028")
      .map((p) => (p.suggestions ?? []).map((s) => [s.description, applyEdits(text, s.edits)]));

  it("moves a rule above the first rule of a set that runs after it", () => {
    const text = "frontend www\n    bind :80\n    http-request set-header X-A 1\n    redirect prefix /new if { path /old }\n    tcp-request content accept\n    default_backend web\nbackend web\n    server b 10.0.0.2:80\n";
    const moved = text.replace("    tcp-request content accept\n", "").replace("    http-request set-header", "    tcp-request content accept\n    http-request set-header");
    expect(suggested(text)).toEqual([[["move this rule above the http-request on line 3", moved]]]);
    expect(lintText("haproxy", moved).filter((p) => p.ruleId === "HA028")).toEqual([]);
  });

  it("moves only the first of two rules of one set, so that they keep their order", () => {
    const text = "frontend www\n    bind :80\n    http-request set-header X-A 1\n    tcp-request content reject if { src 10.0.0.1 }\n    tcp-request content accept\n    default_backend web\nbackend web\n    server b 10.0.0.2:80\n";
    const found = suggested(text);
    expect(found.map((list) => list.length)).toEqual([1, 0]);
  });
});
