import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const DEFAULTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";
/** A frontend with `lines`, and the backend it uses. */
const frontend = (lines: string) => `${DEFAULTS}frontend www\n    bind :80\n${lines}    default_backend app\nbackend app\n    server a 10.0.0.1:80\n`;

describe("HA080 sample-tail", () => {
  it("accepts expressions that end where haproxy wants them to, and words it cannot place", () => {
    expectHaproxy(
      "HA080",
      `${DEFAULTS}frontend www
    bind :80
    acl api req.hdr(host),lower -i api.example.com
    acl old path_beg /old
    acl local src 10.0.0.0/8
    http-request set-var(txn.host) req.hdr(host),lower
    http-request set-header X-Path %[path]%[hdr(host),lower] if api
    http-request set-header X-Both "%[src] %[dst]"
    http-request deny if { req.hdr(x-a),length gt 3 } !local
    http-request set-var(txn.q) str("a)b")
    http-request track-sc0 base32+src
    http-request set-var(txn.l) src,,lower
    http-request set-var(txn.s) src,
    default_backend app
backend app
    server a 10.0.0.1:80
`,
    );
  });

  it("reports what follows an expression in an ACL, an action and a log-format part", () => {
    const found = expectHaproxy(
      "HA080",
      `${DEFAULTS}frontend www
    bind :80
    acl api hdr(host)«x» -i api
    http-request set-var(txn.h) req.hdr(host)«y»
    http-request set-header X-Host %[hdr(host)«x»]
    default_backend app
backend app
    server a 10.0.0.1:80
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "'x' after the sample expression 'hdr(host)': haproxy wants a ',' before a converter, or the end of the word, and refuses the line",
      "'y' after the sample expression 'req.hdr(host)': haproxy wants a ',' before a converter, or the end of the word, and refuses the line",
      "'x' after 'hdr(host)': haproxy wants ']' to end the sample expression there, and refuses the line",
    ]);
  });

  it("reports a ',' that no converter name follows (measured on 2.6.12: \"unknown converter ''\")", () => {
    const found = expectHaproxy("HA080", frontend("    acl api hdr(host)«,»] -i api\n    http-request set-var(txn.h) req.hdr(host),lower«,»(x)\n    http-request set-var(txn.s) src,«,»)\n"));
    expect(found.map((p) => p.message)).toEqual([
      "no converter name after the ',' of 'hdr(host),': haproxy refuses the line (it reads an empty converter name)",
      "no converter name after the ',' of 'req.hdr(host),lower,': haproxy refuses the line (it reads an empty converter name)",
      "no converter name after the ',' of 'src,,': haproxy refuses the line (it reads an empty converter name)",
    ]);
  });

  it("reads the %[…] parts of quoted log-format arguments, and no quoted pattern (twelfth mutation round)", () => {
    expectHaproxy("HA080", frontend('    acl enc path_reg "%[a-z ]"\n    http-request set-header X-A "%[src] %[req.hdr(host),lower]"\n'));
    const found = expectHaproxy(
      "HA080",
      frontend('    http-request set-header X-A "%[src« »]"\n    http-response set-header X-B "x=%[var(txn.url)«),url_dec»]"\n    http-request return status 200 hdr x-c "%[var(txn.hash),digest« (sha256)»]"\n'),
    );
    expect(found.map((p) => p.message)).toEqual([
      "' ' after 'src': haproxy wants ']' to end the sample expression there, and refuses the line",
      "'),url_dec' after 'var(txn.url)': haproxy wants ']' to end the sample expression there, and refuses the line",
      "' (sha256)' after 'var(txn.hash),digest': haproxy wants ']' to end the sample expression there, and refuses the line",
    ]);
  });

  it("reads a quoted expression as haproxy does (measured on 2.6.12, 3.0.11, 3.2.26: \"missing comma after fetch keyword\")", () => {
    expectHaproxy("HA080", frontend('    http-request set-var(txn.a) "str(a),lower"\n    http-request set-var(txn.b) \'str(b)\'\n    http-request set-var(txn.c) "str(a b)"\n'));
    const found = expectHaproxy(
      "HA080",
      frontend('    http-request set-var(txn.x) "str(def_front)« str(def_front)»"\n    http-request set-var(txn.y) \'str(a),lower« upper»\'\n    acl h "hdr(host)« x»" -m str a\n    http-request deny if h\n'),
    );
    expect(found[0]!.message).toBe("' str(def_front)' after the sample expression 'str(def_front)': haproxy wants a ',' before a converter, or the end of the word, and refuses the line");
  });
});
