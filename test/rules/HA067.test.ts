import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";

const FRONTEND = (body: string) => `frontend f\n    bind :8000\n${body}    default_backend b\n\nbackend b\n    server s 10.0.0.1:80\n`;

describe("HA067 acl-flag", () => {
  it("accepts the flags haproxy knows, '--' before a pattern, and negative numbers after a pattern", () => {
    expectHaproxy(
      "HA067",
      FRONTEND("    acl a be_conn(b) -m int -- -5\n    acl c hdr(host) -i -n -M -f /etc/haproxy/hosts.map\n    acl d be_conn(b) gt -5\n    acl e hdr(x) -u 3 -m str a-b\n    http-request deny if { be_conn(b) -- -1 }\n"),
    );
  });

  it("reports a negative number read as a flag, with '--' as the fix", () => {
    const [found] = expectHaproxy("HA067", FRONTEND("    acl a var(txn.n) -m int «-5»\n"));
    expect(found!.message).toBe("haproxy reads '-5' as an ACL flag, and knows no such flag: write '-- -5' for a pattern that starts with '-'");
    const text = FRONTEND("    acl a var(txn.n) -m int -5\n");
    const edit = found!.fix!.edits[0]!;
    expect(text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).toContain("acl a var(txn.n) -m int -- -5\n");
  });

  it("reports an unknown flag in a condition, offering the flag of the same letter", () => {
    const [found] = expectHaproxy("HA067", FRONTEND("    http-request deny if { hdr(host) «-I» example.com }\n"));
    expect(found!.message).toBe("'-I' is not an ACL flag (haproxy knows -i, -f, -m, -n, -M, -u); did you mean '-i'?");
    expect(found!.fix).toBeUndefined();
    expect(found!.suggestions?.map((s) => s.description)).toEqual(["replace with '-i'", "put '--' before the pattern"]);
  });

  it("leaves HA064 to judge the pattern once it is one", () => {
    expect(lintText("haproxy", FRONTEND("    acl a be_conn(b) -m int -5\n")).map((p) => p.ruleId).filter((id) => id === "HA064")).toEqual([]);
  });

  it("warns about a flag written after a pattern, which haproxy reads as a pattern (tenth mutation round)", () => {
    const found = expectHaproxy("HA067", FRONTEND("    acl a hdr(host) example.com «-i»\n    acl b path_beg /x «-m» beg\n    http-request deny if { path /y «-i» }\n    acl c hdr(x) -- a -i\n"));
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning '-i' comes after a pattern, so haproxy reads it as one more pattern, not as a flag: put the flags before the patterns",
      "warning '-m' comes after a pattern, so haproxy reads it as one more pattern, not as a flag: put the flags before the patterns",
      "warning '-i' comes after a pattern, so haproxy reads it as one more pattern, not as a flag: put the flags before the patterns",
    ]);
    // A criterion that goes on in the next word after a ',' (haproxy's regtests): not judged.
    expectHaproxy("HA067", FRONTEND("    http-request deny if { req.ssl_supported_groups, be2hex(:,2),lower -m sub 001d }\n"));
    // An unknown flag before them stays the finding (haproxy refuses it first).
    const [unknown] = expectHaproxy("HA067", FRONTEND("    acl d path_beg «-mm» str -i /x\n"));
    expect(unknown!.severity).toBe("error");
  });
});

describe("HA067 acl-flag: a condition written on an acl line (tenth real-world round)", () => {
  it("warns that haproxy 2.6.12 reads 'if' and what follows as patterns, and accepts the line", () => {
    const found = expectHaproxy("HA067", FRONTEND("    acl p path_beg /api\n    acl aud req.hdr(aud) -m str https://api.example.com «if p»\n    acl v path /x «unless p»\n    http-request deny if !aud v\n"));
    expect(found.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning an acl line takes no condition: haproxy reads 'if' and the words after it as more patterns of this ACL, so they restrict nothing; put the condition on the rules that use the ACL",
      "warning an acl line takes no condition: haproxy reads 'unless' and the words after it as more patterns of this ACL, so they restrict nothing; put the condition on the rules that use the ACL",
    ]);
  });

  it("leaves 'if' alone as the only or last pattern, in an anonymous ACL, after an integer match (HA064) and after a converter missing its ')' (HA068)", () => {
    expectHaproxy(
      "HA067",
      FRONTEND("    acl a path if\n    acl b path /x if\n    acl c var(txn.n) -m int 1 if b\n    acl d var(txn.t),jwt_verify(\"RS256\", \"/k.pem\") -m str x if b\n    http-request deny if { path /y if } a b c d\n"),
    );
  });
});
