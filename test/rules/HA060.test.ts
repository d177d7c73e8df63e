import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA060 unknown-sample", () => {
  it("accepts fetches, converters, ACL aliases, inline ACLs, variables and Lua names", () => {
    expectHaproxy(
      "HA060",
      `frontend www
    bind :80
    acl api path_beg,lower /api
    acl host hdr_dom(host) -i example.com
    http-request set-var(txn.host) req.hdr(host),lower
    http-request set-header X-Id %[var(txn.host)]-%[src,ipmask(24)]
    tcp-request content track-sc0 src
    http-request deny if { req.hdr_cnt(host) gt 1 } || { lua.check }
    use_backend %[req.hdr(host),lower,map_dom(/etc/haproxy/hosts.map,app)]
    http-request set-var-fmt(txn.note) plain-text
`,
    );
  });

  it("reads a number where an expression starts as haproxy does, as an unknown fetch, but not where an action takes an integer", () => {
    expectHaproxy("HA060", "frontend f\n    bind :80\n    http-request set-var(txn.x) «5»\n    http-request set-header X %[«5»]\n    http-request deny if { «5» }\n    http-request sc-set-gpt0(0) 1\n    http-request set-var(txn.y) int(5)\n");
  });

  it("reads a sign where an expression starts as haproxy does, as an unknown fetch, but not where an action takes an integer", () => {
    expectHaproxy("HA060", "frontend f\n    bind :80\n    http-request set-var(txn.x) «+5»\n    http-request sc-set-gpt0(0) +5\n");
  });

  it("reads an action's expression that starts with no name character as haproxy does (found by mutations: typographic quotes)", () => {
    const [found] = expectHaproxy("HA060", "frontend f\n    bind :80\n    http-request set-var(txn.x) «“str»(a)”\n    http-request track-sc0 «/src»\n    http-request set-var(txn.y) \"${X}\"\n");
    expect(found!.message).toBe("unknown sample fetch '“str'; did you mean 'str'?");
  });

  it("reads the status-code expression of a check's expect rule (haproxy 2.6.12: 'error detected while parsing status-code expression')", () => {
    expectHaproxy("HA060", "backend b\n    option httpchk\n    http-check expect status 200 status-code «bogusfetch»\n    server s 10.0.0.1:80 check\n");
    expectHaproxy("HA060", "backend b\n    option tcp-check\n    tcp-check expect string OK status-code int(1),«bogusconv»\n    server s 10.0.0.1:80 check\n");
    expectHaproxy("HA060", "backend b\n    option httpchk\n    http-check expect status 200 status-code int(503)\n    http-check expect string status-code\n    server s 10.0.0.1:80 check\n");
  });

  it("reads the expression of balance hash", () => {
    expectHaproxy("HA060", "backend b\n    balance hash «bogus»\n    server s 10.0.0.1:80\nbackend c\n    balance hash req.hdr(host),lower\n    server s 10.0.0.1:80\n");
  });

  it("reads a check connect rule's port when it is an expression", () => {
    expectHaproxy("HA060", "backend b\n    tcp-check connect port «zzbogus»\n    tcp-check connect port int(8080)\n    http-check connect port 8080\n");
    // haproxy 2.6.12: "error detected while parsing sni expression : unknown fetch method 'nosuch'"
    expectHaproxy("HA060", "backend b\n    server s1 10.0.0.1:443 ssl verify none sni «nosuch»\n    server s2 10.0.0.2:443 ssl verify none sni req.hdr(host)\n    default-server sni «hots»\n");
    // haproxy 2.6.12: "error detected while parsing port expression : unknown fetch method '-1'"
    expectHaproxy("HA060", "backend b\n    tcp-check connect port «-1»\n    http-check connect port «-x» addr 10.0.0.1\n");
  });

  it("reads the expressions of set-priority-class and set-priority-offset, not the format of set-var-fmt", () => {
    expectHaproxy(
      "HA060",
      `frontend www
    bind :80
    http-request set-priority-class «prio»
    http-request set-priority-offset int(5)
    http-request set-var-fmt(txn.x) abc
`,
    );
  });

  it("reports unknown fetches and converters at their exact place", () => {
    const found = expectHaproxy(
      "HA060",
      `frontend www
    bind :80
    acl big «req.hdr_lenght» gt 8000
    http-request set-header X-Host %[req.hdr(host),«lowr»]
    http-request deny if { «sorce» 10.0.0.0/8 }
`,
    );
    expect(found.map((p) => p.message)).toEqual([
      "unknown sample fetch 'req.hdr_lenght'",
      "unknown converter 'lowr'; did you mean 'lower'?",
      "unknown sample fetch 'sorce'",
    ]);
    expect(found[1]!.fix?.edits[0]?.newText).toBe("lower");
  });

  it("reports a fetch newer than the target version", () => {
    const [found] = expectHaproxy("HA060", "frontend f\n    bind :80\n    http-request set-var(txn.c) «req.cook_names»\n", { haproxyVersion: "2.6" });
    expect(found!.message).toBe("sample fetch 'req.cook_names' is not in haproxy 2.6 (lblint knows it from 3.0)");
    expect(found!.severity).toBe("error");
  });

  it("is an error for 3.0, whose keyword dump lacks a converter, and so for 2.8 before it", () => {
    const text = "frontend f\n    bind :80\n    http-request set-var(txn.c) req.hdr(x),«le2dec(:,1)»\n";
    const [at30] = expectHaproxy("HA060", text.replace("«le2dec(:,1)»", "«le2dec»(:,1)"), { haproxyVersion: "3.0" });
    expect(at30!.severity).toBe("error");
    expect(at30!.message).toBe("converter 'le2dec' is not in haproxy 3.0 (lblint knows it from 3.2)");
    expect(expectHaproxy("HA060", text.replace("«le2dec(:,1)»", "«le2dec»(:,1)"), { haproxyVersion: "2.8" })[0]!.severity).toBe("error");
    expectHaproxy("HA060", text.replace(/[«»]/g, ""), { haproxyVersion: "3.2" });
  });

  it("reads a flag where an ACL's fetch must stand as the fetch, as haproxy does (found by mutations)", () => {
    const [found] = expectHaproxy("HA060", "frontend f\n    bind :80\n    acl ws «-i» hdr(Upgrade) WebSocket\n    acl ok hdr(Upgrade) -i WebSocket\n");
    expect(found!.message).toBe("unknown sample fetch '-i'");
  });

  it("reads a word that starts with no name character where an ACL's fetch must stand as the fetch (found by mutations: a pattern and its fetch swapped)", () => {
    const found = expectHaproxy("HA060", "frontend f\n    bind :80\n    acl be1 «/be1» path_beg\n    acl any «*» x\n    http-request deny if { «/x» }\n    acl env ${FETCH} x\n    acl ok path_beg /be1\n");
    expect(found.map((p) => p.message)).toEqual(["unknown sample fetch '/be1'", "unknown sample fetch '*'", "unknown sample fetch '/x'"]);
  });
});
