import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

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
    «acl» a path /
`,
    );
    expect(found.map((p) => p.severity)).toEqual(["error", "warning", "error", "error"]);
    expect(found[1]!.message).toBe("'balance' has no effect in frontend 'www': haproxy ignores it there (it belongs in backend, defaults, listen)");
    expect(found[3]!.message).toBe("'acl' is only allowed in a named defaults section (write 'defaults NAME')");
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
