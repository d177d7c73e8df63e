import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA002 wrong-section", () => {
  it("accepts keywords in the sections that take them, and rules in named defaults", () => {
    expectHaproxy("HA002", "global\n    nbthread 4\ndefaults base\n    acl a path /\n    http-request deny if a\nbackend app\n    balance roundrobin\n");
  });

  it("is an error where haproxy refuses the keyword, a warning where it only ignores it", () => {
    const found = expectHaproxy(
      "HA002",
      `frontend www
    bind :80
    «nbthread» 4
    «balance» roundrobin
    «server» s1 10.0.0.1:80
defaults
    «tcp-response inspect-delay» 2s
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "warning", "error", "error"]);
    expect(found[1]!.message).toBe("'balance' has no effect in frontend 'www': haproxy ignores it there (it belongs in backend, defaults, listen)");
    expect(found[3]!.message).toBe("'tcp-response inspect-delay' is only allowed in a named defaults section (write 'defaults NAME')");
  });

  // haproxy 2.6.12: "'acl' not allowed in anonymous 'defaults' section." Once, by HA016, which says
  // how to inherit it; 'tcp-response inspect-delay', which HA016 does not report, stays here.
  it("leaves the rules and ACLs of an anonymous defaults section to HA016", () => {
    const text = "defaults\n    mode http\n    acl blocked src 192.0.2.9\n    http-request deny if blocked\n    tcp-request inspect-delay 3s\nfrontend f\n    bind :8080\n";
    expectHaproxy("HA002", text);
    expect(lintText("haproxy", text).filter((p) => p.ruleId === "HA016").map((p) => p.range.start.line)).toEqual([2, 3, 4]);
  });

  it("only warns about a timeout other than connect and server in a ring, which haproxy ignores with its words (found by mutations)", () => {
    const ring = "ring r\n    size 32764\n    timeout connect 5s\n    «timeout check» 5s 10s\n    «timeout queue» -1\n    server s 127.0.0.1:514\n";
    const found = expectHaproxy("HA002", ring);
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning 'timeout check' has no effect in ring 'r': haproxy ignores it there (a ring reads only 'timeout connect' and 'timeout server')",
      "warning 'timeout queue' has no effect in ring 'r': haproxy ignores it there (a ring reads only 'timeout connect' and 'timeout server')",
    ]);
    expectHaproxy("HA003", ring.replace(/[«»]/g, ""));
    expectHaproxy("HA004", ring.replace(/[«»]/g, ""));
  });
});
