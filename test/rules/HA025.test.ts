import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA025 hash-in-word", () => {
  it("accepts comments after a blank, and # inside quotes or escaped", () => {
    expectHaproxy(
      "HA025",
      `# a comment
frontend www # the site
    bind :80	# tab before
    acl a path_beg "/a#b" '/c#d' /e\\#f
    http-request set-header X-Color "#fff"
`,
    );
  });

  it("reports a comment stuck to a word, with two suggestions and no fix", () => {
    const found = expectHaproxy("HA025", "frontend www\n    bind :80\n    acl admin path_beg /admin«#internal»\n");
    expect(found[0]!.message).toBe("'#internal' is a comment, not part of '/admin': haproxy starts a comment at '#' even inside a word");
    expect(found[0]!.fix).toBeUndefined();
    expect(found[0]!.suggestions?.map((s) => s.edits[0]!.newText)).toEqual(["\\#", " #"]);
  });

  it("offers only to separate the comment when more than one word follows", () => {
    const found = expectHaproxy("HA025", "backend app\n    server a 10.0.0.1:80«#primary server»\n");
    expect(found[0]!.suggestions?.map((s) => s.edits[0]!.newText)).toEqual([" #"]);
  });

  it("finds it on section headers and directives too", () => {
    expectHaproxy("HA025", "backend app«#v2»\n.if defined(X)«#x»\n.endif\n");
  });
});
