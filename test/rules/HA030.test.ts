import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, unmark } from "./harness.js";

describe("HA030 line-continuation", () => {
  it("accepts escaped backslashes, backslashes inside words or quotes, and a backslash before a comment", () => {
    expectHaproxy(
      "HA030",
      `frontend www
    bind :80
    acl win path_beg C:\\\\
    acl esc path_beg /a\\ b
    http-request set-header X-Path "a\\\\"
    acl c path_beg /c \\ # a comment follows
`,
    );
  });

  it("reports a trailing backslash, alone or at the end of a word, and offers to join the lines", () => {
    const source = "backend app\n    server a 10.0.0.1:80 check «\\»\n        inter 2s\n    acl static path_beg /static«\\»\n        /images\n";
    const found = expectHaproxy("HA030", source);
    expect(found[0]!.message).toBe("haproxy has no continuation lines: this backslash is read as part of the line, and the next line as a statement of its own");
    expect(found[0]!.fix).toBeUndefined();
    const text = unmark(source).text;
    expect(applyEdits(text, found[0]!.suggestions![0]!.edits)).toBe("backend app\n    server a 10.0.0.1:80 check inter 2s\n    acl static path_beg /static\\\n        /images\n");
    expect(applyEdits(text, found[1]!.suggestions![0]!.edits)).toBe("backend app\n    server a 10.0.0.1:80 check \\\n        inter 2s\n    acl static path_beg /static /images\n");
  });

  it("reports a backslash followed by a blank at the end of the line", () => {
    expectHaproxy("HA030", "backend app\n    server a 10.0.0.1:80 «\\» \n        check\n");
  });

  it("accepts a value ending with an escaped blank, unless a deeper-indented line follows it", () => {
    expectHaproxy(
      "HA030",
      "backend app\n    option httpchk GET /ready\n    http-check expect string Ready\\ \n\n    server a 10.0.0.1:80 check\n    acl slow path_beg /slow«\\» \n        /slower\n",
    );
  });
});
