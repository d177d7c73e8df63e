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
});
