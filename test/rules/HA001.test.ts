import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA001 unknown-keyword", () => {
  it("accepts the keywords, options, actions and negations real configurations use", () => {
    expectHaproxy(
      "HA001",
      `global
    daemon
    maxconn 4096
    thread-groups 1
defaults
    mode http
    no option httpclose
    option redispatch
    timeout http-keep-alive 10s
frontend www
    bind "127.0.0.1:80"
    capture request header Host len 32
    tcp-request content track-sc0 src
    http-request set-var(txn.host) req.hdr(host)
    http-request lua.auth
    use_backend app
backend app
    server app1 10.0.0.1:8080
peers mypeers
    peer lb1 10.0.0.1:1024
    server lb2
`,
    );
  });

  it("reports unknown keywords, options and actions, with a fix for one close spelling", () => {
    const found = expectHaproxy(
      "HA001",
      `defaults
    «optoin» httplog
    option «forwardedfor»
frontend www
    bind :80
    http-request «set-headers» X-A b
    «foo»
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "unknown keyword 'optoin' in a defaults section; did you mean 'option'?",
      "unknown option 'forwardedfor'; did you mean 'option forwardfor'?",
      "unknown http-request action 'set-headers'; did you mean 'set-header'?",
      "unknown keyword 'foo' in a frontend section",
    ]);
    expect(found[1]!.fix?.edits[0]?.newText).toBe("forwardfor");
  });

  it("leaves keywords made of variables alone", () => {
    expectHaproxy("HA001", 'global\n    "${KW}" 1\n');
  });

  it("only warns about an unknown timeout in a ring, which haproxy ignores (found by mutations)", () => {
    const [found] = expectHaproxy("HA001", "ring r\n    size 32764\n    timeout «serer» 10s\n    server s 127.0.0.1:514\n");
    expect(found!.severity).toBe("warning");
    expect(found!.message).toBe("unknown timeout 'serer' (haproxy ignores it in a ring, which reads only 'timeout connect' and 'timeout server'); did you mean 'timeout server'?");
  });

  it("reports 'no' or 'default' before a keyword haproxy cannot negate (found by mutations of real files)", () => {
    const found = expectHaproxy(
      "HA001",
      `global
    no busy-polling
    «no daemon»
defaults
    no option redispatch
    default option http-keep-alive
    «no option httplog»
    «no mode» http
backend b
    «default balance» roundrobin
fcgi-app php
    docroot /var/www
    no option keep-conn
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "haproxy takes 'no' only before an option, 'log' and a few global switches, and refuses 'no daemon'; remove the line, or the 'daemon' it would undo",
      "haproxy cannot turn 'option httplog' off with 'no' and refuses the line; remove the line, or the 'option httplog' it would undo",
      "haproxy takes 'no' only before an option, 'log' and a few global switches, and refuses 'no mode'; remove the line, or the 'mode' it would undo",
      "haproxy takes 'default' only before an option, 'log' and a few global switches, and refuses 'default balance'; remove the line, or the 'balance' it would undo",
    ]);
  });

  it("offers a section keyword for a misspelt section header, read as a line of the section before it", () => {
    const [found] = expectHaproxy("HA001", "defaults\n    mode http\n«frontned» f\n    bind :80\n");
    expect(found!.message).toBe("unknown keyword 'frontned' in a defaults section; did you mean 'frontend'?");
    expect(found!.fix?.edits[0]?.newText).toBe("frontend");
  });
});
