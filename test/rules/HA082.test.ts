import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const DEFAULTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";

describe("HA082 regex-invalid", () => {
  it("accepts the regexes PCRE compiles, regsub's as haproxy unescapes them, and leaves extended mode alone", () => {
    expectHaproxy(
      "HA082",
      `${DEFAULTS}frontend www
    bind :80
    acl api path_reg ^/api/(v1|v2)/
    acl host hdr(host) -m reg -i (?i)^(www\\.)?example\\.(com|org)$
    acl named path -m reg ^/(?<id>[0-9]+)/\\k<id>$
    acl loose path -m reg (?x)^a+$
    http-request replace-path ^/old(/.*)?$ /new\\1
    http-request replace-header Host ^(.*)\\.local$ \\1.example.com
    http-request set-var(txn.p) path,regsub(\\(,x)
    http-request deny if api host named loose
    default_backend app
backend app
    option httpchk
    http-check expect rstring ^(ok|ready)
    server a 10.0.0.1:80 check
`,
    );
  });

  it("reports a regsub regex without backslashes, quoted or not, which haproxy compiles as written", () => {
    const found = expectHaproxy(
      "HA082",
      `${DEFAULTS}frontend www\n    bind :80\n    http-request set-header X-A %[path,regsub(«a|+b»,c)]\n    http-request set-header X-B %[path,regsub('«a|+b»',c)]\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n`,
    );
    expect(found[0]!.message).toBe("the regular expression 'a|+b' does not compile: '+' repeats nothing: it follows '(', '|', an anchor, an option or another repeat (at character 3); haproxy refuses the line");
  });

  it("reads a regsub regex with backslashes as haproxy unescapes it before compiling it", () => {
    // haproxy 2.6.12: `regsub(\d[,x)` is "error in regex '\d[' in arg 1 … missing terminating ]",
    // `regsub(\"(\",x)` "regex '('"; `regsub(\(,x)` and `regsub(\\\\[,x)` (the line makes it `\\[`) are accepted.
    const found = expectHaproxy(
      "HA082",
      `${DEFAULTS}frontend www
    bind :80
    http-request set-header X-A %[path,regsub(«\\d[»,x)]
    http-request set-header X-B %[path,regsub(«a\\.b[»,x)]
    http-request set-header X-C «%[path,regsub(\\"(\\",x)]»
    http-request set-header X-D %[path,regsub(\\(,x)]
    http-request set-header X-E %[path,regsub(\\\\\\\\[,x)]
    default_backend app
backend app
    server a 10.0.0.1:80
`,
    );
    expect(found.map((f) => /^the regular expression '(.*)' does not compile/.exec(f.message)?.[1])).toEqual(["\\d[", "a\\.b[", "("]);
  });

  it("reports each regex PCRE refuses, on the word that holds it", () => {
    const found = expectHaproxy(
      "HA082",
      `${DEFAULTS}frontend www
    bind :80
    acl static path_reg «^/(static|assets/.*»
    acl again path -m reg «(a)\\1»
    http-request replace-path «^/old(/.*)?$)» /new
    http-request deny if { path -m reg «*.php» } static again
    default_backend app
backend app
    option httpchk
    http-check expect rstring «[ok»
    server a 10.0.0.1:80 check
`,
    );
    expect(found.map((problem) => problem.message)).toEqual([
      "the regular expression '^/(static|assets/.*' does not compile: this '(' is never closed (at character 3); haproxy refuses the line",
      "the regular expression '(a)\\1' does not compile: '\\1' refers to group 1, but the pattern has no group (at character 4); haproxy refuses the line",
      "the regular expression '^/old(/.*)?$)' does not compile: this ')' closes no group (at character 13); haproxy refuses the line",
      "the regular expression '*.php' does not compile: '*' repeats nothing: it follows the start of the pattern (at character 1); haproxy refuses the line",
      "the regular expression '[ok' does not compile: this '[' character class is never closed with ']' (at character 1); haproxy refuses the line",
    ]);
  });

  it("compiles an fcgi-app's path-info (found by a sweep of section forms)", () => {
    expectHaproxy("HA082", "fcgi-app php\n    docroot /var/www\n    path-info ^(/.+\\.php)(/.*)?$\n");
    const [found] = expectHaproxy("HA082", "fcgi-app php\n    docroot /var/www\n    path-info «(»\n");
    expect(found!.message).toMatch(/^the regular expression '\(' does not compile/);
  });

  it("compiles tcp-check expect rbinary and http-check expect hdr -m reg (measured on 2.6.12, 3.0.11, 3.2.26: \"regex '(' is invalid\")", () => {
    expectHaproxy("HA082", `${DEFAULTS}backend b\n    mode tcp\n    option tcp-check\n    tcp-check expect rbinary ^4142\n    tcp-check expect rbinary «^41(»\n    tcp-check expect ! rbinary «(»\n    server s 127.0.0.1:80 check\n`);
    expectHaproxy("HA082", `${DEFAULTS}backend b\n    option httpchk\n    http-check expect hdr name -m reg «(»\n    http-check expect hdr name x value -m reg «[a»\n    http-check expect hdr name -m str (\n    server s 127.0.0.1:80 check\n`);
  });
});
