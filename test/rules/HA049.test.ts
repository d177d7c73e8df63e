import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, unmark } from "./harness.js";

function fixed(source: string, index = 0): string {
  const found = expectHaproxy("HA049", source);
  const fix = found[index]!.fix ?? found[index]!.suggestions?.[0];
  return applyEdits(unmark(source).text, fix!.edits);
}

describe("HA049 httpchk-hidden-header", () => {
  it("accepts option httpchk with a plain version and http-check send", () => {
    expectHaproxy(
      "HA049",
      `backend a
    option httpchk GET /health HTTP/1.1
    http-check send hdr Host www.example.com
    server s 10.0.0.1:80 check
backend b
    option httpchk
    option httpchk /health
    option httpchk HEAD /health HTTP/1.0
`,
    );
  });

  it("is an error from a 3.0 target on, which haproxy 3.0 and 3.2 refuse", () => {
    const source = "backend a\n    option httpchk GET /health «HTTP/1.1\\r\\nHost:\\ www.example.com»\n    server s 10.0.0.1:80 check\n";
    const [at26] = expectHaproxy("HA049", source, { haproxyVersion: "2.6" });
    expect(at26!.severity).toBe("warning");
    expect(at26!.message).toBe("hiding headers after the version of 'option httpchk' is deprecated; write them with 'http-check send'");
    expect(expectHaproxy("HA049", source, { haproxyVersion: "2.8" })[0]!.severity).toBe("warning");
    const [at30] = expectHaproxy("HA049", source, { haproxyVersion: "3.0" });
    expect(at30!.severity).toBe("error");
    expect(at30!.message).toBe("haproxy 3.0 refuses headers hidden after the version of 'option httpchk'; write them with 'http-check send'");
    expect(expectHaproxy("HA049", source)[0]!.severity).toBe("error");
  });

  it("moves hidden headers to an http-check send line", () => {
    const source = `backend a
    option httpchk GET /health «HTTP/1.1\\r\\nHost:\\ www.example.com\\r\\nUser-Agent:\\ haproxy\\ check»
    http-check expect status 200
    server s 10.0.0.1:80 check
`;
    const [found] = expectHaproxy("HA049", source);
    expect(found!.message).toBe("haproxy 3.4 refuses headers hidden after the version of 'option httpchk'; write them with 'http-check send'");
    expect(found!.fix?.description).toBe(`move the headers to 'http-check send hdr Host www.example.com hdr User-Agent "haproxy check"'`);
    expect(applyEdits(unmark(source).text, found!.fix!.edits)).toBe(`backend a
    option httpchk GET /health HTTP/1.1
    http-check send hdr Host www.example.com hdr User-Agent "haproxy check"
    http-check expect status 200
    server s 10.0.0.1:80 check
`);
  });

  it("handles quoted versions, a last line without a line break, CRLF and a bare trailing line break", () => {
    expect(fixed(`listen l\n\toption httpchk OPTIONS * «"HTTP/1.1\\r\\nHost: lb"»`)).toBe(`listen l\n\toption httpchk OPTIONS * HTTP/1.1\n\thttp-check send hdr Host lb\n`);
    expect(fixed("backend a\r\n  option httpchk GET / «HTTP/1.1\\r\\nHost:\\ a»\r\n")).toBe("backend a\r\n  option httpchk GET / HTTP/1.1\r\n  http-check send hdr Host a\r\n");
    expect(fixed("backend a\n  option httpchk GET / «HTTP/1.1\\r\\n»\n")).toBe("backend a\n  option httpchk GET / HTTP/1.1\n");
  });

  it("only suggests the change in defaults and when http-check rules come first", () => {
    let [found] = expectHaproxy("HA049", "defaults\n    option httpchk GET / «HTTP/1.1\\r\\nHost:\\ a»\n");
    expect(found!.fix).toBeUndefined();
    expect(found!.suggestions).toHaveLength(1);
    [found] = expectHaproxy("HA049", "backend b\n    http-check expect status 200\n    option httpchk GET / «HTTP/1.1\\r\\nHost:\\ a»\n");
    expect(found!.fix).toBeUndefined();
    expect(found!.suggestions).toHaveLength(1);
  });

  it("offers nothing when a send line exists or a body is hidden", () => {
    let [found] = expectHaproxy("HA049", "backend b\n    option httpchk GET / «HTTP/1.1\\r\\nHost:\\ a»\n    http-check send hdr X-A b\n");
    expect(found!.message).toContain("move them to this section's 'http-check send' line");
    expect(found!.fix).toBeUndefined();
    expect(found!.suggestions).toBeUndefined();
    [found] = expectHaproxy("HA049", "backend b\n    option httpchk POST /check «HTTP/1.1\\r\\nHost:\\ a\\r\\n\\r\\nping»\n");
    expect(found!.message).toContain("refuses a body or other lines hidden");
    expect(found!.fix).toBeUndefined();
  });
});
