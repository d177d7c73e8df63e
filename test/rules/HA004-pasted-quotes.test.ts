import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// haproxy 2.6.12 keeps typographic quotes as part of a word: `user “haproxy”` is "cannot find user id
// for '“haproxy”'" (found by the tenth mutation round's quoting kind on real files).
describe("HA004 a global user or group in typographic quotes", () => {
  it("reports the name with its marks, offering it without them", () => {
    const found = expectHaproxy("HA004", "global\n    user «“haproxy”»\n    group «‘haproxy’»\n\nuserlist L\n    user “a” insecure-password x\n");
    expect(found.map((p) => p.message)).toEqual([
      "haproxy knows only ASCII quotes: it keeps the marks of “haproxy” and looks for a user named so, which no system has; write haproxy",
      "haproxy knows only ASCII quotes: it keeps the marks of ‘haproxy’ and looks for a group named so, which no system has; write haproxy",
    ]);
    expect(found[0]!.suggestions?.[0]?.edits[0]?.newText ?? found[0]!.fix?.edits[0]?.newText).toBe("haproxy");
  });

  it("leaves ASCII quotes, which haproxy removes", () => {
    expectHaproxy("HA004", "global\n    user \"haproxy\"\n    group 'haproxy'\n");
  });
});
