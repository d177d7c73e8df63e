import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA054 rule-after-use-backend", () => {
  it("accepts rules written before the backend choice, and response rules anywhere", () => {
    expectHaproxy(
      "HA054",
      `frontend www
    bind :80
    tcp-request connection reject if { src 192.0.2.0/24 }
    http-request deny if { path_beg /admin }
    redirect scheme https if !{ ssl_fc }
    use_backend api if { path_beg /api }
    default_backend web
    http-response set-header X-Frame-Options DENY
    tcp-request inspect-delay 5s
backend api
    http-request set-header X-Api 1
    use-server a if { path_beg /a }
    http-response del-header Server
    server a 10.0.0.1:80
backend web
    server a 10.0.0.1:80
`,
    );
  });

  it("reports request rules after use_backend, default_backend and use-server", () => {
    const found = expectHaproxy(
      "HA054",
      `frontend www
    bind :80
    use_backend api if { path_beg /api }
    «http-request» deny if { path_beg /admin }
    «redirect» scheme https if !{ ssl_fc }
    default_backend web
frontend other
    bind :81
    default_backend web
    «tcp-request content» reject if { src 192.0.2.0/24 }
    «monitor fail» if { nbsrv(web) lt 1 }
backend api
    use-server a if { path_beg /a }
    «http-request» set-header X-Api 1
    server a 10.0.0.1:80
backend web
    server a 10.0.0.1:80
`,
    );
    expect(found[0]!.message).toBe(
      "this 'http-request' rule is written after the use_backend on line 3, but haproxy evaluates it before choosing a backend; move it above",
    );
    expect(found[2]!.message).toBe(
      "this 'tcp-request content' rule is written after the default_backend on line 9, but haproxy evaluates it before choosing a backend; move it above",
    );
    expect(found[4]!.message).toContain("before choosing a server");
  });

  it("leaves to HA028 the lines haproxy blames on another request rule", () => {
    // haproxy 2.6 warns for lines 4 and 6 "placed after a 'use_backend' rule" (this rule), for
    // line 5 "a 'tcp-request' rule placed after an 'http-request' rule" and for line 7 "a
    // 'http-request' rule placed after a 'redirect' rule" (HA028's).
    expectHaproxy(
      "HA054",
      `frontend www
    bind :80
    use_backend api if { path_beg /api }
    «http-request» deny if { path_beg /admin }
    tcp-request content accept
    «redirect» scheme https if !{ ssl_fc }
    http-request set-header X-A b
backend api
    server a 10.0.0.1:80
`,
    );
  });
});

describe("HA054 suggestions", () => {
  const suggested = (text: string) =>
    lintText("haproxy", text)
      .filter((p) => p.ruleId === "HA054")
      .map((p) => (p.suggestions ?? []).map((s) => [s.description, applyEdits(text, s.edits)]));

  it("moves every rule written after the first backend choice above it, in their order", () => {
    const text = `frontend www
    bind :80
    acl api path_beg /api
    http-request set-header X-A 1
    use_backend api if api
    http-request deny if { path /x }   # first
    use_backend web if { path /w }
    http-request allow
    default_backend web
backend api
    server a 10.0.0.1:80
backend web
    server b 10.0.0.2:80`;
    const moved = text
      .replace("    http-request deny if { path /x }   # first\n", "")
      .replace("    http-request allow\n", "")
      .replace("    use_backend api if api\n", "    http-request deny if { path /x }   # first\n    http-request allow\n    use_backend api if api\n");
    const expected = ["move the 2 rules above the use_backend on line 5", moved];
    expect(suggested(text)).toEqual([[expected], [expected]]);
    expect(lintText("haproxy", moved).filter((p) => p.ruleId === "HA054" || p.ruleId === "HA028")).toEqual([]);
  });

  it("offers no move past an ACL or a rule that stays", () => {
    const acl = "frontend www\n    bind :80\n    use_backend web if { path /w }\n    acl bad path /x\n    http-request deny if bad\nbackend web\n    server b 10.0.0.2:80\n";
    expect(suggested(acl)).toEqual([[]]);
  });
});
